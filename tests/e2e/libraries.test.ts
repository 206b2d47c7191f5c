// Issue #3 against real upload libraries, loaded as sites load them: Dropzone 6, FilePond 4 and
// react-dropzone 14 (React 18). The person picks (both browsers) or drops (Chromium) files; Go back
// leaves the library with nothing, Continue hands it the same files, byte for byte.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './harness/browsers';
import { dropFiles, expectedFiles, filesOf, pick } from './harness/pick';
import { startServer, type FixtureServer } from './harness/server';
import {
  answer,
  received,
  settle,
  waitForReceived,
  warningHostCount,
  type Received,
} from './harness/warning';

const FILES = ['photo.jpg', 'clip.mp4'];

/** What one library received, all its entries' files in order. */
const filesFrom = (entries: Received[], path: string) =>
  entries.filter((r) => r.path === path).flatMap((r) => filesOf(r));
const withoutDates = (files: ReturnType<typeof filesOf>) =>
  files.map(({ name, size, sha256 }) => ({ name, size, sha256 }));

describe.each(BROWSERS)('%s: real upload libraries', (name) => {
  let session: Session;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await page?.close().catch(() => undefined);
    page = await session.browser.newPage();
    await page.goto(server.url('www.instagram.com', '/libs/'));
    await page.waitForSelector('#react-dropzone');
    // FilePond animates its panel in: click once its "Browse" label has stopped moving.
    await page.waitForFunction(
      () => {
        const box = document.querySelector('.filepond--label-action')?.getBoundingClientRect();
        const w = window as unknown as { __last?: string; __stable?: number };
        const now = box ? `${box.x},${box.y},${box.width},${box.height}` : '';
        w.__stable = now && now === w.__last ? (w.__stable ?? 0) + 1 : 0;
        w.__last = now;
        return (w.__stable ?? 0) >= 3;
      },
      { polling: 100, timeout: 10_000 },
    );
  });

  it.each([
    ['Dropzone', '#dropzone', 'dropzone', 2],
    ['FilePond', '.filepond--label-action', 'filepond', 2],
    ['react-dropzone', '#react-dropzone', 'react-dropzone', 1],
  ])(
    '%s, picked: Go back gives it nothing; Continue the same files',
    async (_lib, selector, path, entries) => {
      await pick(page, selector, FILES);
      await answer(page, 'back');
      await settle();
      expect(await received(page)).toEqual([]);
      await pick(page, selector, FILES);
      await answer(page, 'continue');
      const got = (await waitForReceived(page, entries)).filter((r) => r.path === path);
      // FilePond keeps the File; the others too. Dates are compared where the library keeps the File.
      expect(withoutDates(filesFrom(got, path))).toEqual(withoutDates(expectedFiles(FILES)));
      if (path !== 'filepond') expect(filesFrom(got, path)).toEqual(expectedFiles(FILES));
    },
  );

  it.runIf(name === 'chromium').each([
    ['Dropzone', '#dropzone', 'dropzone', 2],
    ['react-dropzone', '#react-dropzone', 'react-dropzone', 1],
  ])(
    '%s, dropped: Go back gives it nothing; Continue the same files',
    async (_lib, selector, path, entries) => {
      await dropFiles(page, selector, FILES);
      await answer(page, 'back');
      await settle();
      expect(await received(page)).toEqual([]);
      await dropFiles(page, selector, FILES);
      await answer(page, 'continue');
      const got = await waitForReceived(page, entries);
      expect(filesFrom(got, path)).toEqual(expectedFiles(FILES));
    },
  );

  // Dropzone reads a drop through webkitGetAsEntry(), and a folder only that way: the re-dispatched
  // drop must hand back the same entries, and the folder is looked into before it passes.
  it.runIf(name === 'chromium')(
    'Dropzone, a dropped folder with photos: warned; Continue gives the files inside',
    async () => {
      await dropFiles(page, '#dropzone', ['album']);
      await answer(page, 'back');
      await settle();
      expect(await received(page)).toEqual([]);
      await dropFiles(page, '#dropzone', ['album']);
      await answer(page, 'continue');
      const got = await waitForReceived(page, 2);
      const inside = withoutDates(filesFrom(got, 'dropzone')).sort((a, b) => a.name.localeCompare(b.name));
      expect(inside).toEqual(withoutDates(expectedFiles(['clip.mp4', 'photo.jpg'])));
    },
  );

  it.runIf(name === 'chromium')(
    'Dropzone, a dropped folder of documents: no warning, the files arrive',
    async () => {
      await dropFiles(page, '#dropzone', ['papers']);
      const got = await waitForReceived(page, 1);
      expect(await warningHostCount(page)).toBe(0);
      expect(withoutDates(filesFrom(got, 'dropzone'))).toEqual(withoutDates(expectedFiles(['doc.pdf'])));
    },
  );
});
