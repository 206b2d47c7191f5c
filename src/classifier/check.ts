// The check of a share's files, in a context with a DOM and WebAssembly (Chrome's offscreen
// document, Firefox's background page; never the page). Decodes each photo at a small size, asks
// the model, and says for each file its score or why it could not be checked (SPEC C9, §6.8).
import { intimateScore, type FileCheck } from '../shared/smart';
import { decodeSize, INPUT_SIZE, toModelInput } from '../shared/pixels';
import { predict } from './model';

export interface FileResult {
  check: FileCheck;
  /** The model's five probabilities (the highest-scoring frame of a video). */
  probabilities?: number[];
  /** Milliseconds spent decoding and in the model (for `npm run bench` and the options page). */
  decodeMs?: number;
  inferMs?: number;
}

/** Frames looked at in a video, as fractions of its length. */
const VIDEO_FRAMES = [0.15, 0.5, 0.85];

function pixelsOf(source: CanvasImageSource, width: number, height: number) {
  const size = decodeSize(width, height);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(source, 0, 0, size.width, size.height);
  const { data } = context.getImageData(0, 0, size.width, size.height);
  return toModelInput(data, size.width, size.height);
}

async function checkImage(baseUrl: string, file: Blob): Promise<FileResult> {
  let bitmap: ImageBitmap;
  const start = performance.now();
  try {
    // Decoded straight to at most twice the model's input each way: the browser can skip most of
    // a large photo's pixels. A picture already that small is decoded as it is.
    const target = INPUT_SIZE * 2;
    bitmap = await createImageBitmap(file, {
      resizeWidth: target,
      resizeHeight: target,
      resizeQuality: 'medium',
    });
  } catch {
    return { check: { unsure: 'decode' } };
  }
  try {
    const input = pixelsOf(bitmap, bitmap.width, bitmap.height);
    const decoded = performance.now();
    const probabilities = await predict(baseUrl, input);
    return {
      check: { score: intimateScore(probabilities) },
      probabilities,
      decodeMs: decoded - start,
      inferMs: performance.now() - decoded,
    };
  } finally {
    bitmap.close();
  }
}

function once(target: EventTarget, ok: string): Promise<void> {
  return new Promise((resolve, reject) => {
    target.addEventListener(ok, () => resolve(), { once: true });
    target.addEventListener('error', () => reject(new Error('video could not be read')), { once: true });
  });
}

async function checkVideo(baseUrl: string, file: Blob): Promise<FileResult> {
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  try {
    const ready = once(video, 'loadeddata');
    video.src = url;
    await ready;
    if (!video.videoWidth) return { check: { unsure: 'decode' } };
    if (!Number.isFinite(video.duration)) {
      // A recording made in a browser (MediaRecorder) often says nothing of its length: seeking
      // far past its end makes the browser find it.
      const found = once(video, 'seeked');
      video.currentTime = Number.MAX_SAFE_INTEGER;
      await found;
      if (!Number.isFinite(video.duration)) return { check: { unsure: 'decode' } };
    }
    let best: FileResult | undefined;
    for (const at of VIDEO_FRAMES) {
      const seeked = once(video, 'seeked');
      video.currentTime = video.duration * at;
      await seeked;
      const probabilities = await predict(baseUrl, pixelsOf(video, video.videoWidth, video.videoHeight));
      const score = intimateScore(probabilities);
      if (!best || score > (best.check as { score: number }).score)
        best = { check: { score }, probabilities };
    }
    return best!;
  } catch {
    return { check: { unsure: 'decode' } };
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}

const isVideo = (file: Blob & { name?: string }) =>
  file.type.startsWith('video/') || /\.(mp4|m4v|mov|webm|mkv|avi|3gp)$/i.test(file.name ?? '');

/**
 * Checks each file in turn (one decoded photo in memory at a time). `baseUrl` is the extension's
 * root URL, where model/ and wasm/ are.
 */
export async function checkFiles(baseUrl: string, files: readonly Blob[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      results.push(await (isVideo(file) ? checkVideo(baseUrl, file) : checkImage(baseUrl, file)));
    } catch (error) {
      console.error('Pausa: the check failed', error);
      results.push({ check: { unsure: 'failed' } });
    }
  }
  return results;
}
