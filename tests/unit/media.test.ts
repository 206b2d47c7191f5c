import { describe, expect, it } from 'vitest';
import bundled from '../../src/rules/rules.json';
import { anyMedia, isMediaFile } from '../../src/shared/media';

const media = bundled.media;
const file = (name: string, type = '') => ({ name, type, size: 1 });

describe('isMediaFile', () => {
  it.each([
    [file('a.jpg', 'image/jpeg'), true],
    [file('clip', 'video/quicktime'), true],
    [file('IMG_0001.HEIC'), true],
    [file('movie.MOV'), true],
    [file('scan.pdf', 'application/pdf'), false],
    [file('notes.docx', ''), false],
    [file('noextension'), false],
    [file('archive.jpg.zip', 'application/zip'), false],
    [file('.png'), true],
  ])('%o → %s', (f, expected) => {
    expect(isMediaFile(f, media)).toBe(expected);
  });

  it('a mixed selection counts as media; a PDF alone does not', () => {
    expect(anyMedia([file('a.pdf', 'application/pdf'), file('b.png', 'image/png')], media)).toBe(true);
    expect(anyMedia([file('a.pdf', 'application/pdf')], media)).toBe(false);
    expect(anyMedia([], media)).toBe(false);
  });
});
