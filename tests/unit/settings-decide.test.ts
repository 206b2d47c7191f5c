import { describe, expect, it } from 'vitest';
import { decide } from '../../src/background/decide';
import { defaultSettings, readSettings } from '../../src/shared/settings';

describe('readSettings', () => {
  it('defaults to every-share until the image check exists (SPEC §4)', () => {
    expect(readSettings(undefined).mode).toBe('every-share');
  });
  it('a bad field falls back on its own, keeping the rest', () => {
    const s = readSettings({ mode: 'loud', disabledSites: ['reddit'], extraSites: 'nope' });
    expect(s).toEqual({ ...defaultSettings, disabledSites: ['reddit'] });
  });
  it('garbage gives the defaults', () => {
    expect(readSettings('garbage')).toEqual(defaultSettings);
    expect(readSettings(42)).toEqual(defaultSettings);
  });
});

describe('decide', () => {
  const photo = {
    kind: 'files' as const,
    via: 'input',
    files: [{ name: 'a.jpg', type: 'image/jpeg', size: 1 }],
  };
  const camera = { kind: 'camera' as const, via: 'camera', files: [] };
  it('every-share warns for files and camera, with Continue', () => {
    expect(decide(photo, defaultSettings)).toMatchObject({
      warn: true,
      allowContinue: true,
      continueDelaySeconds: 0,
    });
    expect(decide(camera, defaultSettings).warn).toBe(true);
  });
  it('strict delays Continue', () => {
    expect(decide(photo, { ...defaultSettings, mode: 'strict' }).continueDelaySeconds).toBeGreaterThan(0);
  });
  it('off never warns', () => {
    expect(decide(photo, { ...defaultSettings, mode: 'off' }).warn).toBe(false);
    expect(decide(camera, { ...defaultSettings, mode: 'off' }).warn).toBe(false);
  });
});
