// Draws Pausa's icon (a blue rounded square with a white pause sign) as PNGs at the sizes the
// manifest lists. Run once after changing the design: `node scripts/make-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [47, 91, 211];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage (0..1) of a pixel by a rounded rectangle, sampled 4×4 for smooth edges. */
function cover(x, y, rect) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const dx = Math.max(rect.x0 + rect.r - px, 0, px - (rect.x1 - rect.r));
      const dy = Math.max(rect.y0 + rect.r - py, 0, py - (rect.y1 - rect.r));
      const inside = px >= rect.x0 && px <= rect.x1 && py >= rect.y0 && py <= rect.y1;
      if (inside && dx * dx + dy * dy <= rect.r * rect.r) hits++;
    }
  }
  return hits / 16;
}

function icon(size) {
  const s = size;
  const bg = { x0: 0, y0: 0, x1: s, y1: s, r: s * 0.22 };
  const barW = s * 0.14;
  const barH = s * 0.46;
  const gap = s * 0.12;
  const top = (s - barH) / 2;
  const left = (s - (2 * barW + gap)) / 2;
  const bars = [
    { x0: left, y0: top, x1: left + barW, y1: top + barH, r: barW / 2 },
    { x0: left + barW + gap, y0: top, x1: left + 2 * barW + gap, y1: top + barH, r: barW / 2 },
  ];
  const raw = Buffer.alloc(s * (s * 4 + 1));
  for (let y = 0; y < s; y++) {
    raw[y * (s * 4 + 1)] = 0;
    for (let x = 0; x < s; x++) {
      const a = cover(x, y, bg);
      const w = Math.max(...bars.map((b) => cover(x, y, b)));
      const o = y * (s * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(BLUE[c] * (1 - w) + WHITE[c] * w);
      raw[o + 3] = Math.round(255 * a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 96, 128]) {
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), icon(size));
}
