// `npm run package`: the store uploads, in artifacts/ — pausa-chrome-<version>.zip (Chrome Web
// Store) and pausa-firefox-<version>.zip (addons.mozilla.org; an unsigned .xpi is the same file).
// Run `npm run build` first. The Chrome upload drops the manifest `key`: the store assigns the
// published extension its own ID, and the key only pins the ID of unpacked builds.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'artifacts');
mkdirSync(out, { recursive: true });

for (const browser of ['chrome', 'firefox']) {
  const dist = join(root, 'dist', browser);
  if (!existsSync(join(dist, 'manifest.json'))) {
    console.error(`${dist}/manifest.json is missing: run "npm run build" first.`);
    process.exit(1);
  }
  const staging = join(tmpdir(), `pausa-package-${browser}`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(dist, staging, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8'));
  if (browser === 'chrome') delete manifest.key;
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const filename = `pausa-${browser}-${manifest.version}.zip`;
  await webExt.cmd.build(
    { sourceDir: staging, artifactsDir: out, filename, overwriteDest: true },
    { shouldExitProgram: false, showReadyMessage: false },
  );
  rmSync(staging, { recursive: true, force: true });
  console.log(`artifacts/${filename}`);
}
