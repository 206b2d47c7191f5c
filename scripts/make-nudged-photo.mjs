// Makes tests/fixtures/photos/coffee-nudged.png (see the README there): the CC0 coffee photo,
// nudged by at most 3/255 per pixel until the model scores it between the `high` and `standard`
// thresholds. Gradients need tfjs's CPU backend and its registered gradients, which the full
// @tensorflow/tfjs package (installed with nsfwjs) provides; the extension never loads either.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { typescriptLoader } from './typescript.mjs';
import { decodeFile, nodeModel, nodePredict } from './node-model.mjs';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs');
const { PNG } = require('pngjs');

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = await typescriptLoader();
const { toModelInput } = await vite.ssrLoadModule('/src/shared/pixels.ts');
await vite.close();

const photos = `${root}tests/fixtures/photos/`;
const model = await nodeModel();
await tf.setBackend('cpu');
const image = decodeFile(`${photos}coffee.png`);
let x = tf.tensor4d(toModelInput(image.data, image.width, image.height), [1, 224, 224, 3]);
const score = (t) => tf.sum(tf.gather(model.predict(t), [1, 3, 4], 1));
const gradient = tf.grad(score);
for (let step = 0; step < 10 && (await score(x).data())[0] < 0.3; step++) {
  const next = tf.clipByValue(tf.add(x, tf.mul(tf.sign(gradient(x)), 1 / 255)), 0, 1);
  x = tf.div(tf.round(tf.mul(next, 255)), 255); // whole 8-bit values, so the PNG holds them exactly
}
const pixels = await x.data();
await tf.setBackend('wasm');
const png = new PNG({ width: 448, height: 448 });
for (let y = 0; y < 448; y++) {
  for (let col = 0; col < 448; col++) {
    const i = ((y >> 1) * 224 + (col >> 1)) * 3;
    const o = (y * 448 + col) * 4;
    for (let c = 0; c < 3; c++) png.data[o + c] = Math.round(pixels[i + c] * 255);
    png.data[o + 3] = 255;
  }
}
writeFileSync(`${photos}coffee-nudged.png`, PNG.sync.write(png));
const check = decodeFile(`${photos}coffee-nudged.png`);
const p = await nodePredict(toModelInput(check.data, check.width, check.height));
console.log(`coffee-nudged.png: score ${(p[1] + p[3] + p[4]).toFixed(3)} on the WASM backend`);
