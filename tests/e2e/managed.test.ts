// Issue #11: the organisation build (dist/chrome-managed, dist/firefox-managed) as a school deploys
// it, with real policy files. Its broad host permission is granted at install, so sites added by
// policy are covered with no click; which pages Pausa runs on is still Pausa's decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './harness/browsers';
import { dropFiles, filesOf, expectedFiles, pasteImage, pick } from './harness/pick';
import { startServer, type FixtureServer } from './harness/server';
import {
  received,
  settle,
  shows,
  waitForNoWarning,
  waitForReceived,
  waitForWarning,
  warningHostCount,
} from './harness/warning';

const INTRANET = 'intranet.example.edu';

/** Until the background has the policy and has registered the scripts for `host` (Chromium fills
 * managed storage a few seconds after install). */
async function waitForCoverage(session: Session, host: string): Promise<void> {
  const page = await session.openExtensionPage('src/options/index.html');
  try {
    await page.waitForFunction(
      async (h: string) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const scripts = await api.scripting.getRegisteredContentScripts();
        return scripts.some((s) => (s.matches ?? []).some((m) => m === '*://*/*' || m.includes(h)));
      },
      { timeout: 20_000, polling: 250 },
      host,
    );
  } finally {
    await page.close();
  }
}

const hooked = async (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __hookedAtFirstScript: Record<string, boolean> }).__hookedAtFirstScript,
  );

/** The warning is up and offers no Continue (policy allowContinue: false); Escape is Go back. */
async function warnsWithoutContinue(page: Page): Promise<void> {
  await waitForWarning(page);
  expect(await shows(page, 'Go back')).toBe(true);
  expect(await shows(page, 'Continue anyway')).toBe(false);
  await page.keyboard.press('Escape');
  await waitForNoWarning(page);
}

describe.each(BROWSERS)('%s: organisation build with a school policy', (name) => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(name, {
      edition: 'managed',
      settings: null,
      policy: {
        mode: 'strict',
        allowContinue: false,
        extraSites: [`*://${INTRANET}/*`],
        disabledSites: ['discord'],
      },
    });
    await waitForCoverage(session, INTRANET);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('a host added by policy is paused on pick and camera, with no Continue and no click from anyone', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url(INTRANET, '/site/'));
    const chosen = pick(page, '#visible', ['photo.jpg']);
    await warnsWithoutContinue(page);
    await chosen;
    await settle();
    expect((await received(page)).filter((r) => r.event === 'change')).toEqual([]);
    await page.click('#camera');
    await warnsWithoutContinue(page);
    expect((await waitForReceived(page, 1)).at(-1)).toMatchObject({ error: 'NotAllowedError' });
    await page.close();
  });

  it.runIf(name === 'chromium')(
    '…and on drop and paste (Chromium: the driver that can make them)',
    async () => {
      const page = await session.browser.newPage();
      await page.goto(server.url(INTRANET, '/site/'));
      await dropFiles(page, '#dropzone', ['photo.jpg']);
      await warnsWithoutContinue(page);
      await pasteImage(page);
      await warnsWithoutContinue(page);
      await settle();
      // Go back on a drop is a dragleave with no files; on a paste, nothing at all.
      const got = await received(page);
      expect(got.map((r) => r.event)).toEqual(['dragleave']);
      expect(got[0]?.files).toEqual([]);
      await page.close();
    },
  );

  it('disabledSites turns a bundled site off', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('discord.com', '/site/'));
    await pick(page, '#visible', ['photo.jpg']);
    const got = await waitForReceived(page, 1);
    expect(filesOf(got.at(-1))).toEqual(expectedFiles(['photo.jpg']));
    expect(await warningHostCount(page)).toBe(0);
    await page.close();
  });

  it('a student cannot switch the mode: the options are read-only and a stored setting changes nothing', async () => {
    const options = await session.openExtensionPage('src/options/index.html');
    await options.waitForSelector('input[name="mode"]');
    expect(
      await options.$$eval('input[name="mode"]', (els) => els.every((el) => el.matches(':disabled'))),
    ).toBe(true);
    const mode = await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.set({ settings: { mode: 'off' } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const status = (await api.runtime.sendMessage({ type: 'getStatus' })) as { config: { mode: string } };
      return status.config.mode;
    });
    expect(mode).toBe('strict');
    await options.close();
  });
});

describe.each(BROWSERS)('%s: organisation build, no policy', (name) => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(name, { edition: 'managed' });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('an uncovered host gets no Pausa script at all; a bundled site is covered as in the store build', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('www.new-social.example', '/hook-check.html'));
    expect(await hooked(page)).toEqual({ getUserMedia: false, inputClick: false, showPicker: false });
    await page.goto(server.url('www.instagram.com', '/hook-check.html'));
    expect(await hooked(page)).toEqual({ getUserMedia: true, inputClick: true, showPicker: true });
    await page.close();
  });

  it('a build without a rules URL says so, instead of reporting a problem', async () => {
    const options = await session.openExtensionPage('src/options/index.html');
    await options.waitForSelector('[data-rules-not-set-up]');
    expect(await options.$eval('[data-rules-not-set-up]', (el) => el.textContent)).toBe(
      'Automatic rule updates: not set up in this build (your organisation can set them).',
    );
    expect(await options.$('[data-rules-error]')).toBeNull();
    await options.close();
  });
});

describe.each(BROWSERS)('%s: organisation build, policy allSites', (name) => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(name, { edition: 'managed', policy: { allSites: true } });
    await waitForCoverage(session, '*');
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('an arbitrary host is covered', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('www.new-social.example', '/site/'));
    await page.click('#camera');
    await waitForWarning(page);
    await page.keyboard.press('Escape');
    expect((await waitForReceived(page, 1))[0]).toMatchObject({ error: 'NotAllowedError' });
    await page.close();
  });
});
