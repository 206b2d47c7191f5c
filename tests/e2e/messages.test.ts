// C8 in real browsers (issue #13): a chat page on a covered messaging host (web.whatsapp.com,
// mapped to loopback) receives messages after load. A threat burst brings the help panel with the
// country's contacts; ordinary chat with money and photo words, and text typed in the composer,
// do not; Escape closes it; one panel per conversation per hour; C8 off by policy: nothing runs.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import resources from '../../src/help/resources.json';
import { firstContacts, resourcesFor, type HelpResource } from '../../src/shared/resources';
import { BROWSERS, launch, type Session } from './harness/browsers';
import { startServer, type FixtureServer } from './harness/server';
import { settle, shows } from './harness/warning';

const THREAT = [
  'hey',
  'I recorded our whole video call',
  'Pay 300 dollars in the next hour or I send the video to all your followers and your family',
];
const ORDINARY = [
  'can you send me the photos from the beach?',
  'I will pay you back tomorrow, promise',
  'we have 10 minutes before the bus leaves',
  'Posted the pics from the trip, everyone loved them',
  'Don’t forget the 20 euros for the pizza',
];

const panelCount = (page: Page) => page.evaluate(() => document.querySelectorAll('pausa-help').length);
const waitForPanel = (page: Page) =>
  page.waitForFunction(() => document.querySelector('pausa-help') !== null, { timeout: 10_000, polling: 50 });

const CHAT_PAGE = readFileSync(new URL('../fixtures/chat/index.html', import.meta.url), 'utf8');

/** The fixture chat at its own path: each page address is its own conversation (SPEC §6.7), and
 * at most one panel per conversation per hour, so every test gets a fresh one. */
async function openChat(session: Session, server: FixtureServer, path: string): Promise<Page> {
  if (!path.endsWith('.html') && path !== '/chat/')
    server.setRoute(path, { body: CHAT_PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } });
  const page = await session.browser.newPage();
  await page.goto(server.url('web.whatsapp.com', path), { waitUntil: 'load' });
  return page;
}

const receive = (page: Page, texts: string[], gapMs = 30) =>
  page.evaluate(
    (t: string[], g: number) =>
      (window as unknown as { receive(t: string[], g: number): Promise<number> }).receive(t, g),
    texts,
    gapMs,
  );

describe.each(BROWSERS)('%s: extortion messages (C8)', (name) => {
  let server: FixtureServer;
  let session: Session;
  const portugal = firstContacts(resourcesFor(resources as HelpResource[], 'PT', 'unknown'), false);

  beforeAll(async () => {
    server = await startServer();
    // A fresh install's defaults (C8 on), help for Portugal.
    session = await launch(name, { settings: { country: 'PT' } });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('a threat burst brings the panel, with Portugal’s emergency number and contacts, without taking focus', async () => {
    const page = await openChat(session, server, '/chat/threat');
    await page.focus('#plain');
    await receive(page, THREAT);
    await waitForPanel(page);
    // Where the person was typing keeps the focus (read before find-in-page moves the selection).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plain');
    expect(await shows(page, 'Pausa: this message may be a threat')).toBe(true);
    expect(await shows(page, '112')).toBe(true);
    expect(portugal.length).toBeGreaterThan(0);
    for (const contact of portugal) expect(await shows(page, contact.service), contact.service).toBe(true);
    if (name === 'chromium') {
      // The browser's accessibility tree: a non-modal dialog named "Pausa…".
      const tree = await page.accessibility.snapshot({ interestingOnly: false });
      const dialogs: Array<{ role: string; name?: string; modal?: boolean }> = [];
      const walk = (node: typeof tree) => {
        if (!node) return;
        if (node.role === 'dialog') dialogs.push(node as never);
        node.children?.forEach(walk);
      };
      walk(tree);
      expect(dialogs).toHaveLength(1);
      expect(dialogs[0]!.name).toMatch(/^Pausa/);
      expect(dialogs[0]!.modal).toBeFalsy();
    }
    // Escape closes it.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('pausa-help') === null, { timeout: 5000 });
    // The same conversation within the hour: no second panel.
    await receive(page, THREAT);
    await settle(1500);
    expect(await panelCount(page)).toBe(0);
    await page.close();
  });

  it('ordinary chat with money, deadline and photo words brings no panel', async () => {
    const page = await openChat(session, server, '/chat/ordinary');
    await receive(page, ORDINARY);
    await settle(1500);
    expect(await panelCount(page)).toBe(0);
    await page.close();
  });

  it('a threat typed in the composer (the person’s own words) brings no panel', async () => {
    const page = await openChat(session, server, '/chat/typed');
    await page.click('#composer');
    await page.keyboard.type(THREAT.join(' '), { delay: 0 });
    await page.focus('#plain');
    await page.keyboard.type(THREAT.join(' '), { delay: 0 });
    await settle(1500);
    expect(await panelCount(page)).toBe(0);
    await page.close();
  });

  it('text the page already had when it loaded is not read; a burst on another path is its own conversation', async () => {
    const page = await openChat(session, server, '/chat/other.html');
    await settle(800);
    expect(await panelCount(page)).toBe(0);
    await receive(page, THREAT);
    await waitForPanel(page);
    await page.close();
  });
});

describe.each(BROWSERS)('%s: C8 off by policy', (name) => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(name, { policy: { detectExtortionMessages: false } });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('the options switch is locked off and nothing reads the chat', async () => {
    const options = await session.openExtensionPage('src/options/index.html');
    // Chromium fills managed storage a few seconds after install.
    await options.waitForFunction(() => /Set by your organization/.test(document.body.textContent ?? ''), {
      timeout: 20_000,
      polling: 250,
    });
    await session.gotoExtensionPage(options, 'src/options/index.html');
    await options.waitForSelector('input[name="detectExtortionMessages"]');
    expect(
      await options.$eval('input[name="detectExtortionMessages"]', (el) => ({
        checked: (el as HTMLInputElement).checked,
        disabled: el.matches(':disabled'),
      })),
    ).toEqual({ checked: false, disabled: true });
    await options.close();
    const page = await openChat(session, server, '/chat/');
    await receive(page, THREAT);
    await settle(1500);
    expect(await panelCount(page)).toBe(0);
    await page.close();
  });
});
