// The on-device model (SPEC C9): nsfwjs's MobileNetV2Mid as a tfjs graph model, run on the WASM
// backend (SIMD where the browser has it, one thread: threads need cross-origin isolation). Model
// and WASM files come from the extension's own package (scripts/model.mjs writes them), never the
// network. Loaded once, on the first check, and kept while this context lives.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { INPUT_SIZE } from '../shared/pixels';

let loading: Promise<GraphModel> | undefined;

async function load(baseUrl: string): Promise<GraphModel> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // The two single-threaded binaries by name; tfjs picks SIMD when WebAssembly.validate says so.
  setWasmPaths({
    'tfjs-backend-wasm.wasm': `${baseUrl}wasm/tfjs-backend-wasm.wasm`,
    'tfjs-backend-wasm-simd.wasm': `${baseUrl}wasm/tfjs-backend-wasm-simd.wasm`,
    'tfjs-backend-wasm-threaded-simd.wasm': `${baseUrl}wasm/tfjs-backend-wasm-simd.wasm`,
  });
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  const model = await loadGraphModel(`${baseUrl}model/model.json`);
  // The first run compiles the graph: done now, so a person's first photo does not wait for it.
  tf.tidy(() => model.predict(tf.zeros([1, INPUT_SIZE, INPUT_SIZE, 3])) as tf.Tensor).dispose();
  return model;
}

/** The model, loading it if needed. A failed load is retried on the next call. */
export function model(baseUrl: string): Promise<GraphModel> {
  loading ??= load(baseUrl).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The five class probabilities for one model input (see ../shared/pixels.ts). */
export async function predict(baseUrl: string, input: Float32Array): Promise<number[]> {
  const net = await model(baseUrl);
  const output = tf.tidy(() => net.predict(tf.tensor4d(input, [1, INPUT_SIZE, INPUT_SIZE, 3])) as tf.Tensor);
  try {
    return Array.from(await output.data());
  } finally {
    output.dispose();
  }
}

export const backendInfo = () => ({
  backend: tf.getBackend(),
  simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
});
