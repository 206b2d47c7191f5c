// addons.mozilla.org rebuilds a minified add-on from its source: the same commit must give the same
// upload, byte for byte (docs/stores.md, "Source code for AMO"). The build in dist/ (made by
// `npm run build`, as CI does before the tests) is compared with a second build made here.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, packageBuild, sha256Line } from '../../scripts/zip.mjs';

const root = resolve(import.meta.dirname, '../..');
const second = mkdtempSync(join(tmpdir(), 'pausa-rebuild-'));

describe('reproducible uploads', () => {
  beforeAll(() => {
    for (const name of ['chrome', 'firefox']) {
      if (!existsSync(join(root, 'dist', name, 'manifest.json'))) {
        throw new Error(`dist/${name} is missing: run "npm run build" before the tests.`);
      }
    }
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        PAUSA_BROWSERS: 'chrome,firefox',
        PAUSA_EDITIONS: 'store',
        PAUSA_OUT_DIR: second,
      },
      stdio: 'pipe',
    });
  }, 120_000);
  afterAll(() => rmSync(second, { recursive: true, force: true }));

  it.each(['chrome', 'firefox'])('a second build of %s gives the same zip, byte for byte', async (name) => {
    const first = await packageBuild(join(root, 'dist', name), { dropKey: name === 'chrome' });
    const again = await packageBuild(join(second, name), { dropKey: name === 'chrome' });
    const files = filesUnder(join(root, 'dist', name));
    expect(filesUnder(join(second, name))).toEqual(files);
    const differing = files.filter(
      (f) => !readFileSync(join(root, 'dist', name, f)).equals(readFileSync(join(second, name, f))),
    );
    expect(differing, 'files that differ (a dist/ built from other sources? run "npm run build")').toEqual(
      [],
    );
    expect(sha256Line(again, 'x')).toBe(sha256Line(first, 'x'));
  });

  it('the zip depends on contents only: not on file times, and every change shows', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'pausa-zip-'));
    try {
      cpSync(join(root, 'dist', 'firefox'), copy, { recursive: true });
      const before = await packageBuild(copy);
      utimesSync(join(copy, 'content.js'), new Date(), new Date(2001, 1, 1));
      expect((await packageBuild(copy)).equals(before)).toBe(true);
      writeFileSync(join(copy, 'content.js'), '/* changed */', { flag: 'a' });
      expect((await packageBuild(copy)).equals(before)).toBe(false);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a Chrome upload has the whole build without the manifest key; nothing in the folder changes', async () => {
    const dir = join(root, 'dist', 'chrome');
    const zip = await JSZip.loadAsync(await packageBuild(dir, { dropKey: true }));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names.sort()).toEqual(filesUnder(dir));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.key).toBeUndefined();
    expect(manifest.name).toBeTruthy();
    expect(await zip.file('content.js')!.async('nodebuffer')).toEqual(readFileSync(join(dir, 'content.js')));
  });
});
