// What the benchmarks share: the median, the empty MV3 extension they measure Pausa against, and a
// headless Chromium with one extension installed. Launched browsers and temporary folders are
// removed by `closeAll`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const folders = [];
const browsers = [];

/** A folder holding an MV3 extension that does nothing: the baseline. */
export function emptyExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'pausa-empty-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Empty', version: '1.0' }),
  );
  folders.push(dir);
  return dir;
}

/** Headless Chromium with `extensionDir` installed, given time to finish installing (the
 * background writes the coverage its scripts read). `harness`: tests/e2e/harness/browsers.ts. */
export async function launchWith(harness, extensionDir) {
  const profile = mkdtempSync(join(tmpdir(), 'pausa-bench-'));
  folders.push(profile);
  const browser = await harness.launchChromium(harness.findExecutable('chromium'), profile);
  browsers.push(browser);
  await browser.installExtension(extensionDir);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return browser;
}

export async function closeAll() {
  for (const browser of browsers.splice(0)) await browser.close().catch(() => undefined);
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}
