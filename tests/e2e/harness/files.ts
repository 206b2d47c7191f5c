// Test files the "person" picks, written once per run with fixed pseudo-random bytes.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { toModelInput } from '../../../src/shared/pixels';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FILES_DIR = join(tmpdir(), 'pausa-e2e-files');

const SPECS: Record<string, number> = {
  'photo.jpg': 48_213,
  'second.png': 9_001,
  'clip.mp4': 120_000,
  'IMG_0042.HEIC': 30_000,
  'doc.pdf': 20_480,
  'notes.docx': 7_777,
};
export type FixtureFile = keyof typeof SPECS | (typeof PHOTOS)[number];

function bytes(seed: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Real photos for smart mode (tests/fixtures/photos, CC0: see the README there). */
const PHOTOS_DIR = new URL('../../fixtures/photos/', import.meta.url).pathname;
export const PHOTOS = [
  'coffee.png',
  'chelsea.png',
  'coffee-nudged.png',
  'coffee.jpg',
  'coffee-448.png',
  'chelsea-448.png',
] as const;

/** A benign JPEG, encoded here from the CC0 coffee photo (a camera would give a JPEG). */
function writeCoffeeJpeg(): void {
  const require = createRequire(import.meta.url);
  const jpeg = require('jpeg-js') as { encode(img: object, quality: number): { data: Buffer } };
  const { PNG } = require('pngjs') as {
    PNG: { sync: { read(b: Buffer): { data: Buffer; width: number; height: number } } };
  };
  const png = PNG.sync.read(readFileSync(join(PHOTOS_DIR, 'coffee.png')));
  writeFileSync(join(FILES_DIR, 'coffee.jpg'), jpeg.encode(png, 90).data);
}

export function writeFixtureFiles(): void {
  mkdirSync(FILES_DIR, { recursive: true });
  Object.entries(SPECS).forEach(([name, size], i) =>
    writeFileSync(join(FILES_DIR, name), bytes(i + 7, size)),
  );
  for (const name of ['coffee.png', 'chelsea.png', 'coffee-nudged.png']) {
    copyFileSync(join(PHOTOS_DIR, name), join(FILES_DIR, name));
  }
  writeCoffeeJpeg();
  // Folders to drop: one with a photo and a video (one level down too), one with a document only.
  mkdirSync(join(FILES_DIR, 'album', 'trip'), { recursive: true });
  copyFileSync(join(FILES_DIR, 'clip.mp4'), join(FILES_DIR, 'album', 'clip.mp4'));
  copyFileSync(join(FILES_DIR, 'photo.jpg'), join(FILES_DIR, 'album', 'trip', 'photo.jpg'));
  mkdirSync(join(FILES_DIR, 'papers'), { recursive: true });
  copyFileSync(join(FILES_DIR, 'doc.pdf'), join(FILES_DIR, 'papers', 'doc.pdf'));
  for (const name of ['coffee', 'chelsea']) write448(name);
}

/**
 * The photo as the model sees it (squeezed to 224 × 224 by src/shared/pixels.ts), stored at
 * 448 × 448 with each pixel doubled: the size the extension decodes a photo to, so a browser and
 * Node start from exactly the same pixels (the parity test).
 */
function write448(name: string): void {
  const require = createRequire(import.meta.url);
  const { PNG } = require('pngjs') as {
    PNG: {
      new (o: object): { data: Buffer };
      sync: { read(b: Buffer): { data: Buffer; width: number; height: number }; write(p: object): Buffer };
    };
  };
  const source = PNG.sync.read(readFileSync(join(PHOTOS_DIR, `${name}.png`)));
  const input = toModelInput(source.data, source.width, source.height);
  const out = new PNG({ width: 448, height: 448 });
  for (let y = 0; y < 448; y++) {
    for (let x = 0; x < 448; x++) {
      const i = ((y >> 1) * 224 + (x >> 1)) * 3;
      const o = (y * 448 + x) * 4;
      for (let c = 0; c < 3; c++) out.data[o + c] = Math.round(input[i + c]! * 255);
      out.data[o + 3] = 255;
    }
  }
  writeFileSync(join(FILES_DIR, `${name}-448.png`), PNG.sync.write(out));
}

export const filePath = (name: string): string => join(FILES_DIR, name);

export function sha256Of(name: string): string {
  return createHash('sha256')
    .update(readFileSync(filePath(name)))
    .digest('hex');
}
