// The smart-mode model in Node, on the same tfjs WASM backend the extension uses: for
// `npm run eval:smart` (false positives on benign photos) and the parity test (the browsers must
// compute the same probabilities as this on the same pixels).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { modelParts } from './model.mjs';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-wasm');
const { loadGraphModel } = require('@tensorflow/tfjs-converter');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');

let loaded;

export async function nodeModel() {
  if (loaded) return loaded;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await tf.setBackend('wasm');
  const { modelJson, shards } = modelParts();
  const data = Buffer.concat(Object.values(shards));
  loaded = await loadGraphModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.length),
    }),
  );
  return loaded;
}

/** Five probabilities for one 224×224×3 input in [0, 1]. */
export async function nodePredict(input) {
  const model = await nodeModel();
  const output = tf.tidy(() => model.predict(tf.tensor4d(input, [1, 224, 224, 3])));
  const values = Array.from(await output.data());
  output.dispose();
  return values;
}

/** RGBA pixels of a JPEG or PNG file, decoded in pure JS (no browser, no native code). */
export function decodeFile(path) {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const png = PNG.sync.read(bytes);
    return { data: png.data, width: png.width, height: png.height };
  }
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 2048 });
  return { data: image.data, width: image.width, height: image.height };
}
