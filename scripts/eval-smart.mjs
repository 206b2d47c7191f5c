// `npm run eval:smart`: smart mode's false-positive rate on benign photos, per kind of image and
// per sensitivity level (SPEC C9; issue #12). Not a test: it prints a table for the README.
//
// The photos come from Debian packages installed for this (nothing is downloaded):
//   apt-get install -y --no-install-recommends opencv-doc python3-skimage-lib mate-backgrounds \
//     python3-sklearn-lib python-matplotlib-data
// Each photo falls, by a hash of its bytes, into the tuning part (two thirds: the thresholds in
// src/shared/smart.ts were chosen on it) or the held-out part (one third: never looked at while
// choosing, reported separately). `--held-out` prints the held-out part; the default prints tuning.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { decodeFile, nodePredict } from './node-model.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  server: { middlewareMode: true },
});
const { toModelInput } = await vite.ssrLoadModule('/src/shared/pixels.ts');
const { intimateScore, THRESHOLDS } = await vite.ssrLoadModule('/src/shared/smart.ts');
await vite.close();

/** Kinds of image, where they are, and which files are photos (not diagrams or test charts). */
const SOURCES = [
  {
    kind: 'people and everyday scenes (opencv-doc)',
    dir: '/usr/share/doc/opencv-doc/examples/data',
    take: (f) =>
      /\.(jpe?g|png)$/i.test(f) &&
      !/^(left|right)\d|chess|digits|logo|text|gradient|notes|ml\.png|pic\d|detect_blob|box|graf|aloe|calib|ellipses|alphabet|mask|imageText|blox|cards|pca_test|H1to3p|stuff|smarties|sudoku|tmpl|Blender/i.test(
        f,
      ),
  },
  {
    kind: 'portraits, animals, objects (scikit-image)',
    dir: '/usr/lib/python3/dist-packages/skimage/data',
    take: (f) =>
      /^(astronaut|coffee|chelsea|rocket|motorcycle_left|retina|hubble_deep_field|horse|camera|moon|grass|gravel|brick|coins|page)\.(png|jpg)$/.test(
        f,
      ),
  },
  {
    kind: 'nature and abstract wallpapers (mate-backgrounds)',
    dir: '/usr/share/backgrounds/mate',
    take: (f) => /\.(jpe?g|png)$/i.test(f),
  },
  {
    kind: 'landscape, flower (scikit-learn)',
    dir: '/usr/lib/python3/dist-packages/sklearn/datasets/images',
    take: (f) => /\.jpe?g$/i.test(f),
  },
  {
    kind: 'portrait (matplotlib)',
    dir: '/usr/share/matplotlib/sample_data',
    take: (f) => /\.(jpe?g|png)$/i.test(f) && !/logo|Minduka/i.test(f),
  },
];

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const heldOut = process.argv.includes('--held-out');
const rows = [];
for (const source of SOURCES) {
  const files = walk(source.dir).filter((path) => source.take(path.split('/').pop()));
  if (!files.length) console.warn(`(no photos in ${source.dir}: install its package to include them)`);
  for (const path of files) {
    const bytes = readFileSync(path);
    const part = createHash('sha256').update(bytes).digest()[0] % 3 === 0 ? 'held-out' : 'tuning';
    if ((part === 'held-out') !== heldOut) continue;
    let image;
    try {
      image = decodeFile(path);
    } catch (error) {
      console.warn(`skipped ${path}: ${error.message}`);
      continue;
    }
    const score = intimateScore(await nodePredict(toModelInput(image.data, image.width, image.height)));
    rows.push({ kind: source.kind, path, score });
  }
}

console.log(`\n${heldOut ? 'HELD-OUT' : 'TUNING'} part: ${rows.length} benign photos\n`);
const levels = Object.entries(THRESHOLDS);
console.log(`| kind of image | photos | ${levels.map(([l, t]) => `${l} (≥ ${t})`).join(' | ')} |`);
console.log(`| --- | --- | ${levels.map(() => '---').join(' | ')} |`);
const kinds = [...new Set(rows.map((r) => r.kind)), 'all'];
for (const kind of kinds) {
  const set = kind === 'all' ? rows : rows.filter((r) => r.kind === kind);
  const cells = levels.map(([, t]) => {
    const n = set.filter((r) => r.score >= t).length;
    return `${n} (${((100 * n) / set.length).toFixed(1)} %)`;
  });
  console.log(`| ${kind} | ${set.length} | ${cells.join(' | ')} |`);
}
const top = [...rows].sort((a, b) => b.score - a.score).slice(0, 8);
console.log('\nhighest scores:');
for (const r of top) console.log(`  ${r.score.toFixed(3)}  ${r.path}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
