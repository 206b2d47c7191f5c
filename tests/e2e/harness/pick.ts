// The person choosing files in the browser's own picker.
import { statSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { filePath, sha256Of } from './files';
import type { Received } from './warning';

/** Click `selector` (in `ctx`), wait for the picker, choose `files`. */
export async function pick(page: Page, selector: string, files: string[], ctx: Page | Frame = page) {
  const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 10_000 }), ctx.click(selector)]);
  await chooser.accept(files.map(filePath));
}

/**
 * Choose files for an input inside a frame. Firefox's driver does not report file pickers opened
 * in child frames, so there the files are set over WebDriver BiDi (input.setFiles), which fires
 * the same trusted input/change events a real choice does; Pausa acts on those events.
 */
export async function pickInFrame(
  page: Page,
  frame: Frame,
  selector: string,
  files: string[],
  browser: string,
) {
  if (browser === 'chromium') return pick(page, selector, files, frame);
  const input = await frame.waitForSelector(selector);
  await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(
    ...files.map(filePath),
  );
}

/** A person dropping real files on `selector` (Chromium: CDP drag events, which are trusted). */
export async function dropFiles(page: Page, selector: string, files: string[]): Promise<void> {
  const target = (await page.$(selector))!;
  await target.scrollIntoView();
  const box = await target.boundingBox();
  const x = box!.x + box!.width / 2;
  const y = box!.y + box!.height / 2;
  const client = await page.createCDPSession();
  const data = { items: [], files: files.map(filePath), dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await client.send('Input.dispatchDragEvent', { type, x, y, data });
  }
  await client.detach();
}

/** What the page must have received for `files`: same names, sizes, bytes, order, dates. */
export function expectedFiles(files: string[]) {
  return files.map((name) => ({
    name,
    size: statSync(filePath(name)).size,
    sha256: sha256Of(name),
    lastModified: Math.floor(statSync(filePath(name)).mtimeMs),
  }));
}

export const filesOf = (r: Received | undefined) =>
  (r?.files ?? []).map(({ name, size, sha256, lastModified }) => ({ name, size, sha256, lastModified }));

/** Put an image (drawn on a canvas) and some text on the real clipboard, focus the chat box (or
 * what `focus` focuses), then press Ctrl+V. */
export async function pasteImage(page: Page, focus = () => page.focus('#chatbox')): Promise<void> {
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 30;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#3a6';
    ctx.fillRect(0, 0, 40, 30);
    ctx.fillStyle = '#fff';
    ctx.fillRect(10, 5, 8, 20);
    const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    await navigator.clipboard.write([
      new ClipboardItem({ 'image/png': png, 'text/plain': new Blob(['hello'], { type: 'text/plain' }) }),
    ]);
  });
  await focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
}
