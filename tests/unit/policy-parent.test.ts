// Policy a child can write does not beat the parent (issue #10 item 4): while a parental lock is
// on, policy may only make Pausa stricter, unless it says overrideParentLock.
import { describe, expect, it } from 'vitest';
import { constrainPolicy, effectiveConfig } from '../../src/shared/config';
import type { Policy } from '../../src/shared/policy';
import { defaultSettings } from '../../src/shared/settings';

const parent = effectiveConfig({
  settings: defaultSettings,
  parent: { ...defaultSettings, mode: 'every-share', sensitivity: 'high' },
});

describe('constrainPolicy under a parental lock', () => {
  it('drops what would loosen the lock, each with its reason', () => {
    const loose: Policy = {
      mode: 'off',
      smartSensitivity: 'low',
      disabledSites: ['instagram'],
      rulesUrl: 'https://rules.child.example/rules.json',
      rulesPublicKey: 'AAAA',
      rulesUpdateHours: 1,
    };
    const { policy, problems } = constrainPolicy(loose, parent);
    expect(policy).toEqual({});
    expect(problems).toHaveLength(6);
    expect(problems[0]).toBe('policy mode: ignored while the parental lock is on (it would loosen it)');
    expect(effectiveConfig({ settings: defaultSettings, parent: { mode: 'every-share' }, policy }).mode).toBe(
      'every-share',
    );
  });

  it('keeps what makes it stricter, and neutral keys', () => {
    const strict: Policy = {
      mode: 'strict',
      allowContinue: false,
      continueDelaySeconds: 30,
      extraSites: ['*://*.school.example/*'],
      allSites: true,
      country: 'PT',
      language: 'pt_PT',
      smartSensitivity: 'high',
    };
    expect(constrainPolicy(strict, parent)).toEqual({ policy: strict, problems: [] });
  });

  it('a shorter countdown than the lock gives is dropped; Continue cannot come back', () => {
    const strictParent = effectiveConfig({ settings: defaultSettings, parent: { mode: 'strict' } });
    expect(strictParent.continueDelaySeconds).toBe(10);
    expect(constrainPolicy({ continueDelaySeconds: 0 }, strictParent).policy).toEqual({});
    const noContinue = { ...strictParent, allowContinue: false };
    expect(constrainPolicy({ allowContinue: true }, noContinue).policy).toEqual({});
  });

  it('overrideParentLock: the organisation says its policy wins', () => {
    const policy: Policy = { mode: 'off', overrideParentLock: true };
    expect(constrainPolicy(policy, parent)).toEqual({ policy, problems: [] });
  });
});
