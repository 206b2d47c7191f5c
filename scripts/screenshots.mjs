// `npm run screenshots`: pictures of the real build on the practice page (scripts/practice/), in
// headless Chromium at 1280 × 800 (the Chrome Web Store's size; addons.mozilla.org takes it too):
//
//   npm run screenshots                      docs/screenshots/*.png, English (the README's pictures)
//   npm run screenshots -- --locale pt_PT    store/screenshots/pt_PT/*.png, Pausa in that language
//   npm run screenshots -- --locale all      every locale Pausa ships
//   … --out DIR                              DIR/<locale>/ instead of store/screenshots/<locale>/
//
// Each set: the warning before a photo is sent, the warning before the camera, the help panel on a
// threat in that language, the "I'm being threatened" page and the popup. Run `npm run build` first.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPracticeServer } from './practice-server.mjs';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = ['en', 'pt_PT', 'pt_BR', 'es', 'fr', 'de', 'it', 'nl'];
/** The country whose help contacts each set shows. */
const COUNTRY = { en: 'US', pt_PT: 'PT', pt_BR: 'BR', es: 'ES', fr: 'FR', de: 'DE', it: 'IT', nl: 'NL' };
const SIZE = { width: 1280, height: 800 };

const { values: args } = parseArgs({ options: { locale: { type: 'string' }, out: { type: 'string' } } });
if (args.locale && args.locale !== 'all' && !LOCALES.includes(args.locale)) {
  console.error(
    `npm run screenshots: --locale must be one of ${LOCALES.join(', ')} or all (got "${args.locale}").`,
  );
  process.exit(1);
}
const sets = !args.locale
  ? [{ locale: 'en', out: `${root}docs/screenshots` }]
  : (args.locale === 'all' ? LOCALES : [args.locale]).map((locale) => ({
      locale,
      out: `${args.out ?? `${root}store/screenshots`}/${locale}`,
    }));

/** The first threat of the locale's evaluation file (tests/fixtures/messages/), as its messages. */
function threatIn(locale) {
  const line = readFileSync(`${root}tests/fixtures/messages/${locale}.txt`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('T '));
  return line.slice(2).split(' || ');
}

const vite = await typescriptLoader();
const { launch } = await vite.ssrLoadModule('/tests/e2e/harness/browsers.ts');
const { waitForWarning, waitForNoWarning } = await vite.ssrLoadModule('/tests/e2e/harness/warning.ts');
const practice = await startPracticeServer();
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

try {
  for (const { locale, out } of sets) {
    mkdirSync(out, { recursive: true });
    const session = await launch('chromium', {
      // The organisation build, which covers localhost without a prompt; its pages are the store's.
      ...practice.launchOptions({ mode: 'every-share', language: locale, country: COUNTRY[locale] }),
      languages: locale.replace('_', '-'),
    });
    try {
      const page = await session.browser.newPage();
      await page.setViewport(SIZE);
      await page.goto(practice.url, { waitUntil: 'load' });

      await practice.pickPhoto(page);
      await waitForWarning(page);
      await pause(400); // the entry animation
      await page.screenshot({ path: `${out}/warning.png` });
      await page.keyboard.press('Escape');
      await waitForNoWarning(page);

      await page.$eval('#call', (el) => el.scrollIntoView({ block: 'center' }));
      await page.click('#call');
      await waitForWarning(page);
      await pause(400);
      await page.screenshot({ path: `${out}/camera.png` });
      await page.keyboard.press('Escape');
      await waitForNoWarning(page);

      await page.$eval('#log', (el) => el.scrollIntoView({ block: 'center' }));
      await page.evaluate((texts) => {
        for (const text of texts) {
          const row = Object.assign(document.createElement('p'), { className: 'message', textContent: text });
          document.getElementById('log').append(row);
        }
      }, threatIn(locale));
      await page.waitForFunction(() => document.querySelector('pausa-help') !== null, { timeout: 10_000 });
      await pause(400);
      await page.screenshot({ path: `${out}/help-panel.png` });

      const help = await session.openExtensionPage('src/help/index.html');
      await help.setViewport(SIZE);
      await help.waitForSelector('.steps li');
      await help.screenshot({ path: `${out}/help.png` });

      const popup = await session.openExtensionPage('src/popup/index.html');
      await popup.setViewport(SIZE);
      await popup.waitForSelector('.resource');
      // The popup is 360 px wide: centred on a plain background, as it sits under the toolbar.
      await popup.addStyleTag({
        content:
          'html { background: #dfe4ec; } body { width: 360px; margin: 24px auto; box-shadow: 0 4px 24px #0003; }',
      });
      await popup.screenshot({ path: `${out}/popup.png` });
      console.log(`${out.replace(root, '')}: warning.png, camera.png, help-panel.png, help.png, popup.png`);
    } finally {
      await session.close();
    }
  }
} finally {
  practice.close();
  await vite.close();
}
