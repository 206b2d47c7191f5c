// `npm run screenshots`: pictures of the real build for the README — the warning on a covered
// page, the popup and the help page — in docs/screenshots/. Run `npm run build` first.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}docs/screenshots`;
mkdirSync(out, { recursive: true });

const vite = await typescriptLoader();
const { launch } = await vite.ssrLoadModule('/tests/e2e/harness/browsers.ts');
const { startServer } = await vite.ssrLoadModule('/tests/e2e/harness/server.ts');
const { waitForWarning } = await vite.ssrLoadModule('/tests/e2e/harness/warning.ts');

const server = await startServer();
const session = await launch('chromium');
try {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 900, height: 640 });
  await page.goto(server.url('www.instagram.com', '/site/'));
  await page.click('#camera');
  await waitForWarning(page);
  await new Promise((resolve) => setTimeout(resolve, 300)); // the entry animation
  await page.screenshot({ path: `${out}/warning.png` });
  await page.keyboard.press('Escape');

  const popup = await session.openExtensionPage('src/popup/index.html');
  await popup.setViewport({ width: 360, height: 600 });
  await popup.waitForSelector('.resource');
  await popup.screenshot({ path: `${out}/popup.png`, fullPage: true });

  const help = await session.openExtensionPage('src/help/index.html');
  await help.setViewport({ width: 800, height: 900 });
  await help.waitForSelector('.steps li');
  await help.screenshot({ path: `${out}/help.png` });
  console.log('wrote docs/screenshots/warning.png, popup.png, help.png');
} finally {
  await session.close();
  await server.close();
  await vite.close();
}
