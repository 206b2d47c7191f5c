// Launches Debian's Chromium or Firefox ESR headless with the built extension installed. One
// launch per test file (suite), never per test. Recipes: ../shared/BROWSER-TESTING.md.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { distName, type Edition } from '../../../vite.config';
import { FIREFOX_UUID, idsFor } from './ids';
import { writePolicy } from './policy';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** Host names the fixture pages are served under, all mapped to 127.0.0.1. */
export const TEST_HOSTS = [
  'www.instagram.com',
  'www.messenger.com',
  'web.whatsapp.com',
  'discord.com',
  'intranet.example.edu',
  'www.new-social.example',
  'rules.pausa.test',
];

const DIST = resolve(new URL('../../../dist', import.meta.url).pathname);

export function findExecutable(name: BrowserName): string {
  const [envVar, candidates, pkg] =
    name === 'chromium'
      ? (['CHROMIUM_PATH', ['/usr/lib/chromium/chromium', '/usr/bin/chromium'], 'chromium'] as const)
      : ([
          'FIREFOX_PATH',
          ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'],
          'firefox-esr',
        ] as const);
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `${name} was not found (looked in ${candidates.join(', ')}). Install it with ` +
      `"apt-get update && apt-get install -y --no-install-recommends ${pkg}", ` +
      `or set ${envVar} to its executable.`,
  );
}

export interface Session {
  name: BrowserName;
  browser: Browser;
  /** The URL of a file inside the extension. */
  extensionUrl(path: string): string;
  /** Open an extension page (popup, options) as an ordinary tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Load an extension page in an existing tab (also to reload it). */
  gotoExtensionPage(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Headless Chromium that can install extensions, with every real host name mapped to 127.0.0.1
 * and none of the background traffic this closed network refuses. Also used by `npm run bench`.
 */
export function launchChromium(
  executablePath: string,
  userDataDir: string,
  extraArgs: string[] = [],
  { headless = true, mapHosts = true, ownSignals = false } = {},
) {
  return puppeteer.launch({
    executablePath,
    headless,
    // A window a person uses (npm start) without the "controlled by automated software" bar.
    ...(headless ? {} : { ignoreDefaultArgs: ['--enable-automation'], defaultViewport: null }),
    ...(ownSignals ? OWN_SIGNALS : {}),
    pipe: true,
    enableExtensions: true,
    acceptInsecureCerts: true,
    userDataDir,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(mapHosts ? ['--host-resolver-rules=MAP * 127.0.0.1'] : []),
      ...extraArgs,
    ],
  });
}

/** Puppeteer's own Ctrl+C handling exits the process at once: a caller with its own (npm start,
 * which removes its temporary profile first) turns it off. */
const OWN_SIGNALS = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false };

/** Send a message to the background from an extension page, as the page itself would. */
export function sendFromPage<T>(page: Page, message: object): Promise<T> {
  return page.evaluate((m: object) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return api.runtime.sendMessage(m);
  }, message) as Promise<T>;
}

export interface LaunchOptions {
  /** Managed policy for Pausa, written where the browser reads it, removed on close. */
  policy?: Record<string, unknown>;
  /** The browser's preferred languages (accept-language), e.g. 'pt-PT,pt'. Default en-US. */
  languages?: string;
  /** Wait until the background has settled coverage after install (default). Off: return as soon
   * as the browser says the extension is installed, as an outside test might. */
  waitForCoverage?: boolean;
  /** The person's settings to start from. Default `{ mode: 'every-share' }`: the share-path suites
   * test the pause on every path, which smart mode (a fresh install's default) would skip for a
   * benign photo or a second camera request. `null` keeps the fresh install's own defaults. */
  settings?: Record<string, unknown> | null;
  /** Which build: the store one (dist/chrome, dist/firefox; default) or the organisation one
   * (dist/chrome-managed, dist/firefox-managed), with its own IDs. */
  edition?: Edition;
  /** Default true. False: a window on screen (npm start). */
  headless?: boolean;
  /** Default true: every host name is 127.0.0.1 (Chromium), so fixture pages can be served under
   * real sites' names. False: names resolve as usual (npm start, where links must work). */
  mapHosts?: boolean;
  /** The caller handles Ctrl+C and SIGTERM itself (and closes the session): npm start. */
  ownSignals?: boolean;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<Session> {
  const executablePath = findExecutable(name);
  const edition = options.edition ?? 'store';
  const { chromeId, geckoId } = idsFor(edition);
  const dist = join(DIST, distName(name === 'chromium' ? 'chrome' : 'firefox', edition));
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${dist}/manifest.json is missing: run "npm run build" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), `pausa-${name}-`));
  const removePolicy = options.policy ? writePolicy(name, options.policy, edition) : () => undefined;
  let browser: Browser;
  let origin: string;
  if (name === 'chromium') {
    browser = await launchChromium(
      executablePath,
      profile,
      [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--lang=${(options.languages ?? 'en-US').split(',')[0]}`,
        `--accept-lang=${options.languages ?? 'en-US,en'}`,
      ],
      {
        headless: options.headless ?? true,
        mapHosts: options.mapHosts ?? true,
        ownSignals: options.ownSignals,
      },
    );
    const id = await browser.installExtension(dist);
    if (id !== chromeId) throw new Error(`Chrome extension ID ${id}, expected ${chromeId} (manifest key)`);
    origin = `chrome-extension://${id}`;
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      ...(options.headless === false ? { defaultViewport: null } : {}),
      ...(options.ownSignals ? OWN_SIGNALS : {}),
      acceptInsecureCerts: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
        'network.dns.localDomains': TEST_HOSTS.join(','),
        'media.navigator.streams.fake': true,
        'media.navigator.permission.disabled': true,
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': options.languages ?? 'en-US, en',
        'extensions.webextOptionalPermissionPrompts': false,
        'dom.security.https_first': false,
      },
    });
    await browser.installExtension(dist);
    origin = `moz-extension://${FIREFOX_UUID}`;
  }
  const session: Session = {
    name,
    browser,
    extensionUrl: (path) => `${origin}/${path.replace(/^\//, '')}`,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await session.gotoExtensionPage(page, path);
      return page;
    },
    async gotoExtensionPage(page, path) {
      const url = session.extensionUrl(path);
      if (name === 'chromium') {
        await page.goto(url);
      } else {
        // page.goto() and reload() hang on moz-extension:// URLs; BiDi's own navigate works.
        type BiDiFrame = { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } };
        await (page.mainFrame() as unknown as BiDiFrame).browsingContext.navigate(url, 'complete');
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      removePolicy();
    },
  };
  if (options.waitForCoverage !== false) await waitForCoverage(session);
  const settings = options.settings === undefined ? { mode: 'every-share' } : options.settings;
  if (settings) await setSettings(session, settings);
  return session;
}

/**
 * The manifest's content scripts protect the bundled sites from install on; the background then
 * writes the coverage the content scripts read (call controls, media types) and registers any other
 * covered site. Wait until it has, so every suite starts from the settled state.
 */
async function waitForCoverage(session: Session): Promise<void> {
  const page = await session.openExtensionPage('src/options/index.html');
  try {
    await page.waitForFunction(
      async () => {
        const api =
          (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
        const stored = await api.storage.local.get('coverage');
        return stored.coverage !== undefined;
      },
      { timeout: 15_000, polling: 100 },
    );
  } finally {
    await page.close();
  }
}

/** Write the person's settings and wait until the background's configuration has them. */
export async function setSettings(session: Session, settings: Record<string, unknown>): Promise<void> {
  const page = await session.openExtensionPage('src/options/index.html');
  try {
    await page.evaluate(async (next: Record<string, unknown>) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const { settings: current } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...(current as object), ...next } });
    }, settings);
    await page.waitForFunction(
      async (next: Record<string, unknown>) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const status = (await api.runtime.sendMessage({ type: 'getStatus' })) as {
          config?: Record<string, unknown> & { managed: string[] };
        };
        // A key the policy sets stays the policy's (smartSensitivity is policy's name for sensitivity).
        const managed = (key: string) =>
          status.config?.managed.includes(key === 'sensitivity' ? 'smartSensitivity' : key);
        return Object.entries(next).every(
          ([key, value]) => managed(key) || JSON.stringify(status.config?.[key]) === JSON.stringify(value),
        );
      },
      { timeout: 10_000, polling: 100 },
      settings,
    );
    // Sites added to the person's list are covered once the background has registered its
    // scripts for them (after it has stored the new coverage): a page opened before would have none.
    const extra = Array.isArray(settings.extraSites) ? (settings.extraSites as string[]) : [];
    if (extra.length)
      await page.waitForFunction(
        async (sites: string[]) => {
          const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
          const scripts = await api.scripting.getRegisteredContentScripts();
          const matches = scripts.flatMap((s) => s.matches ?? []);
          const checks = await Promise.all(
            sites.map(async (site) => {
              const host = site.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
              // A site the browser has not granted (Firefox asks) is never registered.
              if (!(await api.permissions.contains({ origins: [`*://${host}/*`] }))) return true;
              return matches.some((m) => m === '*://*/*' || m.includes(`//${host}/`));
            }),
          );
          return checks.every(Boolean);
        },
        { timeout: 15_000, polling: 100 },
        extra,
      );
  } finally {
    await page.close();
  }
}
