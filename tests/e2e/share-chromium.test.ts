// Issue #3, the paths only Chromium's driver can produce as a person would: a trusted drop of
// real files (CDP Input.dispatchDragEvent), a trusted paste of an image (a real clipboard and
// Ctrl+V), window.showOpenFilePicker(), showDirectoryPicker() and navigator.clipboard.read().
// Firefox covers drop and paste (and a clipboard image, which headless Firefox cannot hold) in
// component tests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launch, type Session } from './harness/browsers';
import { dropFiles, expectedFiles, filesOf, pasteImage } from './harness/pick';
import { startServer, type FixtureServer } from './harness/server';
import { answer, received, settle, waitForReceived, warningHostCount } from './harness/warning';

describe('chromium: drop, paste, the file and folder pickers, clipboard.read()', () => {
  let session: Session;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    session = await launch('chromium');
    const context = session.browser.defaultBrowserContext();
    for (const host of ['www.instagram.com', 'intranet.example.edu']) {
      await context.overridePermissions(server.url(host, ''), [
        'clipboard-read',
        'clipboard-write',
        'clipboard-sanitized-write',
      ]);
    }
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await page?.close().catch(() => undefined);
    page = await session.browser.newPage();
    await page.goto(server.url('www.instagram.com', '/site/'));
  });

  it('drop: Go back sends dragleave and no files', async () => {
    await dropFiles(page, '#dropzone', ['photo.jpg', 'clip.mp4']);
    await answer(page, 'back');
    const got = await waitForReceived(page, 1);
    await settle();
    expect((await received(page)).map((r) => r.event)).toEqual(['dragleave']);
    expect(got[0]?.files).toEqual([]);
  });

  it('drop: Continue delivers the same files to the delegated handler', async () => {
    await dropFiles(page, '#dropzone', ['photo.jpg', 'clip.mp4', 'doc.pdf']);
    await answer(page, 'continue');
    const [got] = await waitForReceived(page, 1);
    expect(got?.event).toBe('drop');
    expect(filesOf(got)).toEqual(expectedFiles(['photo.jpg', 'clip.mp4', 'doc.pdf']));
  });

  it('drop: a PDF alone passes with no warning', async () => {
    await dropFiles(page, '#dropzone', ['doc.pdf']);
    const [got] = await waitForReceived(page, 1);
    expect(filesOf(got)).toEqual(expectedFiles(['doc.pdf']));
  });

  it('drop onto a file input: the browser fills it without Pausa (a PDF), and so does Continue', async () => {
    // The browser's own default action, for a file Pausa lets through at once.
    await dropFiles(page, '#drop-input', ['doc.pdf']);
    expect(filesOf((await waitForReceived(page, 1))[0])).toEqual(expectedFiles(['doc.pdf']));
    await dropFiles(page, '#drop-input', ['photo.jpg', 'clip.mp4']);
    await answer(page, 'back');
    await settle();
    expect((await received(page)).map((r) => `${r.path}:${r.event}`)).toEqual(['drop-input:change']);
    await dropFiles(page, '#drop-input', ['photo.jpg', 'clip.mp4']);
    await answer(page, 'continue');
    const got = await waitForReceived(page, 2);
    expect(got[1]?.path).toBe('drop-input');
    expect(filesOf(got[1])).toEqual(expectedFiles(['photo.jpg', 'clip.mp4']));
    expect(await page.$eval('#drop-input', (el) => (el as HTMLInputElement).files?.length)).toBe(2);
  });

  it('drop inside a closed shadow root: Continue reaches the drop zone inside, Go back gives nothing', async () => {
    await dropFiles(page, '#closed-drop', ['photo.jpg']);
    await answer(page, 'back');
    await settle();
    expect(await received(page)).toEqual([]);
    await dropFiles(page, '#closed-drop', ['photo.jpg', 'clip.mp4']);
    await answer(page, 'continue');
    const [got] = await waitForReceived(page, 1);
    expect(got).toMatchObject({ path: 'closed-drop', event: 'drop' });
    expect(filesOf(got)).toEqual(expectedFiles(['photo.jpg', 'clip.mp4']));
  });

  it('paste inside a closed shadow root: Continue reaches the chat box inside', async () => {
    // A click on the host lands in the editable box inside and focuses it.
    const focusInside = () => page.click('#closed-chat');
    await pasteImage(page, focusInside);
    await answer(page, 'back');
    await settle();
    expect(await received(page)).toEqual([]);
    await pasteImage(page, focusInside);
    await answer(page, 'continue');
    const [got] = await waitForReceived(page, 1);
    expect(got).toMatchObject({ path: 'closed-paste', event: 'paste', text: 'hello' });
    expect(got?.files.map((f) => f.type)).toEqual(['image/png']);
  });

  it('paste: Go back pastes nothing; Continue pastes the same image and text', async () => {
    // What the page gets with no Pausa (an uncovered host) is the reference for the bytes.
    await page.goto(server.url('intranet.example.edu', '/site/'));
    await pasteImage(page);
    const [reference] = await waitForReceived(page, 1);
    expect(reference?.files[0]?.type).toBe('image/png');

    await page.goto(server.url('www.instagram.com', '/site/'));
    await pasteImage(page);
    await answer(page, 'back');
    await settle();
    expect(await received(page)).toEqual([]);
    expect(await page.$eval('#chatbox', (el) => el.innerHTML)).toBe('');

    await pasteImage(page);
    await answer(page, 'continue');
    const [got] = await waitForReceived(page, 1);
    expect(got?.event).toBe('paste');
    expect(got?.text).toBe('hello');
    expect(got?.files.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 }))).toEqual(
      reference?.files.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 })),
    );
  });

  it('showOpenFilePicker: Go back rejects with AbortError; Continue resolves with the same handles', async () => {
    // Neither driver can answer the File System Access picker (CDP reports it without an input
    // node, and puppeteer cannot accept it), so the picker itself is stood in for by a script
    // that CDP runs before the page's own scripts. Pausa's hook must still wrap it and warn.
    await page.evaluateOnNewDocument(() => {
      const file = new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], 'holiday.png', {
        type: 'image/png',
        lastModified: 1_700_000_000_000,
      });
      const handles = [{ kind: 'file', name: file.name, getFile: async () => file }];
      (window as unknown as { __handles: unknown }).__handles = handles;
      Object.defineProperty(window, 'showOpenFilePicker', {
        value: async () => handles,
        writable: true,
        configurable: true,
      });
    });
    await page.goto(server.url('www.instagram.com', '/site/'));
    const wrapped = await page.evaluate(
      () => !String(window.showOpenFilePicker).includes('async () => handles'),
    );
    expect(wrapped).toBe(true);
    await page.click('#ofp-button');
    await answer(page, 'back');
    const [rejected] = await waitForReceived(page, 1);
    expect(rejected).toMatchObject({ event: 'rejected', error: 'AbortError', isDOMException: true });
    const same = page.evaluate(async () => {
      const got = await window.showOpenFilePicker();
      return got === undefined
        ? false
        : got[0] === (window as unknown as { __handles: unknown[] }).__handles[0];
    });
    await answer(page, 'continue');
    expect(await same).toBe(true);
  });

  it('navigator.clipboard.read(): an image gets the warning; Go back refuses, Continue gives the same image', async () => {
    // A real clipboard: the page puts an image on it, then reads it back itself (no paste event).
    const putImage = () =>
      page.evaluate(async () => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 8;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#c33';
        g.fillRect(0, 0, 8, 4);
        const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/png'));
        await navigator.clipboard.write([
          new ClipboardItem({ 'image/png': blob, 'text/plain': new Blob(['hi'], { type: 'text/plain' }) }),
        ]);
      });
    const readBack = () =>
      page.evaluate(async () => {
        try {
          const items = await navigator.clipboard.read();
          const image = await items[0]!.getType('image/png');
          return {
            types: [...items[0]!.types].sort(),
            bytes: Array.from(new Uint8Array(await image.arrayBuffer())),
          };
        } catch (error) {
          return { error: (error as DOMException).name, isDOMException: error instanceof DOMException };
        }
      });
    // What the page reads with no Pausa (an uncovered host) is the reference for the bytes.
    await page.goto(server.url('intranet.example.edu', '/site/'));
    await putImage();
    const reference = await readBack();
    expect(reference).toMatchObject({ types: ['image/png', 'text/plain'] });

    await page.goto(server.url('www.instagram.com', '/site/'));
    await putImage();
    const refused = readBack();
    await answer(page, 'back');
    expect(await refused).toEqual({ error: 'NotAllowedError', isDOMException: true });
    const allowed = readBack();
    await answer(page, 'continue');
    expect(await allowed).toEqual(reference);
    // Text alone is not media: read at once, no warning.
    await page.evaluate(() => navigator.clipboard.writeText('see you at 6'));
    expect(
      await page.evaluate(
        async () => (await navigator.clipboard.readText()) + (await navigator.clipboard.read()).length,
      ),
    ).toBe('see you at 61');
    expect(await warningHostCount(page)).toBe(0);
  });

  it('showDirectoryPicker(): a folder with a photo inside gets the warning; one of documents passes', async () => {
    // Neither driver can answer the folder picker, so it is stood in for (as above) by one that
    // returns a real FileSystemDirectoryHandle: a folder in the page's origin-private file system.
    await page.evaluateOnNewDocument(() => {
      Object.defineProperty(window, 'showDirectoryPicker', {
        value: async () =>
          (await navigator.storage.getDirectory()).getDirectoryHandle(
            (window as unknown as { __folder: string }).__folder,
          ),
        writable: true,
        configurable: true,
      });
    });
    await page.goto(server.url('www.instagram.com', '/site/'));
    await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const put = async (path: string[], bytes: number[]) => {
        let folder = root;
        for (const name of path.slice(0, -1))
          folder = await folder.getDirectoryHandle(name, { create: true });
        const writer = await (await folder.getFileHandle(path.at(-1)!, { create: true })).createWritable();
        await writer.write(new Uint8Array(bytes));
        await writer.close();
      };
      await put(['album', 'notes.txt'], [104, 105]);
      await put(['album', '2026', 'beach.jpg'], [255, 216, 255, 224]);
      await put(['papers', 'tax.pdf'], [37, 80, 68, 70]);
      await put(['papers', 'old', 'letter.txt'], [104, 105]);
    });
    const choose = (folder: string) =>
      page.evaluate(async (name) => {
        (window as unknown as { __folder: string }).__folder = name;
        try {
          const handle = await (
            window as unknown as { showDirectoryPicker(): Promise<FileSystemDirectoryHandle> }
          ).showDirectoryPicker();
          const same = await handle.isSameEntry(
            await (await navigator.storage.getDirectory()).getDirectoryHandle(name),
          );
          return { kind: handle.kind, name: handle.name, same };
        } catch (error) {
          return { error: (error as DOMException).name, isDOMException: error instanceof DOMException };
        }
      }, folder);
    const refused = choose('album');
    await answer(page, 'back');
    expect(await refused).toEqual({ error: 'AbortError', isDOMException: true });
    const allowed = choose('album');
    await answer(page, 'continue');
    expect(await allowed).toEqual({ kind: 'directory', name: 'album', same: true });
    expect(await choose('papers')).toEqual({ kind: 'directory', name: 'papers', same: true });
    expect(await warningHostCount(page)).toBe(0);
  });
});
