// Scripts that use the project's TypeScript (the e2e harness, the shared logic) load it through
// vite's SSR loader, without a separate build step: `(await typescriptLoader()).ssrLoadModule(path)`,
// and `close()` when done.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export const typescriptLoader = () =>
  createServer({ root, configFile: false, logLevel: 'error', server: { middlewareMode: true } });
