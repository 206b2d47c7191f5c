// `npm run package`: the uploads for all four builds, in artifacts/ — pausa-chrome-<version>.zip
// (Chrome Web Store, Edge Add-ons), pausa-firefox-<version>.zip (addons.mozilla.org; an unsigned
// .xpi is the same file), and the organisation builds pausa-chrome-managed-<version>.zip and
// pausa-firefox-managed-<version>.zip (a private or unlisted store listing, or self-hosting: see
// docs/deploy.md). Run `npm run build` first. The Chrome uploads drop the manifest `key`: a store
// assigns the published extension its own ID, and the key only pins the ID of unpacked builds.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';
import { execFileSync } from 'node:child_process';
import { versionProblem } from './version-guard.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'artifacts');

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let tags = [];
try {
  tags = execFileSync('git', ['tag', '--list'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
} catch {
  console.warn('npm run package: not a git checkout; cannot check the version against tags.');
}
const problem = versionProblem(version, tags, process.argv.includes('--allow-tagged-version'));
if (problem) {
  console.error(`npm run package: ${problem}`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

for (const browser of ['chrome', 'firefox', 'chrome-managed', 'firefox-managed']) {
  const dist = join(root, 'dist', browser);
  if (!existsSync(join(dist, 'manifest.json'))) {
    console.error(`${dist}/manifest.json is missing: run "npm run build" first.`);
    process.exit(1);
  }
  const staging = join(tmpdir(), `pausa-package-${browser}`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(dist, staging, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8'));
  if (browser.startsWith('chrome')) delete manifest.key;
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const filename = `pausa-${browser}-${manifest.version}.zip`;
  await webExt.cmd.build(
    { sourceDir: staging, artifactsDir: out, filename, overwriteDest: true },
    { shouldExitProgram: false, showReadyMessage: false },
  );
  rmSync(staging, { recursive: true, force: true });
  console.log(`artifacts/${filename}`);
}
