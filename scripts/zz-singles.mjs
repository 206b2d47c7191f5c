import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { closeAll, emptyExtension, launchWith } from './bench-common.mjs';
import { typescriptLoader } from './typescript.mjs';
const vite = await typescriptLoader();
const harness = await vite.ssrLoadModule('/tests/e2e/harness/browsers.ts');
const texts = JSON.parse(readFileSync('/tmp/zzs/texts.json', 'utf8'));
const rules = JSON.parse(readFileSync('src/rules/rules.json', 'utf8')).messages;
const out = await build({ root: process.cwd(), configFile: false, logLevel: 'error', build: { write: false, minify: true, lib: { entry: process.env.ENTRY ?? 'src/shared/extortion.ts', formats: ['iife'], name: 'PausaMatcher' } } });
const bundle = (Array.isArray(out) ? out[0] : out).output[0].code;
const browser = await launchWith(harness, emptyExtension());
try {
  for (const [gap, kind] of [[100, 'varied'], [100, 'same'], [100, 'ok'], [100, 'baseline'], [100, 'nothing'], [20, 'varied']]) {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle });
    const r = await page.evaluate(async (rules, texts, gap, kind) => {
      const { packLexicon, unpackLexicon, ConversationWindows } = globalThis.PausaMatcher;
      const w = new ConversationWindows(unpackLexicon(JSON.parse(JSON.stringify(packLexicon(rules)))));
      for (let j = 0; j < 4500; j++) w.add('b', texts[j], Date.now());
      const ds = [];
      for (let j = 4500; j < 4800; j++) {
        await new Promise((res) => (gap ? setTimeout(res, gap) : (() => { const c = new MessageChannel(); c.port1.onmessage = () => res(); c.port2.postMessage(0); })()));
        const t = kind === 'same' ? 'where are you now? 12:03' : kind === 'ok' ? 'ok' : texts[j];
        const s = performance.now();
        if (kind === 'baseline') { const m = texts[j].toLowerCase().match(/[a-z]+/g) ?? []; let n = 0; for (const x of m) if (globalThis.__m?.get(x)) n++; (globalThis.__m ??= new Map(texts.slice(0, 3000).flatMap((t) => t.split(' ')).map((x, i) => [x, i]))); }
        else if (kind !== 'nothing') w.add('b', t, Date.now());
        ds.push(performance.now() - s);
      }
      ds.sort((a, b) => a - b);
      return { mean: ds.reduce((a, b) => a + b) / ds.length, median: ds[150], p90: ds[270], iso: crossOriginIsolated };
    }, rules, texts, gap, kind);
    console.log(gap, kind, JSON.stringify(r));
    await page.close();
  }
} finally { await closeAll(); await vite.close(); }
