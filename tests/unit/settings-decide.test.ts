import { describe, expect, it } from 'vitest';
import { decide } from '../../src/shared/decide';
import { effectiveConfig, STRICT_DELAY_SECONDS } from '../../src/shared/config';
import { defaultSettings, readSettings } from '../../src/shared/settings';

describe('readSettings', () => {
  it('defaults to smart mode with standard sensitivity (SPEC §4)', () => {
    expect(readSettings(undefined).mode).toBe('smart');
    expect(readSettings(undefined).sensitivity).toBe('standard');
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
  const config = (mode: typeof defaultSettings.mode, policy = {}) =>
    effectiveConfig({ settings: { ...defaultSettings, mode }, policy });

  it('every-share warns for files and camera, with Continue', () => {
    expect(decide(photo, config('every-share'))).toMatchObject({
      warn: true,
      allowContinue: true,
      continueDelaySeconds: 0,
    });
    expect(decide(camera, config('every-share')).warn).toBe(true);
  });
  it('strict delays Continue; policy can set the delay or remove Continue', () => {
    expect(decide(photo, config('strict')).continueDelaySeconds).toBe(STRICT_DELAY_SECONDS);
    expect(decide(photo, config('strict', { continueDelaySeconds: 30 })).continueDelaySeconds).toBe(30);
    expect(decide(photo, config('every-share', { allowContinue: false })).allowContinue).toBe(false);
  });
  it('off never warns', () => {
    expect(decide(photo, config('off')).warn).toBe(false);
    expect(decide(camera, config('off')).warn).toBe(false);
  });
  it('screen sharing warns in strict mode only', () => {
    const screen = { kind: 'screen' as const, via: 'screen', files: [] };
    expect(decide(screen, config('strict'))).toMatchObject({ warn: true, mode: 'strict' });
    for (const mode of ['every-share', 'smart', 'off'] as const)
      expect(decide(screen, config(mode)).warn).toBe(false);
  });
});
