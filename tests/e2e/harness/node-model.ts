// The model's probabilities in Node for the fixture photos (parity with the browsers).
import { toModelInput } from '../../../src/shared/pixels';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { decodeFile, nodePredict } from '../../../scripts/node-model.mjs';

/** The five probabilities for each image file (absolute paths). */
export async function nodeProbabilities(paths: string[]): Promise<number[][]> {
  const out: number[][] = [];
  for (const path of paths) {
    const image = decodeFile(path) as { data: Uint8Array; width: number; height: number };
    out.push((await nodePredict(toModelInput(image.data, image.width, image.height))) as number[]);
  }
  return out;
}
