// The practice page (scripts/practice/) on http://localhost: a secure context, so the camera works,
// and a host Pausa covers once `*://localhost/*` is an extra site (scripts/start.mjs). The sample
// photos are copied to a temporary folder, where the browser's file picker can find them.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PRACTICE = join(root, 'scripts/practice');
/** Ordinary photos (CC0; see tests/fixtures/photos/README.md). */
const PHOTOS = join(root, 'tests/fixtures/photos');
const SAMPLE_PHOTOS = ['coffee.png', 'chelsea.png'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
};

/** The pattern that makes the practice page a covered site (a person's extra site). */
const PRACTICE_SITE = '*://localhost/*';

export async function startPracticeServer() {
  const scratch = mkdtempSync(join(tmpdir(), 'pausa-practice-'));
  const photoFolder = join(scratch, 'sample photos');
  mkdirSync(photoFolder);
  for (const name of SAMPLE_PHOTOS) copyFileSync(join(PHOTOS, name), join(photoFolder, name));

  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    if (path === '/practice.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ photos: photoFolder }));
    }
    const photo = path.startsWith('/photos/') ? path.slice('/photos/'.length) : undefined;
    const file =
      photo !== undefined
        ? SAMPLE_PHOTOS.includes(photo) && join(PHOTOS, photo)
        : join(PRACTICE, path === '/' ? 'index.html' : path);
    if (!file || (!file.startsWith(PRACTICE + '/') && !file.startsWith(PHOTOS + '/')))
      return response.writeHead(404).end();
    if (!existsSync(file) || statSync(file).isDirectory()) return response.writeHead(404).end('Not found');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${server.address().port}/`,
    photoFolder,
    /** What `launch` (tests/e2e/harness/browsers.ts) needs for the practice page to be covered:
     * the organisation build (it holds the permission, so no prompt), host names resolved as
     * usual, and the page as the person's own extra site, as "Add a site" in the options makes. */
    launchOptions: (settings = {}) => ({
      edition: 'managed',
      mapHosts: false,
      settings: { extraSites: [PRACTICE_SITE], ...settings },
    }),
    /** A person choosing a sample photo in the page's photo picker (`page`: puppeteer). */
    async pickPhoto(page, name = 'coffee.png') {
      const [chooser] = await Promise.all([
        page.waitForFileChooser({ timeout: 10_000 }),
        page.click('#picker'),
      ]);
      await chooser.accept([join(photoFolder, name)]);
    },
    close() {
      server.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
