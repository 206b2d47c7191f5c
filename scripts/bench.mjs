// `npm run bench`: the cost of Pausa on a heavy page, side by side with an empty MV3 extension
// (SPEC §7). Not a test: it prints medians and the ratio. Chromium only, headless.
//
// Two browsers are launched once each (one with dist/chrome, one with an empty extension) and
// runs alternate between them, so drift on the machine hits both alike. A run opens the heavy
// fixture under https://www.instagram.com (a covered host, mapped to 127.0.0.1), waits until its
// DOM bursts are over, and reads the time to that point and the browser's ScriptDuration.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeAll, emptyExtension, launchWith, median } from './bench-common.mjs';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const vite = await typescriptLoader();
const { startServer } = await vite.ssrLoadModule('/tests/e2e/harness/server.ts');
const harness = await vite.ssrLoadModule('/tests/e2e/harness/browsers.ts');
const server = await startServer();

const empty = emptyExtension();

async function run(browser) {
  const page = await browser.newPage();
  await page.goto(server.url('www.instagram.com', '/bench/heavy.html'));
  await page.waitForFunction(() => window.__benchDone !== undefined, { timeout: 30_000, polling: 20 });
  const done = await page.evaluate(() => window.__benchDone);
  const load = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return nav.loadEventEnd - nav.startTime;
  });
  const { ScriptDuration, TaskDuration } = await page.metrics();
  await page.close();
  return { done, load, script: ScriptDuration * 1000, task: TaskDuration * 1000 };
}

const pausa = { browser: await launchWith(harness, join(root, 'dist', 'chrome')) };
const baseline = { browser: await launchWith(harness, empty) };
const results = { pausa: [], empty: [] };
try {
  // One warm-up each, not counted.
  await run(pausa.browser);
  await run(baseline.browser);
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? ['pausa', 'empty'] : ['empty', 'pausa'];
    for (const which of order) {
      results[which].push(await run(which === 'pausa' ? pausa.browser : baseline.browser));
    }
  }
} finally {
  await closeAll();
  await server.close();
  await vite.close();
}

const row = (name, key) => {
  const p = median(results.pausa.map((r) => r[key]));
  const e = median(results.empty.map((r) => r[key]));
  return `${name.padEnd(32)} ${e.toFixed(1).padStart(9)} ${p.toFixed(1).padStart(9)} ${(p / e).toFixed(3).padStart(7)}`;
};
console.log(`Pausa benchmark: heavy page, ${RUNS} runs each, medians in ms (Chromium, headless)`);
console.log(`${''.padEnd(32)} ${'empty'.padStart(9)} ${'Pausa'.padStart(9)} ${'ratio'.padStart(7)}`);
console.log(row('page load (loadEventEnd)', 'load'));
console.log(row('until DOM bursts done', 'done'));
console.log(row('scripting (ScriptDuration)', 'script'));
console.log(row('main-thread work (TaskDuration)', 'task'));
