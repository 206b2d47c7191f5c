// Builds the extension pages, the background and the manifest with @crxjs/vite-plugin, for the
// browser named in PAUSA_BROWSER (chrome | firefox). The two content scripts and the warning
// module are built by scripts/build.mjs (see there for why). `npm run build` runs both.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import rules from './src/rules/rules.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { ALL_SITES, scriptPattern } from './src/shared/coverage-patterns.ts';

export type Browser = 'chrome' | 'firefox';
/** `store`: for people and families; sites beyond the bundled ones are an optional permission the
 * person grants. `managed`: for organisations (issue #11): every http(s) host is a required host
 * permission, which browsers grant a force-installed extension at install, so sites added by
 * policy are covered on every managed machine with no click. Which pages Pausa runs on is still
 * decided by Pausa (the bundled rules, `extraSites`, `allSites`), never by the permission. */
export type Edition = 'store' | 'managed';

/** What differs in the organisation build: its own ID (Chrome key, gecko id), its name, and the
 * required host permission. Nothing else. */
export const MANAGED = {
  key: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAz7iopy2StMc2HROGIGGgEclLgM53o4ngVkuyXShiBkgCuQouoD04bDzU0+TGq8Lw6cLdGkpQWo4vHG4dE9Rz/UcZDV43y3feog+1fOuu09bIiN5Gdyrxxr1ogw7bm08qdUYHEIDF+t57PZzlAWivRJCo0BW+w3sdkTCYhog+3MSPKzq0szQNusx6EnXigyvB28R90Pp/BlvhYHDS98cEMWc87hfHIYslyjT4mThiv81CBQ0Q6tDSfyvOgNpGCWuc/t2eoHpOMIepV/oApeXHejxYpgdz+ArAuiDElEwk9xLHUYlpvGPWbtnTStCqpdo1xAN5XJrPXVB0TUojxqGFuQIDAQAB',
  geckoId: 'pausa-managed@pausa-safety.org',
  name: '__MSG_extNameManaged__',
  description: '__MSG_extDescriptionManaged__',
} as const;

/** The output folder of a build: dist/chrome, dist/firefox, dist/chrome-managed, dist/firefox-managed. */
export const distName = (browser: Browser, edition: Edition) =>
  edition === 'managed' ? `${browser}-managed` : browser;

/** The bundled rules' sites as whole-host patterns: the manifest's content scripts run there. */
export const bundledPatterns = (): string[] =>
  [...new Set(rules.sites.flatMap((site) => site.matches).map(scriptPattern))].sort();

/** The manifest for one browser: host permissions come from the bundled rules' sites (whole hosts;
 * scripts/build.mjs declares the content scripts for the same patterns). */
export function manifestFor(browser: Browser, edition: Edition = 'store'): ManifestV3Export {
  const { key: storeKey, minimum_chrome_version, browser_specific_settings, ...base } = baseManifest;
  const managed = edition === 'managed';
  // One version, package.json's, in every manifest (CHANGELOG.md says what each one changed).
  const versioned = { ...base, version: pkg.version };
  const common = managed
    ? { ...versioned, name: MANAGED.name, description: MANAGED.description, optional_host_permissions: [] }
    : versioned;
  const key = managed ? MANAGED.key : storeKey;
  const host_permissions = managed ? [ALL_SITES] : bundledPatterns();
  if (browser === 'chrome') {
    return {
      ...common,
      key,
      minimum_chrome_version,
      host_permissions,
      // Smart mode's check runs in an offscreen document (the service worker cannot hold a model).
      permissions: [...common.permissions, 'offscreen'],
      // Content script → background messages carry the shared File objects for that check; Chrome's
      // default JSON messaging would turn them into {} (Chrome 148+; Firefox always clones).
      message_serialization: 'structured_clone',
    } as ManifestV3Export;
  }
  return {
    ...common,
    // Firefox runs the background as an event page (it has no extension service workers).
    background: { scripts: [common.background.service_worker], type: 'module' },
    host_permissions,
    // Firefox 128 runs MAIN-world content scripts, 129 has WebCrypto Ed25519 (signed rules), 140
    // reads data_collection_permissions (AMO requires it); 140 is an ESR.
    browser_specific_settings: managed
      ? { ...browser_specific_settings, gecko: { ...browser_specific_settings.gecko, id: MANAGED.geckoId } }
      : browser_specific_settings,
  } as ManifestV3Export;
}

const browser = (process.env.PAUSA_BROWSER ?? 'chrome') as Browser;
const edition = (process.env.PAUSA_EDITION ?? 'store') as Edition;

/**
 * Build-time constants: the browser, and where automatic rule updates come from. A maintainer
 * who publishes signed rules builds with PAUSA_RULES_URL and PAUSA_RULES_PUBLIC_KEY (README,
 * "Publishing rules"); a build without them does not check for updates at all (an organisation
 * can still set policy `rulesUrl` and `rulesPublicKey`).
 */
export function defines(target: Browser): Record<string, string> {
  return {
    'import.meta.env.BROWSER': JSON.stringify(target),
    'import.meta.env.PAUSA_RULES_URL': JSON.stringify(process.env.PAUSA_RULES_URL ?? ''),
    'import.meta.env.PAUSA_RULES_PUBLIC_KEY': JSON.stringify(process.env.PAUSA_RULES_PUBLIC_KEY ?? ''),
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifestFor(browser, edition), browser })],
  define: defines(browser),
  build: {
    // PAUSA_OUT_DIR: another folder than dist/ (the reproducible-build test builds a second copy).
    outDir: `${process.env.PAUSA_OUT_DIR ?? 'dist'}/${distName(browser, edition)}`,
    emptyOutDir: true,
    target: browser === 'chrome' ? 'chrome137' : 'firefox140',
    minify: true,
    sourcemap: false,
    // Pages the manifest does not name: the help page ("I'm being threatened") and the privacy policy.
    // Chrome also gets the offscreen document where smart mode's check runs.
    rollupOptions: {
      input: {
        help: 'src/help/index.html',
        privacy: 'src/privacy/index.html',
        ...(browser === 'chrome' ? { offscreen: 'src/offscreen/index.html' } : {}),
      },
    },
  },
});
