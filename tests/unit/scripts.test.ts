// The project's scripts load its TypeScript through vite (scripts/typescript.mjs). Two of them at
// once — `npm start` while the evaluation or a benchmark runs — must not get in each other's way:
// a fresh-clone CI run failed once because `npm start` printed "Port 24678 is already in use"
// (vite's HMR WebSocket, which nothing here uses) while another loader was open.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('scripts/typescript.mjs', () => {
  it('two loaders at once both load the shared logic and print nothing', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { typescriptLoader } from './scripts/typescript.mjs';
         const a = await typescriptLoader();
         const b = await typescriptLoader();
         const [x, y] = await Promise.all([a, b].map((l) => l.ssrLoadModule('/src/shared/extortion.ts')));
         await new Promise((r) => setTimeout(r, 300));
         console.log(typeof x.tokenize, typeof y.tokenize);
         await a.close();
         await b.close();`,
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('function function');
    expect(child.status).toBe(0);
  });
});
