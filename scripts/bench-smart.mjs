// `npm run bench` (second part): smart mode's speed (SPEC C9; issue #12). Not a test: it prints
// medians for the README. In each browser, with the built extension on a covered host:
//   - from the person's choice in the file picker to the page's `change` event, for a benign
//     12-megapixel JPEG: the first share after the browser starts (cold: a new browser each time)
//     and later shares (warm);
//   - the check's own split (decode + downscale, then the model), read from the classifier;
//   - decoding a 12 MP JPEG with createImageBitmap, whole and straight to 448 × 448;
//   - Chromium: the peak resident memory of the extension's process (offscreen document).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-common.mjs';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const COLD = Number(process.env.BENCH_COLD ?? 3);
const WARM = Number(process.env.BENCH_WARM ?? 10);
const require = createRequire(import.meta.url);

const vite = await typescriptLoader();
const { startServer } = await vite.ssrLoadModule('/tests/e2e/harness/server.ts');
const { launch } = await vite.ssrLoadModule('/tests/e2e/harness/browsers.ts');

/** A benign 4000 × 3000 JPEG (12 MP): the CC0 coffee photo enlarged, with sensor-like noise so
 * it does not compress unrealistically well. */
function write12mp(dir) {
  const { PNG } = require('pngjs');
  const jpeg = require('jpeg-js');
  const src = PNG.sync.read(readFileSync(join(root, 'tests/fixtures/photos/coffee.png')));
  const W = 4000;
  const H = 3000;
  const data = Buffer.alloc(W * H * 4);
  let seed = 7;
  for (let y = 0; y < H; y++) {
    const sy = Math.floor((y * src.height) / H);
    for (let x = 0; x < W; x++) {
      const s = (sy * src.width + Math.floor((x * src.width) / W)) * 4;
      const o = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        data[o + c] = Math.max(0, Math.min(255, src.data[s + c] + ((seed >>> 24) % 9) - 4));
      }
      data[o + 3] = 255;
    }
  }
  const path = join(dir, 'photo-12mp.jpg');
  writeFileSync(path, jpeg.encode({ data, width: W, height: H }, 90).data);
  return path;
}

/** The person picks `path` on the fixture page; ms until the page has recorded its `change` event
 * (polled every 5 ms; the fixture's own recording, a SHA-256 of the file, is included, so this
 * errs on the slow side). */
async function share(page, path) {
  const changes = () => page.evaluate(() => window.__received.filter((r) => r.event === 'change').length);
  const before = await changes();
  // Choosing the same file again fires no change: start from an empty input, as a page does.
  await page.evaluate(() => (document.getElementById('visible').value = ''));
  const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 10_000 }), page.click('#visible')]);
  const t0 = performance.now();
  await chooser.accept([path]);
  const deadline = Date.now() + 20_000;
  for (;;) {
    if ((await changes()) > before) return performance.now() - t0;
    if (await page.evaluate(() => document.querySelector('pausa-warning') !== null)) {
      throw new Error('a warning appeared for the benign photo');
    }
    if (Date.now() > deadline) throw new Error('the page never received the photo');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Peak resident memory (VmHWM, MiB) of Chromium's extension processes. */
function extensionProcessPeak() {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--extension-process')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // the process ended
    }
  }
  return peak;
}

const dir = mkdtempSync(join(tmpdir(), 'pausa-bench-smart-'));
const photo = write12mp(dir);
const server = await startServer();
const out = [];
try {
  for (const name of ['chromium', 'firefox']) {
    const cold = [];
    for (let i = 0; i < COLD; i++) {
      const session = await launch(name, { settings: null });
      try {
        const page = await session.browser.newPage();
        await page.goto(server.url('www.instagram.com', '/site/'));
        cold.push(await share(page, photo));
      } finally {
        await session.close();
      }
    }
    const session = await launch(name, { settings: null });
    try {
      const page = await session.browser.newPage();
      await page.goto(server.url('www.instagram.com', '/site/'));
      const memoryBefore = name === 'chromium' ? extensionProcessPeak() : 0;
      await share(page, photo); // warm-up
      const warm = [];
      for (let i = 0; i < WARM; i++) warm.push(await share(page, photo));
      const memoryPeak = name === 'chromium' ? extensionProcessPeak() : 0;
      // The check's own split, and decoding alone, measured in an extension page.
      const options = await session.openExtensionPage('src/options/index.html');
      const input = await options.waitForSelector('input[name="try-check"]');
      await input.uploadFile(photo);
      const split = await options.evaluate(async (runs) => {
        const api = globalThis.browser ?? globalThis.chrome;
        const file = document.querySelector('input[name="try-check"]').files[0];
        const decode = [];
        const infer = [];
        for (let i = 0; i < runs; i++) {
          const { results } = await api.runtime.sendMessage({ type: 'checkImages', data: [file] });
          decode.push(results[0].decodeMs);
          infer.push(results[0].inferMs);
        }
        const time = async (options) => {
          const ms = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            const bitmap = await (options ? createImageBitmap(file, options) : createImageBitmap(file));
            ms.push(performance.now() - t);
            bitmap.close();
          }
          return ms;
        };
        return {
          decode,
          infer,
          whole: await time(undefined),
          to448: await time({ resizeWidth: 448, resizeHeight: 448, resizeQuality: 'medium' }),
          to448low: await time({ resizeWidth: 448, resizeHeight: 448, resizeQuality: 'pixelated' }),
        };
      }, WARM);
      out.push({ name, cold, warm, split, memoryBefore, memoryPeak });
    } finally {
      await session.close();
    }
  }
} finally {
  await server.close();
  await vite.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\nSmart mode: a benign 12 MP JPEG (4000 × 3000), medians in ms (${COLD} cold, ${WARM} warm)`);
console.log('| | Chromium | Firefox |');
console.log('| --- | --- | --- |');
const cell = (f) => out.map((r) => f(r)).join(' | ');
console.log(
  `| choice → page receives it, first share after the browser starts | ${cell((r) => median(r.cold).toFixed(0))} |`,
);
console.log(`| choice → page receives it, later shares | ${cell((r) => median(r.warm).toFixed(0))} |`);
console.log(
  `| of which: decode to 448 × 448 + squeeze to 224 | ${cell((r) => median(r.split.decode).toFixed(0))} |`,
);
console.log(`| of which: the model (inference) | ${cell((r) => median(r.split.infer).toFixed(0))} |`);
console.log(`| createImageBitmap, whole photo | ${cell((r) => median(r.split.whole).toFixed(0))} |`);
console.log(
  `| createImageBitmap straight to 448 × 448 ('medium') | ${cell((r) => median(r.split.to448).toFixed(0))} |`,
);
console.log(
  `| createImageBitmap straight to 448 × 448 ('pixelated') | ${cell((r) => median(r.split.to448low).toFixed(0))} |`,
);
const chromium = out.find((r) => r.name === 'chromium');
if (chromium) {
  console.log(
    `\nChromium extension process, peak resident memory: ${chromium.memoryBefore.toFixed(0)} MiB before the first share, ${chromium.memoryPeak.toFixed(0)} MiB after ${WARM + 1} shares`,
  );
}
