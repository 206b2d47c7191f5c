// `npm run package`: the uploads for all four builds, in artifacts/ — pausa-chrome-<version>.zip
// (Chrome Web Store, Edge Add-ons), pausa-firefox-<version>.zip (addons.mozilla.org; an unsigned
// .xpi is the same file), and the organisation builds pausa-chrome-managed-<version>.zip and
// pausa-firefox-managed-<version>.zip (a private or unlisted store listing, or self-hosting: see
// docs/deploy.md), and artifacts/SHA256SUMS. Run `npm run build` first. The zips are reproducible:
// the same build gives the same bytes (scripts/zip.mjs; tests/unit/reproducible.test.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { versionProblem } from './version-guard.mjs';
import { packageBuild, sha256Line } from './zip.mjs';

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

const sums = [];
for (const browser of ['chrome', 'firefox', 'chrome-managed', 'firefox-managed']) {
  const dist = join(root, 'dist', browser);
  if (!existsSync(join(dist, 'manifest.json'))) {
    console.error(`${dist}/manifest.json is missing: run "npm run build" first.`);
    process.exit(1);
  }
  const bytes = await packageBuild(dist, { dropKey: browser.startsWith('chrome') });
  const filename = `pausa-${browser}-${version}.zip`;
  writeFileSync(join(out, filename), bytes);
  sums.push(sha256Line(bytes, filename));
  console.log(`artifacts/${filename}  ${(bytes.length / 1e6).toFixed(1)} MB`);
}
writeFileSync(join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
console.log('artifacts/SHA256SUMS (check with: cd artifacts && sha256sum -c SHA256SUMS)');
