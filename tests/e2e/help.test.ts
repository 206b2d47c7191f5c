// Issue #4 in real browsers: the warning speaks the browser's language (pt-PT, en-US) or the one
// chosen in the options (es); the popup shows Portugal's resources for a pt-PT browser and the
// US ones for en-US, the age switch reorders them; "I'm being threatened" opens from the popup
// and from the warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './harness/browsers';
import { startServer, type FixtureServer } from './harness/server';
import { answer, shows, waitForNoWarning, waitForWarning } from './harness/warning';

const HELP = 'src/help/index.html';

async function firstResources(popup: Page) {
  return popup.$$eval('.resource', (els) =>
    els.map((el) => ({
      country: el.getAttribute('data-resource-country'),
      serves: el.getAttribute('data-serves'),
    })),
  );
}

/** Wait until a tab shows the help page (asked through the extension's own tabs API), then open
 * it ourselves to read it: Firefox's driver does not hand over tabs that extension pages open. */
async function waitForHelpTab(session: Session): Promise<Page> {
  const probe = await session.openExtensionPage('src/options/index.html');
  try {
    await probe.waitForFunction(
      async (path: string) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const tabs = await api.tabs.query({});
        return tabs.some((tab) => (tab.url ?? '').includes(path));
      },
      { timeout: 10_000, polling: 200 },
      HELP,
    );
  } finally {
    await probe.close();
  }
  return session.openExtensionPage(HELP);
}

describe.each(BROWSERS)('%s: words and help, pt-PT browser', (name) => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(name, { languages: 'pt-PT,pt' });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('the warning speaks European Portuguese', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('www.instagram.com', '/site/'));
    await page.click('#camera');
    await waitForWarning(page);
    expect(await shows(page, 'Voltar atrás')).toBe(true);
    expect(await shows(page, 'Continuar mesmo assim')).toBe(true);
    expect(await shows(page, 'Go back')).toBe(false);
    if (name === 'chromium') {
      expect(await page.$('aria/Antes de ligares a câmara[role="alertdialog"]')).not.toBeNull();
    }
    await answer(page, 'back');
    await page.close();
  });

  it("the popup shows Portugal's resources in Portuguese; the age switch reorders them", async () => {
    const popup = await session.openExtensionPage('src/popup/index.html');
    await popup.waitForSelector('.resource');
    expect(await popup.$eval('.threatened', (el) => el.textContent)).toBe('Estou a ser ameaçado/a');
    expect((await firstResources(popup))[0]?.country).toBe('PT');
    await popup.click('input[name="age"][value="under18"]');
    await popup.waitForFunction(
      () => document.querySelector('.resource')?.getAttribute('data-serves') === 'minors',
    );
    await popup.click('input[name="age"][value="adult"]');
    await popup.waitForFunction(
      () => document.querySelector('.resource')?.getAttribute('data-serves') !== 'minors',
    );
    expect(
      await popup.$$eval('.resource a.phone', (els) => els.map((a) => a.getAttribute('href'))),
    ).toContain('tel:800219090');
    await popup.close();
  });

  it('"I\'m being threatened" opens the help page from the popup', async () => {
    const popup = await session.openExtensionPage('src/popup/index.html');
    await popup.waitForSelector('.threatened');
    await popup.click('.threatened');
    const help = await waitForHelpTab(session);
    await help.waitForSelector('.steps li');
    expect(await help.$$eval('.steps li', (els) => els.length)).toBe(8);
    expect(await help.$eval('h1', (el) => el.textContent)).toBe('Alguém me está a ameaçar');
    // The number comes with the country, once the background has answered.
    await help.waitForSelector('.emergency a');
    expect(await help.$eval('.emergency a', (el) => el.getAttribute('href'))).toBe('tel:112');
    await help.close();
    await popup.close();
  });

  it('the language chosen in the options wins: Spanish', async () => {
    const options = await session.openExtensionPage('src/options/index.html');
    await options.waitForSelector('select[name="language"]');
    await options.select('select[name="language"]', 'es');
    // The warning asks the background for its words: wait until the choice is in force there.
    await options.waitForFunction(
      async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const status = (await api.runtime.sendMessage({ type: 'getStatus' })) as {
          config: { language: string };
        };
        return status.config.language === 'es';
      },
      { timeout: 10_000, polling: 100 },
    );
    const page = await session.browser.newPage();
    await page.goto(server.url('www.instagram.com', '/site/'));
    await page.click('#camera');
    await waitForWarning(page);
    expect(await shows(page, 'Continuar de todos modos')).toBe(true);
    await answer(page, 'back');
    await options.bringToFront();
    await options.select('select[name="language"]', 'auto');
    await options.close();
    await page.close();
  });
});

describe.each(BROWSERS)('%s: words and help, en-US browser', (name) => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(name, { languages: 'en-US,en' });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('the warning speaks English', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('www.instagram.com', '/site/'));
    await page.click('#camera');
    await waitForWarning(page);
    expect(await shows(page, 'Continue anyway')).toBe(true);
    expect(await shows(page, 'Go back')).toBe(true);
    await answer(page, 'back');
    await page.close();
  });

  it('the popup shows the US resources', async () => {
    const popup = await session.openExtensionPage('src/popup/index.html');
    await popup.waitForSelector('.resource');
    expect((await firstResources(popup))[0]?.country).toBe('US');
    await popup.close();
  });

  it('"Get help" in the warning opens the help page without answering the warning', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('www.instagram.com', '/site/'));
    await page.click('#camera');
    await waitForWarning(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const help = await waitForHelpTab(session);
    await help.waitForSelector('.steps li');
    expect(await help.$eval('h1', (el) => el.textContent)).toBe('Someone is threatening me');
    await help.close();
    await page.bringToFront();
    expect(await page.evaluate(() => document.querySelectorAll('pausa-warning').length)).toBe(1);
    // Focus is still on "Get help"; Escape is Go back.
    await page.keyboard.press('Escape');
    await waitForNoWarning(page);
    await page.close();
  });
});
