// `npm start` (issue #14): the practice page opens with Pausa loaded and covered, and a pick there
// brings the warning. `npm run screenshots` takes the store's pictures on the same page. Headless with --screenshot is how it runs on a machine without a screen,
// so that is what is tested, in both browsers, as a person would run it (a child process).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'pausa-start-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const start = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 90_000,
  });

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe('npm start and npm run screenshots', () => {
  it.each([
    ['chromium', []],
    ['firefox', ['--firefox']],
  ])(
    '%s: the practice page loads with Pausa, a pick shows the warning, the picture is saved',
    (name, flag) => {
      const file = join(out, `${name}.png`);
      const run = start([...flag, '--headless', '--screenshot', file]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Pausa's warning is open on the practice page (${name})`);
      expect(pngSize(file)).toEqual({ width: 1280, height: 800 });
    },
    90_000,
  );

  it('Ctrl+C closes the browser and removes the temporary profile and sample photos', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--headless'], { cwd: root });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not come up: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        if (out.includes('press Ctrl+C')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const photos = /Sample photos for the picker: (.*)/.exec(out)![1]!;
    expect(existsSync(photos)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(dirname(photos))).toBe(false);
  }, 90_000);

  it('says what is wrong instead of starting: an unknown mode, no screen, a picture without --headless', () => {
    const badMode = start(['--mode', 'loud']);
    expect(badMode.status).toBe(1);
    expect(badMode.stderr).toContain('--mode must be one of every-share, smart, strict');

    const noScreen = { ...process.env };
    delete noScreen.DISPLAY;
    delete noScreen.WAYLAND_DISPLAY;
    const windowless = start([], noScreen);
    expect(windowless.status).toBe(1);
    expect(windowless.stderr).toContain('npm start -- --headless --screenshot practice.png');

    const pictureOnly = start(['--screenshot', join(out, 'x.png')]);
    expect(pictureOnly.status).toBe(1);
    expect(pictureOnly.stderr).toContain('--screenshot needs --headless');
  });

  it('npm run screenshots -- --locale nl: the five listing pictures at 1280 × 800', () => {
    const run = spawnSync(process.execPath, ['scripts/screenshots.mjs', '--locale', 'nl', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const picture of ['warning', 'camera', 'help-panel', 'help', 'popup'])
      expect(pngSize(join(out, 'nl', `${picture}.png`)), picture).toEqual({ width: 1280, height: 800 });
  }, 90_000);
});
