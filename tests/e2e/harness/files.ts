// Test files the "person" picks, written once per run with fixed pseudo-random bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
export type FixtureFile = keyof typeof SPECS;

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

export function writeFixtureFiles(): void {
  mkdirSync(FILES_DIR, { recursive: true });
  Object.entries(SPECS).forEach(([name, size], i) =>
    writeFileSync(join(FILES_DIR, name), bytes(i + 7, size)),
  );
}

export const filePath = (name: string): string => join(FILES_DIR, name);

export function sha256Of(name: string): string {
  return createHash('sha256')
    .update(readFileSync(filePath(name)))
    .digest('hex');
}
