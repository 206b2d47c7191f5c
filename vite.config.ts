// Builds the extension pages, the background and the manifest with @crxjs/vite-plugin, for the
// browser named in PAUSA_BROWSER (chrome | firefox). The two content scripts and the warning
// module are built by scripts/build.mjs (see there for why). `npm run build` runs both.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import rules from './src/rules/rules.json' with { type: 'json' };
import { scriptPattern } from './src/shared/coverage-patterns';

export type Browser = 'chrome' | 'firefox';

/** The manifest for one browser: host permissions come from the bundled rules' sites (whole hosts;
 * scripts/build.mjs declares the content scripts for the same patterns). */
export function manifestFor(browser: Browser): ManifestV3Export {
  const { key, minimum_chrome_version, browser_specific_settings, ...common } = baseManifest;
  const host_permissions = [
    ...new Set(rules.sites.flatMap((site) => site.matches).map(scriptPattern)),
  ].sort();
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
    browser_specific_settings,
  } as ManifestV3Export;
}

const browser = (process.env.PAUSA_BROWSER ?? 'chrome') as Browser;

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifestFor(browser), browser })],
  define: { 'import.meta.env.BROWSER': JSON.stringify(browser) },
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: browser === 'chrome' ? 'chrome137' : 'firefox140',
    minify: true,
    sourcemap: false,
    // Pages the manifest does not name: the help page ("I'm being threatened").
    // Chrome also gets the offscreen document where smart mode's check runs.
    rollupOptions: {
      input: {
        help: 'src/help/index.html',
        ...(browser === 'chrome' ? { offscreen: 'src/offscreen/index.html' } : {}),
      },
    },
  },
});
