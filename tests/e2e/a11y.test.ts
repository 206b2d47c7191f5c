// axe-core on every Pausa surface in real Chromium (SPEC §7, issue #4): the warning (light and
// dark), the popup, the options page and the help page, with 0 violations of any rule.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launch, type Session } from './harness/browsers';
import { CHROME_ID } from './harness/ids';
import { startServer, type FixtureServer } from './harness/server';
import { answer, waitForWarning } from './harness/warning';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> };

async function audit(page: Page, include?: string): Promise<Violation[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async (selector?: string) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document);
    return result.violations;
  }, include)) as Violation[];
  return violations.map(({ id, help, nodes }) => ({
    id,
    help,
    nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
  }));
}

/**
 * The warning's shadow root is closed, out of axe's reach. In the extension's own isolated world
 * (found over CDP), the test makes attachShadow open roots instead: the same DOM and styles, now
 * visible to axe running in the page.
 */
async function openShadowRootsForTest(page: Page): Promise<void> {
  const client = await page.createCDPSession();
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; frameId?: string } }> = [];
  client.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  const { frameTree } = await client.send('Page.getFrameTree');
  await client.send('Runtime.enable');
  const isolated = contexts.find(
    (c) =>
      c.auxData?.type === 'isolated' &&
      c.auxData.frameId === frameTree.frame.id &&
      c.origin.includes(CHROME_ID),
  );
  if (!isolated) throw new Error("Pausa's isolated world was not found on the page");
  await client.send('Runtime.evaluate', {
    contextId: isolated.id,
    expression: `(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
    })()`,
  });
  await client.detach();
}

describe('chromium: accessibility (axe-core)', () => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    server = await startServer();
    session = await launch('chromium');
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(['light', 'dark'] as const)('the warning (%s): 0 violations', async (scheme) => {
    const page = await session.browser.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(server.url('www.instagram.com', '/site/'));
    await openShadowRootsForTest(page);
    await page.click('#camera');
    await waitForWarning(page);
    expect(await page.evaluate(() => document.querySelector('pausa-warning')?.shadowRoot !== null)).toBe(
      true,
    );
    expect(await audit(page, 'pausa-warning')).toEqual([]);
    await answer(page, 'back');
    await page.close();
  });

  it.each(['light', 'dark'] as const)('the extortion help panel (%s): 0 violations', async (scheme) => {
    const page = await session.browser.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    // Two page addresses: one panel per conversation per hour.
    await page.goto(server.url('web.whatsapp.com', scheme === 'light' ? '/chat/' : '/chat/index.html'), {
      waitUntil: 'load',
    });
    await openShadowRootsForTest(page);
    await page.evaluate(() =>
      (window as unknown as { receive(t: string[], g: number): Promise<number> }).receive(
        ['I have your nudes', 'Pay 300 dollars or I send them to all your followers and your family'],
        20,
      ),
    );
    await page.waitForFunction(
      () => document.querySelector('pausa-help')?.shadowRoot?.querySelector('[role="dialog"]'),
      {
        timeout: 10_000,
      },
    );
    expect(await audit(page, 'pausa-help')).toEqual([]);
    await page.close();
  });

  it('the warning fits a 360 px wide window (also what 200 % zoom leaves of 720 px)', async () => {
    const page = await session.browser.newPage();
    await page.setViewport({ width: 360, height: 640 });
    await page.goto(server.url('www.instagram.com', '/site/'));
    await openShadowRootsForTest(page);
    await page.click('#camera');
    await waitForWarning(page);
    const box = await page.evaluate(() => {
      const root = document.querySelector('pausa-warning')!.shadowRoot!;
      const dialog = root.querySelector('[role="alertdialog"]') as HTMLElement;
      const r = dialog.getBoundingClientRect();
      const buttons = [...root.querySelectorAll('button')].map((b) => ({
        right: b.getBoundingClientRect().right,
      }));
      return { left: r.left, right: r.right, overflow: dialog.scrollWidth - dialog.clientWidth, buttons };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(360);
    expect(box.overflow).toBe(0);
    for (const b of box.buttons) expect(b.right).toBeLessThanOrEqual(360);
    await answer(page, 'back');
    await page.close();
  });

  it.each([
    ['the popup', 'src/popup/index.html', '.resource'],
    ['the options page', 'src/options/index.html', 'input[name="mode"]'],
    ['the help page', 'src/help/index.html', '.steps li'],
    ['the privacy policy', 'src/privacy/index.html', '.privacy li'],
  ])('%s: 0 violations, light and dark', async (_name, path, ready) => {
    const page = await session.openExtensionPage(path);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.waitForSelector(ready);
      expect(await audit(page)).toEqual([]);
    }
    await page.close();
  });

  it('the options page links to the privacy policy inside the extension, which says what is read, kept and sent', async () => {
    const options = await session.openExtensionPage('src/options/index.html');
    const link = await options.waitForSelector('[data-privacy-link]');
    expect(await link!.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
      session.extensionUrl('src/privacy/index.html'),
    );
    await options.close();
    const page = await session.openExtensionPage('src/privacy/index.html');
    await page.waitForSelector('.privacy li');
    expect(await page.$$eval('.privacy h2', (els) => els.map((el) => el.textContent))).toEqual([
      'What Pausa looks at, on your device only',
      'What Pausa keeps, in your browser on this device',
      'What Pausa sends',
    ]);
    expect(await page.$$eval('.privacy li', (els) => els.length)).toBe(10);
    expect(await page.title()).toBe('Privacy policy · Pausa');
    await page.close();
  });
});
