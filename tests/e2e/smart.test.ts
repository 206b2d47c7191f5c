// Issue #12: smart mode with the real model, in both browsers, on covered hosts (SPEC §6.8).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, setSettings, type Session } from './harness/browsers';
import { filePath } from './harness/files';
import { expectedFiles, filesOf, pick } from './harness/pick';
import { startServer, type FixtureServer } from './harness/server';
import {
  answer,
  received,
  settle,
  shows,
  waitForReceived,
  waitForWarning,
  warningHostCount,
} from './harness/warning';

const WHY_INTIMATE = 'may be intimate';
const WHY_UNSURE = 'could not check this file';

describe.each(BROWSERS)('%s: smart mode', (name) => {
  let session: Session;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    // A fresh install: smart mode is its default.
    session = await launch(name, { settings: null });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await page?.close().catch(() => undefined);
    page = await session.browser.newPage();
  });

  const offscreenOpen = async () =>
    (await session.browser.targets()).some((t) => t.url().includes('src/offscreen/index.html'));

  it('an uncovered host: the photo passes and nothing is checked', async () => {
    await page.goto(server.url('intranet.example.edu', '/site/'));
    await pick(page, '#visible', ['IMG_0042.HEIC']);
    const got = await waitForReceived(page, 2);
    expect(filesOf(got[1])).toEqual(expectedFiles(['IMG_0042.HEIC']));
    expect(await warningHostCount(page)).toBe(0);
    if (name === 'chromium') expect(await offscreenOpen()).toBe(false);
  });

  it('a benign photo reaches the page with no warning and its exact bytes', async () => {
    await page.goto(server.url('www.instagram.com', '/site/'));
    await pick(page, '#visible', ['coffee.jpg']);
    const got = await waitForReceived(page, 2, 15_000);
    await settle();
    expect(await warningHostCount(page)).toBe(0);
    expect(got.map((r) => r.event)).toEqual(['input', 'change']);
    expect(filesOf(got[1])).toEqual(expectedFiles(['coffee.jpg']));
    if (name === 'chromium') expect(await offscreenOpen()).toBe(true);
  });

  it('several benign photos (PNG, JPEG) pass together, in order', async () => {
    await page.goto(server.url('www.instagram.com', '/site/'));
    const photos = ['chelsea.png', 'coffee.jpg', 'coffee.png'];
    await pick(page, '#visible', photos);
    const got = await waitForReceived(page, 2, 15_000);
    expect(await warningHostCount(page)).toBe(0);
    expect(filesOf(got[1])).toEqual(expectedFiles(photos));
  });

  it('a benign video (recorded here from the coffee photo) is checked frame by frame and passes', async () => {
    await page.goto(server.url('www.instagram.com', '/site/'));
    // MediaRecorder in this very browser makes a real WebM of the photo on a moving background.
    const base64 = await page.evaluate(
      async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
        const context = canvas.getContext('2d')!;
        const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: 'video/webm' });
        const chunks: Blob[] = [];
        recorder.ondataavailable = (e) => chunks.push(e.data);
        const stopped = new Promise((resolve) => (recorder.onstop = resolve));
        recorder.start();
        for (let i = 0; i < 20; i++) {
          context.fillStyle = `hsl(${i * 18}, 40%, 60%)`;
          context.fillRect(0, 0, 320, 240);
          context.drawImage(image, 20 + i, 20, 280, 190);
          await new Promise((resolve) => setTimeout(resolve, 70));
        }
        recorder.stop();
        await stopped;
        const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
        let text = '';
        for (const b of bytes) text += String.fromCharCode(b);
        return btoa(text);
      },
      readFileSync(filePath('coffee.png')).toString('base64'),
    );
    const video = `coffee-${name}.webm`;
    writeFileSync(filePath(video), Buffer.from(base64, 'base64'));
    await pick(page, '#visible', [video]);
    const got = await waitForReceived(page, 2, 15_000);
    expect(await warningHostCount(page)).toBe(0);
    expect(filesOf(got[1])).toEqual(expectedFiles([video]));
  });

  it('a file that cannot be checked (HEIC) gets the "could not check" warning: Go back', async () => {
    await page.goto(server.url('www.instagram.com', '/site/'));
    await pick(page, '#visible', ['IMG_0042.HEIC']);
    await waitForWarning(page, 15_000);
    expect(await shows(page, WHY_UNSURE)).toBe(true);
    await answer(page, 'back');
    await settle();
    expect((await received(page)).map((r) => r.event)).toEqual(['cancel']);
  });

  it('one unreadable file among benign photos: the warning, and Continue delivers them all', async () => {
    await page.goto(server.url('www.instagram.com', '/site/'));
    const files = ['coffee.jpg', 'photo.jpg'];
    await pick(page, '#visible', files);
    await waitForWarning(page, 15_000);
    expect(await shows(page, WHY_UNSURE)).toBe(true);
    await answer(page, 'continue');
    const got = await waitForReceived(page, 2);
    expect(filesOf(got[1])).toEqual(expectedFiles(files));
  });

  it("the model's score decides: a photo it scores ≈ 0.36 passes at standard, warns at high", async () => {
    await page.goto(server.url('www.instagram.com', '/site/'));
    await pick(page, '#visible', ['coffee-nudged.png']);
    const passed = await waitForReceived(page, 2, 15_000);
    expect(await warningHostCount(page)).toBe(0);
    expect(filesOf(passed[1])).toEqual(expectedFiles(['coffee-nudged.png']));

    await setSettings(session, { sensitivity: 'high' });
    await page.goto(server.url('www.instagram.com', '/site/'));
    await pick(page, '#visible', ['coffee-nudged.png']);
    await waitForWarning(page, 15_000);
    expect(await shows(page, WHY_INTIMATE)).toBe(true);
    await answer(page, 'continue');
    const got = await waitForReceived(page, 2);
    expect(filesOf(got[1])).toEqual(expectedFiles(['coffee-nudged.png']));
    await setSettings(session, { sensitivity: 'standard' });
  });

  it('the camera warns the first time per site per day, then not again', async () => {
    await page.goto(server.url('www.instagram.com', '/site/'));
    await page.click('#camera');
    await answer(page, 'back');
    expect((await waitForReceived(page, 1))[0]).toMatchObject({ event: 'rejected' });
    await page.click('#camera');
    const got = await waitForReceived(page, 2);
    expect(got[1]).toMatchObject({ event: 'resolved' });
    expect(await warningHostCount(page)).toBe(0);
    // Another site has its own first time.
    await page.goto(server.url('discord.com', '/site/'));
    await page.click('#camera');
    await answer(page, 'back');
    expect((await waitForReceived(page, 1))[0]).toMatchObject({ event: 'rejected' });
  });

  it('parity: the browser computes the probabilities Node computes on the same pixels (within 1e-3)', async () => {
    const options = await session.openExtensionPage('src/options/index.html');
    // Photos stored at the size the extension decodes to (448 × 448), so both start from the same
    // pixels; a larger photo's first downscale is the browser's own (see the README).
    const photos = ['coffee-448.png', 'chelsea-448.png', 'coffee-nudged.png'];
    const { nodeProbabilities } = await import('./harness/node-model');
    const expected = await nodeProbabilities(photos.map(filePath));
    const input = await options.waitForSelector('input[name="try-check"]');
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(
      ...photos.map(filePath),
    );
    // The same check the warning uses, through the options page's "try the check".
    const results = (await options.evaluate(async (count: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const field = document.querySelector<HTMLInputElement>('input[name="try-check"]')!;
      const reply = (await api.runtime.sendMessage({
        type: 'checkImages',
        data: Array.from(field.files!),
      })) as {
        results: Array<{ probabilities?: number[] }>;
      };
      return reply.results.slice(0, count).map((r) => r.probabilities ?? []);
    }, photos.length)) as number[][];
    await options.close();
    photos.forEach((photo, i) => {
      const got = results[i]!;
      expect(got, photo).toHaveLength(5);
      got.forEach((p, k) => expect(Math.abs(p - expected[i]![k]!), `${photo} class ${k}`).toBeLessThan(1e-3));
    });
  });

  it('the build fetches nothing: no model, code or wasm address outside the extension', () => {
    const dist = new URL(`../../dist/${name === 'chromium' ? 'chrome' : 'firefox'}/`, import.meta.url)
      .pathname;
    const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    for (const file of assets) {
      const text = readFileSync(join(dist, 'assets', file), 'utf8');
      expect(text, file).not.toMatch(/cdn\.jsdelivr|unpkg\.com|storage\.googleapis|tfhub\.dev|kaggle/);
    }
    expect(readdirSync(join(dist, 'model')).sort()).toEqual([
      'group1-shard1of2.bin',
      'group1-shard2of2.bin',
      'model.json',
    ]);
  });
});
