// `npm run build`: writes dist/chrome/ and dist/firefox/ (SPEC §6.1), and the organisation builds
// dist/chrome-managed/ and dist/firefox-managed/ (issue #11; see vite.config.ts `Edition`): the same
// code and rules, built twice. PAUSA_BROWSERS and PAUSA_EDITIONS (store,managed) pick a subset.
//
// For each browser, vite + @crxjs/vite-plugin build the pages, the background and the manifest.
// Then three files are built here with stable names, because the manifest names them (the bundled
// sites) and the background registers them for any other covered site (src/background/coverage.ts):
//   main-world.js  IIFE, world MAIN: must run synchronously at document_start, before any page script
//   content.js     IIFE, isolated world: as small as possible, it starts on every covered page
//   warning.js     IIFE, injected into the frame by the background (scripting.executeScript) only when
//                  a warning is shown: never web-accessible, so no page can fetch it or probe for it
//   messages.js    IIFE, C8's message reader and help panel, injected the same way into the top frame
//                  of a page whose messages C8 reads
import { minify } from 'terser';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeModel } from './model.mjs';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const browsers = (process.env.PAUSA_BROWSERS ?? 'chrome,firefox').split(',');
const editions = (process.env.PAUSA_EDITIONS ?? 'store,managed').split(',');
// PAUSA_OUT_DIR: build into another folder than dist/ (tests/unit/reproducible.test.ts).
const outRoot = process.env.PAUSA_OUT_DIR ?? `${root}/dist`;

// The build-time constants and the bundled sites, from vite.config.ts itself (one definition).
const loader = await typescriptLoader();
const { bundledPatterns, defines, distName } = await loader.ssrLoadModule('/vite.config.ts');
await loader.close();

const script = (browser, outDir, entry, fileName, format, name = 'pausa') =>
  build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: /warning|messages/.test(entry) ? [preact()] : [],
    define: defines(browser),
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: browser === 'chrome' ? 'chrome137' : 'firefox140',
      // PAUSA_MINIFY=0: readable function names in a profile (npm run bench:chat).
      minify: process.env.PAUSA_MINIFY !== '0',
      sourcemap: false,
      lib: { entry, formats: [format], fileName: () => fileName, name },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });

/**
 * The two content scripts, declared in the manifest for the bundled sites (its host permissions), so
 * they run from the first moment after install and after every update: a registration made by the
 * background at install arrives a few hundred milliseconds late, and pages opened in between would
 * not be protected. Sites outside this list (extra sites, rule updates, allSites) are registered by
 * the background, with these patterns excluded so no page gets the scripts twice. They are added
 * here, not in vite.config.ts, because crxjs would rebuild them as asynchronous module loaders,
 * and the main-world script must run before any page script.
 */
function addContentScripts(manifest) {
  const common = {
    // The bundled sites only, in both editions: the organisation build's broad host permission
    // lets the background register more sites (policy), never run everywhere by itself.
    matches: bundledPatterns(),
    run_at: 'document_start',
    all_frames: true,
    // about:blank, srcdoc and blob: frames a covered page makes get the hooks too.
    match_origin_as_fallback: true,
  };
  manifest.content_scripts = [
    { ...common, js: ['main-world.js'], world: 'MAIN' },
    { ...common, js: ['content.js'] },
  ];
}

/**
 * The main-world script loads on every covered page and is held to 5 KB (SPEC §7): after vite's
 * minifier, terser takes about 100 bytes more (three passes; functions that never use `this`
 * become arrows). Deterministic, like the rest of the build.
 */
async function squeeze(file) {
  const { code } = await minify(readFileSync(file, 'utf8'), {
    ecma: 2020,
    toplevel: true,
    compress: { passes: 3, unsafe_arrows: true },
    mangle: { toplevel: true },
  });
  writeFileSync(file, code);
}

function finishManifest(manifestPath) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  addContentScripts(manifest);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}

for (const browser of browsers)
  for (const edition of editions) {
    process.env.PAUSA_BROWSER = browser;
    process.env.PAUSA_EDITION = edition;
    const name = distName(browser, edition);
    const outDir = `${outRoot}/${name}`;
    await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'warn' });
    await script(browser, outDir, 'src/main-world/index.ts', 'main-world.js', 'iife');
    if (process.env.PAUSA_MINIFY !== '0') await squeeze(`${outDir}/main-world.js`);
    await script(browser, outDir, 'src/content/index.ts', 'content.js', 'iife');
    await script(browser, outDir, 'src/warning/index.ts', 'warning.js', 'iife', 'pausaWarning');
    await script(browser, outDir, 'src/messages/index.ts', 'messages.js', 'iife', 'pausaMessages');
    finishManifest(`${outDir}/manifest.json`);
    const modelBytes = writeModel(outDir);
    const size = (f) => statSync(`${outDir}/${f}`).size;
    console.log(
      `${outDir.replace(`${root}/`, '')}: main-world.js ${size('main-world.js')} B, content.js ${size('content.js')} B, warning.js ${size('warning.js')} B, messages.js ${size('messages.js')} B, model ${modelBytes} B`,
    );
  }
