// The model's input from decoded pixels, pure so that Node (tests, `npm run eval:smart`) and the
// browsers build exactly the same tensor from the same pixels.

export const INPUT_SIZE = 224;

/**
 * RGBA pixels (width × height) to the model's input: size × size × 3 floats in [0, 1]. A picture
 * that is not already size × size is squeezed to it with an area average (each output pixel is the
 * mean of the source pixels it covers), which is what the model saw in training (nsfwjs resizes
 * the whole picture, ignoring its aspect). Transparent pixels count as they are stored.
 */
export function toModelInput(rgba: ArrayLike<number>, width: number, height: number, size = INPUT_SIZE) {
  const out = new Float32Array(size * size * 3);
  const sx = width / size;
  const sy = height / size;
  for (let oy = 0; oy < size; oy++) {
    const y0 = Math.floor(oy * sy);
    const y1 = Math.max(y0 + 1, Math.floor((oy + 1) * sy));
    for (let ox = 0; ox < size; ox++) {
      const x0 = Math.floor(ox * sx);
      const x1 = Math.max(x0 + 1, Math.floor((ox + 1) * sx));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++) {
        let i = (y * width + x0) * 4;
        for (let x = x0; x < x1; x++, i += 4) {
          r += rgba[i]!;
          g += rgba[i + 1]!;
          b += rgba[i + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0) * 255;
      const o = (oy * size + ox) * 3;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
    }
  }
  return out;
}

/** The size to decode a picture at so that the area average above has ≤ 2 source pixels per
 * output pixel each way: decoding less is the main saving on a 12-megapixel photo. */
export function decodeSize(
  width: number,
  height: number,
  size = INPUT_SIZE,
): { width: number; height: number } {
  const fit = (n: number) => Math.min(n, size * 2);
  return { width: fit(width), height: fit(height) };
}
