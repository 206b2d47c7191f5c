// The store uploads, made so that the same build always gives the same bytes (addons.mozilla.org
// asks that its reviewers can rebuild a minified add-on and get the same file). web-ext's own
// `build` cannot: it adds files in the order they finish reading and stamps each with the current
// time. Here the entries are sorted, dated 1980-01-01 (the zip format's first day) and compressed
// with one fixed level, so the zip depends on the files' contents and names only.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';

const FIXED_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** Every file under `dir`, as forward-slash paths relative to it, sorted. */
export function filesUnder(dir) {
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * The upload for one build folder (dist/chrome, …). For a Chrome build the manifest's `key` is
 * left out: a store assigns the published extension its own ID; the key only pins the ID of
 * unpacked builds. Nothing in the folder is changed.
 */
export async function packageBuild(dir, { dropKey = false } = {}) {
  const zip = new JSZip();
  for (const path of filesUnder(dir)) {
    let bytes = readFileSync(join(dir, path));
    if (path === 'manifest.json') {
      const manifest = JSON.parse(bytes.toString('utf8'));
      if (dropKey) delete manifest.key;
      bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    }
    zip.file(path, bytes, { date: FIXED_DATE, createFolders: false });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
}

/** `sha256sum`'s line for a file: check the uploads with `sha256sum -c SHA256SUMS`. */
export const sha256Line = (bytes, filename) =>
  `${createHash('sha256').update(bytes).digest('hex')}  ${filename}`;
