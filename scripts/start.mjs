// `npm start`: try Pausa in two minutes, without an account anywhere. Builds if needed, serves the
// practice page (scripts/practice/) on http://localhost, and opens Chromium (or Firefox with
// --firefox) in a fresh temporary profile with Pausa loaded and the practice page covered. Your own
// browser profile is never touched; the temporary one is deleted when the browser closes.
//
//   npm start                                  Chromium window (Ctrl+C or close the window to stop)
//   npm start -- --firefox                     Firefox ESR window
//   npm start -- --mode smart                  start in smart mode instead of every share
//   npm start -- --headless --screenshot F.png no window: picks a sample photo on the practice page,
//                                              saves a picture with Pausa's warning open, and exits
//
// It loads the organisation build (dist/chrome-managed, dist/firefox-managed): that build holds the
// permission for every site, so the practice page on localhost is covered as an extra site without a
// permission prompt, which a browser driven by a script cannot answer. Everything else is the same
// code as the store build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPracticeServer } from './practice-server.mjs';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const MODES = ['every-share', 'smart', 'strict'];

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: {
    firefox: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    mode: { type: 'string', default: 'every-share' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .slice(5, 10)
      .join('\n')
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(0);
}
if (!MODES.includes(args.mode)) fail(`--mode must be one of ${MODES.join(', ')} (got "${args.mode}").`);
if (args.screenshot && !args.headless)
  fail('--screenshot needs --headless (it takes the picture and exits).');
if (!args.headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(
    'there is no screen to open a window on ($DISPLAY is not set). On a machine without one, try:\n' +
      '  npm start -- --headless --screenshot practice.png',
  );
}

const browserName = args.firefox ? 'firefox' : 'chromium';
const target = args.firefox ? 'firefox' : 'chrome';

// ---- Build if needed: no build yet, or a source file newer than it. ----
function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}
const built = join(root, 'dist', `${target}-managed`, 'manifest.json');
const sources = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json', 'scripts/build.mjs'];
if (
  !existsSync(built) ||
  Math.max(...sources.map((s) => newestChange(join(root, s)))) > statSync(built).mtimeMs
) {
  console.log(`Building dist/${target}-managed …`);
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PAUSA_BROWSERS: target, PAUSA_EDITIONS: 'managed' },
  });
  if (result.status !== 0) fail('the build failed (see above).');
}

const practice = await startPracticeServer();

// ---- The browser, through the same launcher the end-to-end tests use. ----
const loader = await typescriptLoader();
const { launch } = await loader.ssrLoadModule('/tests/e2e/harness/browsers.ts');
const { waitForWarning } = await loader.ssrLoadModule('/tests/e2e/harness/warning.ts');

let session;
let closing = false;
async function cleanUp(code) {
  if (closing) return;
  closing = true;
  await session?.close().catch(() => undefined);
  await loader.close().catch(() => undefined);
  practice.close();
  process.exit(code);
}
process.on('SIGINT', () => cleanUp(0));
process.on('SIGTERM', () => cleanUp(0));
process.on('SIGHUP', () => cleanUp(0));

try {
  session = await launch(browserName, {
    ...practice.launchOptions({ mode: args.mode }),
    headless: args.headless,
    ownSignals: true,
  });
  const [blank] = await session.browser.pages();
  const page = await session.browser.newPage();
  if (args.headless) await page.setViewport({ width: 1280, height: 800 });
  await page.goto(practice.url, { waitUntil: 'load' });
  await blank?.close().catch(() => undefined);

  if (args.screenshot) {
    // A person picking a sample photo. In smart mode an ordinary photo passes with no warning.
    await practice.pickPhoto(page);
    try {
      await waitForWarning(page, 15_000);
    } catch {
      throw new Error(
        args.mode === 'smart'
          ? 'no warning: in smart mode the ordinary sample photo passes (use --mode every-share for the picture).'
          : 'Pausa did not show its warning on the practice page within 15 seconds.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 400)); // the warning's entry animation
    await page.screenshot({ path: args.screenshot });
    console.log(`Pausa's warning is open on the practice page (${browserName}): wrote ${args.screenshot}`);
    await cleanUp(0);
  } else {
    console.log(
      [
        `Pausa is loaded in ${browserName} (temporary profile, mode: ${args.mode}).`,
        `Practice page: ${practice.url}`,
        `Sample photos for the picker: ${practice.photoFolder}`,
        'Close the browser window or press Ctrl+C to stop.',
      ].join('\n'),
    );
    session.browser.on('disconnected', () => cleanUp(0));
  }
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  if (process.env.DEBUG) console.error(error);
  await cleanUp(1);
}
