import { describe, expect, it } from 'vitest';
import {
  cameraSeenToday,
  dayKey,
  intimateScore,
  judge,
  THRESHOLDS,
  withDeadline,
  type FileCheck,
} from '../../src/shared/smart';
import { decide } from '../../src/shared/decide';
import { effectiveConfig } from '../../src/shared/config';
import { readPolicy } from '../../src/shared/policy';
import { readSettings } from '../../src/shared/settings';

describe('smart mode: the score', () => {
  it('is P(Hentai) + P(Porn) + P(Sexy), in the model output order drawing/hentai/neutral/porn/sexy', () => {
    expect(intimateScore([0.1, 0.2, 0.3, 0.15, 0.25])).toBeCloseTo(0.6);
    expect(intimateScore([0, 0, 1, 0, 0])).toBe(0);
  });
});

describe('smart mode: the decision', () => {
  const score = (s: number): FileCheck => ({ score: s });

  it('warns at the threshold, not below, at each sensitivity', () => {
    for (const [level, t] of Object.entries(THRESHOLDS) as Array<[keyof typeof THRESHOLDS, number]>) {
      expect(judge([score(t)], level)).toEqual({ warn: true, reason: 'intimate' });
      expect(judge([score(t - 0.001)], level)).toEqual({ warn: false });
    }
  });

  it('orders the levels: high warns earliest, low latest', () => {
    expect(THRESHOLDS.high).toBeLessThan(THRESHOLDS.standard);
    expect(THRESHOLDS.standard).toBeLessThan(THRESHOLDS.low);
    expect(judge([score(0.3)], 'high').warn).toBe(true);
    expect(judge([score(0.3)], 'standard').warn).toBe(false);
    expect(judge([score(0.6)], 'low').warn).toBe(false);
  });

  it('several files: any one is enough, and "may be intimate" wins over "could not check"', () => {
    expect(judge([score(0.01), score(0.02)], 'standard')).toEqual({ warn: false });
    expect(judge([score(0.01), score(0.9)], 'standard')).toEqual({ warn: true, reason: 'intimate' });
    expect(judge([score(0.01), { unsure: 'decode' }], 'standard')).toEqual({ warn: true, reason: 'unsure' });
    expect(judge([{ unsure: 'timeout' }, score(0.9)], 'standard')).toEqual({
      warn: true,
      reason: 'intimate',
    });
  });

  it('nothing to check (no bytes arrived) is "could not check", never a pass', () => {
    expect(judge([], 'low')).toEqual({ warn: true, reason: 'unsure' });
  });

  it('every unsure reason warns', () => {
    for (const unsure of ['format', 'decode', 'failed', 'timeout'] as const) {
      expect(judge([{ unsure }], 'low')).toEqual({ warn: true, reason: 'unsure' });
    }
  });
});

describe('smart mode: the deadline', () => {
  it('a check that does not answer in time is unsure for every file', async () => {
    const never = () => new Promise<FileCheck[]>(() => undefined);
    expect(await withDeadline(never, 2, 30)).toEqual([{ unsure: 'timeout' }, { unsure: 'timeout' }]);
  });

  it('a check that throws is unsure ("failed"), not an error', async () => {
    const broken = () => Promise.reject(new Error('wasm'));
    expect(await withDeadline(broken, 1, 1000)).toEqual([{ unsure: 'failed' }]);
  });

  it('a check in time gives its own answers', async () => {
    const quick = async () => [{ score: 0.1 }];
    expect(await withDeadline(quick, 1, 1000)).toEqual([{ score: 0.1 }]);
  });
});

describe('smart mode: the camera once per site per day', () => {
  const noon = new Date(2026, 10, 30, 12);
  it('the first request of the day warns; the second on the same site does not', () => {
    const first = cameraSeenToday({}, 'www.instagram.com', noon);
    expect(first.seen).toBe(false);
    const second = cameraSeenToday(first.next, 'www.instagram.com', noon);
    expect(second.seen).toBe(true);
    expect(cameraSeenToday(first.next, 'discord.com', noon).seen).toBe(false);
  });

  it('the next day warns again, and old days are dropped', () => {
    const yesterday = { 'www.instagram.com': dayKey(new Date(2026, 10, 29, 23)) };
    const today = cameraSeenToday(yesterday, 'www.instagram.com', noon);
    expect(today.seen).toBe(false);
    expect(today.next).toEqual({ 'www.instagram.com': '2026-11-30' });
  });
});

describe('smart mode: settings and policy', () => {
  it("is the default for a person's install, with standard sensitivity", () => {
    const config = effectiveConfig({ settings: readSettings(undefined) });
    expect(config.mode).toBe('smart');
    expect(config.sensitivity).toBe('standard');
  });

  it('policy sets the sensitivity; a bad value is ignored with a reason', () => {
    expect(readPolicy({ smartSensitivity: 'high' }).policy.smartSensitivity).toBe('high');
    const bad = readPolicy({ smartSensitivity: 'max' });
    expect(bad.policy.smartSensitivity).toBeUndefined();
    expect(bad.problems[0]).toMatch(/smartSensitivity/);
    const config = effectiveConfig({
      settings: readSettings({ sensitivity: 'low' }),
      policy: { smartSensitivity: 'high' },
    });
    expect(config.sensitivity).toBe('high');
  });

  it("the parental lock keeps the parent's mode and sensitivity", () => {
    const config = effectiveConfig({
      settings: readSettings({ mode: 'off', sensitivity: 'low' }),
      parent: { mode: 'smart', sensitivity: 'high' },
    });
    expect(config).toMatchObject({ mode: 'smart', sensitivity: 'high' });
  });

  it('policy every-share warns before every image share whatever the model would say', () => {
    const config = effectiveConfig({
      settings: readSettings({ mode: 'smart' }),
      policy: { mode: 'every-share' },
    });
    const plan = decide(
      { kind: 'files', via: 'input', files: [{ name: 'a.jpg', type: 'image/jpeg', size: 1 }] },
      config,
    );
    expect(plan).toMatchObject({ warn: true, mode: 'every-share' });
  });
});
