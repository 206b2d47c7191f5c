// Smart mode in the background: which files of a share go to the check, and what counts as
// "could not check" (the check itself is faked here; the real model runs in the e2e tests).
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { storage: { local: {} }, runtime: {} } }));

const { checkShare } = await import('../../src/background/smart-decide');

const media = { mimePrefixes: ['image/', 'video/'], extensions: ['heic', 'jpg', 'mp4'] };
const meta = (name: string, type: string, size = 10) => ({ name, type, size });
const blob = (size = 10) => new Blob([new Uint8Array(size)]);

describe('checkShare', () => {
  it('sends only the media files, in order, and returns their checks', async () => {
    const check = vi.fn(async (files: Blob[]) => files.map((_, i) => ({ check: { score: i / 10 } })));
    const share = {
      kind: 'files' as const,
      via: 'input',
      files: [meta('a.jpg', 'image/jpeg'), meta('b.pdf', 'application/pdf'), meta('c.mp4', 'video/mp4')],
    };
    const data = [blob(1), blob(2), blob(3)];
    const checks = await checkShare(share, data, media, check);
    expect(check).toHaveBeenCalledWith([data[0], data[2]]);
    expect(checks).toEqual([{ score: 0 }, { score: 0.1 }]);
  });

  it('a media file whose bytes did not arrive (or are empty) is "could not check"', async () => {
    const check = vi.fn(async (files: Blob[]) => files.map(() => ({ check: { score: 0 } })));
    const share = {
      kind: 'files' as const,
      via: 'picker',
      files: [meta('a.jpg', ''), meta('IMG_1.HEIC', '', 0)],
    };
    const checks = await checkShare(share, [blob(5), new Blob([])], media, check);
    expect(checks).toEqual([{ score: 0 }, { unsure: 'decode' }]);
    expect(await checkShare(share, [], media, check)).toEqual([{ unsure: 'decode' }, { unsure: 'decode' }]);
  });

  it('a classifier that throws makes every file "failed", never a pass', async () => {
    const check = vi.fn(async () => {
      throw new Error('offscreen gone');
    });
    const share = { kind: 'files' as const, via: 'drop', files: [meta('a.jpg', 'image/jpeg')] };
    expect(await checkShare(share, [blob()], media, check)).toEqual([{ unsure: 'failed' }]);
  });
});
