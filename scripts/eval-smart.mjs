// `npm run eval:smart`: smart mode's false-positive rate on benign photos, per kind of image and
// per sensitivity level (SPEC C9; issue #12). Not a test: it prints a table for the README.
//
// The photos come from Debian packages installed for this (nothing is downloaded):
//   apt-get install -y --no-install-recommends opencv-doc python3-skimage-lib mate-backgrounds \
//     python3-sklearn-lib python-matplotlib-data gnome-backgrounds plasma-workspace-wallpapers \
//     ukui-wallpapers lomiri-wallpapers
// Each photo falls, by a hash of its bytes, into the tuning part (two thirds: the thresholds in
// src/shared/smart.ts were chosen on it) or the held-out part (one third: never looked at while
// choosing, reported separately). `--held-out` prints the held-out part; the default prints tuning;
// `--both` prints the two tables.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { typescriptLoader } from './typescript.mjs';
import { decodeFile, nodePredict } from './node-model.mjs';

const vite = await typescriptLoader();
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
    kind: 'desktop wallpapers: photos and art (GNOME, UKUI, Lomiri)',
    dir: '/usr/share/backgrounds',
    take: (f) => /\.(jpe?g|png)$/i.test(f),
    skip: '/usr/share/backgrounds/mate',
  },
  {
    kind: 'desktop wallpapers (KDE Plasma)',
    dir: '/usr/share/wallpapers',
    take: (f) => /\.(jpe?g|png)$/i.test(f) && !/screenshot/i.test(f),
    // Each wallpaper comes in many sizes: one picture per wallpaper.
    same: (path) => path.split('/contents/')[0],
  },
  {
    kind: 'portrait (matplotlib)',
    dir: '/usr/share/matplotlib/mpl-data/sample_data',
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
/** `--both`: each part's table in turn (for the README, once the thresholds are settled). */
const both = process.argv.includes('--both');
const rows = [];
for (const source of SOURCES) {
  const files = walk(source.dir).filter(
    (path) => source.take(path.split('/').pop()) && !(source.skip && path.startsWith(source.skip)),
  );
  if (!files.length) console.warn(`(no photos in ${source.dir}: install its package to include them)`);
  const seen = new Set();
  for (const path of files) {
    const key = source.same?.(path) ?? path;
    if (seen.has(key)) continue;
    seen.add(key);
    const bytes = readFileSync(path);
    const part = createHash('sha256').update(bytes).digest()[0] % 3 === 0 ? 'held-out' : 'tuning';
    if (!both && (part === 'held-out') !== heldOut) continue;
    let image;
    try {
      image = decodeFile(path);
    } catch (error) {
      console.warn(`skipped ${path}: ${error.message}`);
      continue;
    }
    const score = intimateScore(await nodePredict(toModelInput(image.data, image.width, image.height)));
    rows.push({ kind: source.kind, path, score, part });
  }
}

function table(label, set) {
  console.log(`\n${label}: ${set.length} benign photos\n`);
  const levels = Object.entries(THRESHOLDS);
  console.log(`| kind of image | photos | ${levels.map(([l, t]) => `${l} (≥ ${t})`).join(' | ')} |`);
  console.log(`| --- | --- | ${levels.map(() => '---').join(' | ')} |`);
  for (const kind of [...new Set(set.map((r) => r.kind)), 'all']) {
    const some = kind === 'all' ? set : set.filter((r) => r.kind === kind);
    const cells = levels.map(([, t]) => {
      const n = some.filter((r) => r.score >= t).length;
      return `${n} (${((100 * n) / some.length).toFixed(1)} %)`;
    });
    console.log(`| ${kind} | ${some.length} | ${cells.join(' | ')} |`);
  }
  console.log('\nhighest scores:');
  for (const r of [...set].sort((a, b) => b.score - a.score).slice(0, 6)) {
    console.log(`  ${r.score.toFixed(3)}  ${r.path}`);
  }
}
if (both) {
  table(
    'TUNING part',
    rows.filter((r) => r.part === 'tuning'),
  );
  table(
    'HELD-OUT part',
    rows.filter((r) => r.part === 'held-out'),
  );
} else {
  table(heldOut ? 'HELD-OUT part' : 'TUNING part', rows);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
