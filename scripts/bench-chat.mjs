// `npm run bench:chat` (part of `npm run bench`): C8's cost on a busy chat (issue #13). A chat page
// on https://web.whatsapp.com (covered, mapped to 127.0.0.1) receives MESSAGES messages in bursts
// of BURST, in three Chromium instances launched once each: an empty MV3 extension, Pausa with C8
// off, Pausa with C8 on; runs alternate between them.
//
// Page-level wall time cannot resolve a few per cent on a 2-core machine, so Pausa's own cost is
// read from V8's sampling profiler (CDP Profiler, 100 µs): the time of samples whose function
// belongs to a chrome-extension:// script (content.js, messages.js), and the longest unbroken
// stretch of such samples (an upper bound on any task Pausa caused). Budget: under 1 ms of Pausa
// script per 100 messages, no Pausa stretch over 50 ms.
//
// Then the matcher alone (src/shared/extortion.ts bundled, in a blank page: no DOM, no reader), on
// the same texts as the reader gets them, timed in the page four ways: all in one task, in bursts
// of BURST one task each with no idle time between, in bursts with 20 ms of idle time between as in
// the chat, and one message at a time with 20 ms of idle time before each (a quiet chat: the code
// compiled, but the memory it touches gone cold). It tells the matcher's share from the reader's,
// and how much of the cost is the code meeting cold caches after idle time rather than the work
// itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { closeAll, emptyExtension, launchWith, median } from './bench-common.mjs';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const BURST = 50;

const vite = await typescriptLoader();
const { startServer } = await vite.ssrLoadModule('/tests/e2e/harness/server.ts');
const harness = await vite.ssrLoadModule('/tests/e2e/harness/browsers.ts');
const { CHROME_ID } = await vite.ssrLoadModule('/tests/e2e/harness/ids.ts');
const server = await startServer();

// The messages: every distinct ordinary and look-alike message of the evaluation set's tuning part
// (never the held-out one), every language, in a fixed shuffled order, each once, so new words keep
// coming as in a real chat (about one token in eight is new over 5,000 messages). BENCH_TEXTS=cycled:
// the benchmark's texts until 2026-12-02, the ordinary chats of the files at the top only (464
// messages) cycled, after which no word is new: it counts the first sight of a word too rarely.
const dir = join(root, 'tests', 'fixtures', 'messages');
const varied = process.env.BENCH_TEXTS !== 'cycled';
const lines = varied
  ? await variedLines()
  : readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
      .filter((l) => l.startsWith('B '))
      .flatMap((l) => l.slice(2).split(' || '));
async function variedLines() {
  const { readCases, seededRandom, shuffled } = await vite.ssrLoadModule(
    '/tests/fixtures/messages/evaluate.ts',
  );
  const all = readCases()
    .filter((c) => c.part === 'tuning' && c.kind !== 'T')
    .flatMap((c) => c.messages);
  return shuffled([...new Set(all)], seededRandom(7));
}
if (lines.length < MESSAGES && varied) console.warn(`only ${lines.length} distinct messages: some repeat.`);
const CHAT_PAGE = readFileSync(join(root, 'tests', 'fixtures', 'chat', 'index.html'), 'utf8');
const texts = Array.from({ length: MESSAGES }, (_, i) => lines[i % lines.length]);
// The same texts as the reader gets them: each message's row holds its text and a time (chat.js).
const textsAsRead = texts.map((t, i) => `${t} 12:0${((i % BURST) + 1) % 10}`);

async function launch(extensionDir, c8) {
  const browser = await launchWith(harness, extensionDir);
  if (c8 !== undefined) {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${CHROME_ID}/src/options/index.html`);
    await page.evaluate(async (on) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, detectExtortionMessages: on } });
    }, c8);
    await page.waitForFunction(
      async (on) => Boolean((await chrome.storage.local.get('coverage')).coverage?.extortion) === on,
      { polling: 100, timeout: 10_000 },
      c8,
    );
    await page.close();
  }
  return { browser };
}

/**
 * One run, measured one of two ways. `profile`: V8's sampling profiler, which attributes every
 * sample (DOM calls included) but slows the code it watches (about 1.6x for the matcher in Node,
 * sampled at this interval). `trace`: Chromium's own trace of each call it makes into a script
 * (`FunctionCall`: the reader's observer and idle-time callbacks), exact and with no sampling, but
 * blind to promise continuations (the reader's one-time start-up, counted by the profile).
 */
async function run(browser, n, how) {
  // Each run its own page address: its own conversation.
  const path = `/chat/bench-${n}-${how}`;
  server.setRoute(path, { body: CHAT_PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } });
  const page = await browser.newPage();
  // The reader says once when a flood made it skip messages: the figures would then count less work
  // than the messages ask for.
  let skipped = false;
  page.on('console', (message) => {
    if (message.text().startsWith('Pausa: more new text')) skipped = true;
  });
  await page.goto(server.url('web.whatsapp.com', path), { waitUntil: 'load' });
  const client = await page.createCDPSession();
  if (how === 'profile') {
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: 100 });
    await client.send('Profiler.start');
  } else await page.tracing.start({ categories: ['devtools.timeline'] });
  const before = await page.metrics();
  const wall = await page.evaluate(
    async (all, burst) => {
      const start = performance.now();
      for (let i = 0; i < all.length; i += burst) {
        // Marks the second half in the trace: what the messages cost once the code is warm.
        if (i === Math.floor(all.length / burst / 2) * burst) console.timeStamp('pausa-bench-half');
        await window.receive(all.slice(i, i + burst), 0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Let idle-time work finish.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return performance.now() - start - 1500;
    },
    texts,
    BURST,
  );
  const after = await page.metrics();
  const measured =
    how === 'profile'
      ? attribute((await client.send('Profiler.stop')).profile)
      : traced(JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents);
  await client.detach();
  await page.close();
  if (skipped) console.warn(`run ${n} (${how}): the reader skipped messages; its figures undercount.`);
  return { wall, script: (after.ScriptDuration - before.ScriptDuration) * 1000, skipped, ...measured };
}

/** Time of Chromium's calls into a chrome-extension:// script (outermost ones only), the longest
 * one (ms), and the time of those in the run's second half (after the page's `pausa-bench-half`
 * mark: the reader's code compiled and optimised by then). */
function traced(events) {
  const half = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'pausa-bench-half')?.ts;
  const calls = events
    .filter(
      (e) =>
        e.name === 'FunctionCall' &&
        e.ph === 'X' &&
        String(e.args?.data?.url).startsWith('chrome-extension://'),
    )
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let warm = 0;
  let longest = 0;
  let end = 0;
  for (const call of calls) {
    if (call.ts < end) continue; // inside the previous one
    end = call.ts + call.dur;
    total += call.dur / 1000;
    if (half !== undefined && call.ts >= half) warm += call.dur / 1000;
    longest = Math.max(longest, call.dur / 1000);
  }
  return { pausa: total, longest, warm: half === undefined ? NaN : warm };
}

/** Time of samples in chrome-extension:// scripts, and the longest unbroken run of them (ms). */
function attribute(profile) {
  const ours = new Set(
    profile.nodes.filter((n) => n.callFrame.url.startsWith('chrome-extension://')).map((n) => n.id),
  );
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A sample counts as Pausa's if its node or any caller is in a Pausa script.
  const mine = new Map();
  const isMine = (id) => {
    if (mine.has(id)) return mine.get(id);
    const result = ours.has(id) || (parent.has(id) && isMine(parent.get(id)));
    mine.set(id, result);
    return result;
  };
  let total = 0;
  let run = 0;
  let longest = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (isMine(id)) {
      total += dt;
      run += dt;
      longest = Math.max(longest, run);
    } else run = 0;
  });
  if (process.env.BENCH_TOP) {
    const self = new Map();
    profile.samples.forEach((id, i) => {
      if (!isMine(id)) return;
      const n = profile.nodes.find((x) => x.id === id);
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    console.log(
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => `${v.toFixed(1)} ${k}`)
        .join('\n'),
    );
  }
  return { pausa: total, longest };
}

/** The matcher alone, in a blank page of `browser`, one of the ways (`size` messages per task,
 * `pause` between tasks), its code cold as in a new chat page: ms for each half of the messages
 * (one task: all in `first`). `warm`: that many messages are read first, untimed, in one task (the
 * code compiled), and only the rest are timed. */
async function matcherAlone(browser, bundle, rules, size, pause, warm = 0, baseline = false) {
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle });
  const result = await page.evaluate(
    async (rules, all, size, pause, warm, baseline) => {
      const { packLexicon, unpackLexicon, ConversationWindows } = globalThis.PausaMatcher;
      // As the page gets it: packed by the background, through storage (a copy).
      const windows = new ConversationWindows(unpackLexicon(JSON.parse(JSON.stringify(packLexicon(rules)))));
      // The baseline: what any code that reads a message's words does, and no more (lower-case
      // it, split it into words, look each up in a set of every word of the messages, made
      // first).
      const known = new Set();
      let found = 0;
      const words = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const read = baseline
        ? (text) => {
            for (const word of words(text)) if (known.has(word)) found++;
          }
        : (text) => windows.add('bench', text, Date.now());
      if (baseline) for (const text of all) for (const word of words(text)) known.add(word);
      for (let j = 0; j < warm; j++) read(all[j]);
      const texts = all.slice(warm);
      const next = () =>
        new Promise((resolve) => {
          if (pause) return setTimeout(resolve, pause);
          // A new task with no idle time before it.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        });
      let first = 0;
      let second = 0;
      for (let i = 0; i < texts.length; i += size) {
        const start = performance.now();
        for (let j = i; j < Math.min(i + size, texts.length); j++) read(texts[j]);
        const took = performance.now() - start;
        if (i < texts.length / 2) first += took;
        else second += took;
        await next();
      }
      return { first, second, found };
    },
    rules,
    textsAsRead,
    size,
    pause,
    warm,
    baseline,
  );
  await page.close();
  return { ...result, timed: MESSAGES - warm };
}

/** How many messages the last way times: one at a time, as a quiet chat delivers them (each read
 * with the code compiled but what it touches gone cold: the costliest case per message). */
const SINGLES = Math.min(500, Math.floor(MESSAGES / 2));
const ALONE = [
  ['one task', MESSAGES, 0],
  ['bursts, no idle time between', BURST, 0],
  ['bursts, 20 ms idle between (as the chat)', BURST, 20],
  [
    `one message at a time, 20 ms idle between (the last ${SINGLES}, after the rest in one task)`,
    1,
    20,
    MESSAGES - SINGLES,
  ],
  // The last two again with no matcher: each message only lower-cased, split into words and each
  // looked up in a map. What any reading of text costs here after idle time.
  ['baseline, not Pausa: bursts, 20 ms idle between', BURST, 20, 0, true],
  [
    `baseline, not Pausa: the same ${SINGLES} one at a time, only split into words and looked up`,
    1,
    20,
    MESSAGES - SINGLES,
    true,
  ],
];

/** src/shared/extortion.ts as one script that sets `PausaMatcher`, minified as in the build. */
async function bundleMatcher() {
  const out = await build({
    root,
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: true,
      lib: { entry: join(root, 'src', 'shared', 'extortion.ts'), formats: ['iife'], name: 'PausaMatcher' },
    },
  });
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}

const configs = {
  empty: await launch(emptyExtension()),
  'C8 off': await launch(join(root, 'dist', 'chrome'), false),
  'C8 on': await launch(join(root, 'dist', 'chrome'), true),
};
const results = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
const alone = [];
try {
  const bundle = await bundleMatcher();
  // Read as the extension reads them (the schema turns the file's weights, grouped by weight, into
  // one per feature), then packed in the page as the background packs them.
  const { Rules } = await vite.ssrLoadModule('/src/shared/rules.ts');
  const rules = Rules.parse(
    JSON.parse(readFileSync(join(root, 'src', 'rules', 'rules.json'), 'utf8')),
  ).messages;
  for (let i = 0; i < RUNS; i++) {
    for (const [name, { browser }] of Object.entries(configs))
      for (const how of ['profile', 'trace'])
        results[name].push({ how, ...(await run(browser, `${name.replace(/\W/g, '')}-${i}`, how)) });
    const ways = {};
    for (const [name, size, pause, warm, baseline] of ALONE)
      ways[name] = await matcherAlone(configs.empty.browser, bundle, rules, size, pause, warm, baseline);
    alone.push(ways);
  }
} finally {
  await closeAll();
  await server.close();
  await vite.close();
}

const f = (x) => x.toFixed(1);
console.log(
  `\nchat: ${MESSAGES} ${varied ? 'distinct messages' : 'messages cycled from 464 (BENCH_TEXTS=cycled)'} in bursts of ${BURST}, median of ${RUNS} runs (Chromium, headless)\n`,
);
console.log(
  '| | measured by | page wall (ms) | all script (ms) | Pausa script (ms) | Pausa per 100 messages (ms) | longest Pausa stretch (ms) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
const perHundred = {};
for (const [name, all] of Object.entries(results))
  for (const how of ['profile', 'trace']) {
    const rs = all.filter((r) => r.how === how);
    const pausa = median(rs.map((r) => r.pausa));
    perHundred[`${name} ${how}`] = {
      per: pausa / (MESSAGES / 100),
      longest: Math.max(...rs.map((r) => r.longest)),
    };
    console.log(
      `| ${name} | ${how} | ${f(median(rs.map((r) => r.wall)))} | ${f(median(rs.map((r) => r.script)))} | ${f(pausa)} | ${(pausa / (MESSAGES / 100)).toFixed(3)} | ${f(perHundred[`${name} ${how}`].longest)} |`,
    );
  }
const warm = median(results['C8 on'].filter((r) => r.how === 'trace').map((r) => r.warm));
console.log(
  `\nC8 on, second half of the messages only (trace; the code warm): ${f(warm)} ms, ${(warm / (MESSAGES / 200)).toFixed(3)} ms per 100 messages`,
);
if (results['C8 on'].some((r) => r.skipped))
  console.log(
    `\nThe reader skipped messages in some runs: the figures below count less work than ${MESSAGES} messages.`,
  );
for (const how of ['profile', 'trace']) {
  const { per, longest } = perHundred[`C8 on ${how}`];
  console.log(
    `budget by ${how}: ${per < 1 ? 'met' : 'NOT met'} (${per.toFixed(3)} ms per 100 messages < 1), longest stretch ${f(longest)} ms ${longest <= 50 ? '≤' : '>'} 50`,
  );
}

console.log(
  `\nThe matcher alone (no DOM, no reader; timed in the page), median of ${RUNS} runs, ms per 100 messages:\n`,
);
console.log('| | all messages | second half |');
console.log('| --- | --- | --- |');
for (const name of Object.keys(alone[0])) {
  const timed = alone[0][name].timed;
  const all = median(alone.map((r) => r[name].first + r[name].second)) / (timed / 100);
  // One task is timed whole: no halves.
  const warm =
    name === 'one task' ? '' : (median(alone.map((r) => r[name].second)) / (timed / 200)).toFixed(3);
  console.log(`| ${name} | ${all.toFixed(3)} | ${warm} |`);
}
