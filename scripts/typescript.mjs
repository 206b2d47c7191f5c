// Scripts that use the project's TypeScript (the e2e harness, the shared logic) load it through
// vite's SSR loader, without a separate build step: `(await typescriptLoader()).ssrLoadModule(path)`,
// and `close()` when done.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

// No HMR WebSocket (`ws: false`): nothing here reloads, and two loaders at once (npm start while
// the evaluation runs) would otherwise both ask for port 24678 and print an error.
export const typescriptLoader = () =>
  createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
