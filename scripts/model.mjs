// The smart-mode model (SPEC C9), made at build time from what `npm ci` installed: nsfwjs 4.4.0
// ships its MobileNetV2Mid graph model as base64 inside CommonJS modules; this writes it out as a
// plain tfjs graph model (model.json + binary shards), and copies the tfjs WASM binaries
// (plain and SIMD; the threaded one is never used: threads need cross-origin isolation).
// Nothing is fetched: the extension loads these files from its own package.
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package exports only its JS entry points; the model files sit next to them.
const MODEL_DIR = join(dirname(require.resolve('nsfwjs')), '..', 'models', 'mobilenet_v2_mid') + '/';
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

/** The model's parts: model.json's object and each shard's bytes, by file name. */
export function modelParts() {
  const json = require(`${MODEL_DIR}model.min.js`);
  const shards = {};
  const weightsManifest = json.weightsManifest.map((group) => ({
    ...group,
    paths: group.paths.map((path) => {
      const base64 = require(`${MODEL_DIR}${path}.min.js`);
      const file = `${path}.bin`;
      shards[file] = Buffer.from(base64, 'base64');
      return file;
    }),
  }));
  const { format, generatedBy, convertedBy, modelTopology, userDefinedMetadata } = json;
  return {
    modelJson: { format, generatedBy, convertedBy, modelTopology, userDefinedMetadata, weightsManifest },
    shards,
  };
}

/** Writes model/ and wasm/ into an extension build folder. Returns the bytes written. */
export function writeModel(outDir) {
  const { modelJson, shards } = modelParts();
  mkdirSync(join(outDir, 'model'), { recursive: true });
  mkdirSync(join(outDir, 'wasm'), { recursive: true });
  const json = JSON.stringify(modelJson);
  writeFileSync(join(outDir, 'model', 'model.json'), json);
  let bytes = json.length;
  for (const [file, data] of Object.entries(shards)) {
    writeFileSync(join(outDir, 'model', file), data);
    bytes += data.length;
  }
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  for (const file of WASM_FILES) {
    copyFileSync(join(wasmDir, 'dist', file), join(outDir, 'wasm', file));
  }
  return bytes;
}
