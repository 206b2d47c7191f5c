// `npm run bench`: the cost of Pausa on a heavy page, side by side with an empty MV3 extension
// (SPEC §7). Not a test: it prints medians and the ratio. Chromium only, headless.
//
// Two browsers are launched once each (one with dist/chrome, one with an empty extension) and
// runs alternate between them, so drift on the machine hits both alike. A run opens the heavy
// fixture under https://www.instagram.com (a covered host, mapped to 127.0.0.1), waits until its
// DOM bursts are over, and reads the time to that point and the browser's ScriptDuration.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const vite = await typescriptLoader();
const { startServer } = await vite.ssrLoadModule('/tests/e2e/harness/server.ts');
const { findExecutable, launchChromium } = await vite.ssrLoadModule('/tests/e2e/harness/browsers.ts');
const server = await startServer();

const empty = mkdtempSync(join(tmpdir(), 'pausa-empty-ext-'));
writeFileSync(
  join(empty, 'manifest.json'),
  JSON.stringify({ manifest_version: 3, name: 'Empty', version: '1.0' }),
);

async function launch(extensionDir) {
  const profile = mkdtempSync(join(tmpdir(), 'pausa-bench-'));
  const browser = await launchChromium(findExecutable('chromium'), profile);
  await browser.installExtension(extensionDir);
  // Let the extension finish installing (the background writes the coverage it reads).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return { browser, profile };
}

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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const pausa = await launch(join(root, 'dist', 'chrome'));
const baseline = await launch(empty);
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
  for (const { browser, profile } of [pausa, baseline]) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  rmSync(empty, { recursive: true, force: true });
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
