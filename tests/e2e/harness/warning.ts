// Driving the warning as a person would: through the keyboard, which reaches the closed shadow
// root in both browsers (SPEC §6.2 fixes the focus order), or a real click in Chromium.
import type { Frame, Page } from 'puppeteer-core';

type Context = Page | Frame;

export const warningHostCount = (ctx: Context): Promise<number> =>
  ctx.evaluate(() => document.querySelectorAll('pausa-warning').length);

export async function waitForWarning(ctx: Context, timeout = 10_000): Promise<void> {
  await ctx.waitForFunction(() => document.querySelector('pausa-warning') !== null, { timeout, polling: 50 });
  // Focus lands on Go back once the dialog has rendered.
  await ctx.waitForFunction(() => document.activeElement?.localName === 'pausa-warning', {
    timeout,
    polling: 50,
  });
}

export async function waitForNoWarning(ctx: Context, timeout = 10_000): Promise<void> {
  await ctx.waitForFunction(() => document.querySelector('pausa-warning') === null, { timeout, polling: 50 });
}

/** Answer with the keyboard: Enter on the focused Go back, or Tab then Enter for Continue. */
export async function answer(page: Page, choice: 'back' | 'continue', ctx: Context = page): Promise<void> {
  await waitForWarning(ctx);
  if (choice === 'continue') await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitForNoWarning(ctx);
}

/** What the page recorded (see tests/fixtures/record.js). */
export interface Received {
  path: string;
  event: string;
  files: Array<{ name: string; type: string; size: number; lastModified: number; sha256: string }>;
  error?: string;
  isDOMException?: boolean;
  tracks?: string[];
  text?: string;
}

/**
 * What the page recorded, less one artifact of the test driver: when puppeteer answers Firefox's
 * file picker over WebDriver BiDi, Firefox first fires a trusted `cancel` at the input (seen with
 * no extension installed). Pausa's own `cancel` on Go back is a script event (isTrusted false).
 */
export const received = (ctx: Context): Promise<Received[]> =>
  ctx.evaluate(() =>
    (window as unknown as { __received: Array<Received & { trusted?: boolean }> }).__received.filter(
      (r) => !(r.event === 'cancel' && r.trusted),
    ),
  );

export async function waitForReceived(ctx: Context, count: number, timeout = 10_000): Promise<Received[]> {
  await ctx.waitForFunction(
    (n: number) =>
      (window as unknown as { __received: Array<{ event: string; trusted?: boolean }> }).__received.filter(
        (r) => !(r.event === 'cancel' && r.trusted),
      ).length >= n,
    { timeout, polling: 50 },
    count,
  );
  return received(ctx);
}

/** Let in-flight events settle, then read: used to prove that nothing arrived. */
export async function settle(ms = 400): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Whether the page shows `text`, as find-in-page sees it. The warning's closed shadow root is out
 * of reach of DOM queries (and of aria selectors in Firefox), but its rendered text is found.
 */
export const shows = (ctx: Context, text: string): Promise<boolean> =>
  ctx.evaluate((t: string) => {
    getSelection()?.removeAllRanges();
    return (window as unknown as { find(t: string, c: boolean, b: boolean, w: boolean): boolean }).find(
      t,
      true,
      false,
      true,
    );
  }, text);
