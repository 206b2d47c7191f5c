// Issue #3, the paths only Chromium's driver can produce as a person would: a trusted drop of
// real files (CDP Input.dispatchDragEvent), a trusted paste of an image (a real clipboard and
// Ctrl+V), and window.showOpenFilePicker(). Firefox covers drop and paste in component tests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launch, type Session } from './harness/browsers';
import { dropFiles, expectedFiles, filesOf, pasteImage } from './harness/pick';
import { startServer, type FixtureServer } from './harness/server';
import { answer, received, settle, waitForReceived } from './harness/warning';

describe('chromium: drop, paste and showOpenFilePicker', () => {
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
});
