// Managed policy: every key validated on its own, bad values dropped with a reason, unknown keys
// ignored; precedence policy > person > default in one pure function.
import { describe, expect, it } from 'vitest';
import { effectiveConfig } from '../../src/shared/config';
import { policyKeys, readPolicy } from '../../src/shared/policy';
import { defaultSettings } from '../../src/shared/settings';
import { DEFAULT_RULES_URL } from '../../src/rules/source';

const KEY = 'qaQ3415qs+PPVf08dgZd5Yixa/6mJkD9dB/b6aJc0C0=';

describe('readPolicy', () => {
  it('accepts every key of SPEC §6.6 with a good value', () => {
    const good = {
      mode: 'strict',
      locked: true,
      extraSites: ['school-chat.example', 'https://chat.example.org/*'],
      disabledSites: ['reddit'],
      allSites: false,
      allowContinue: false,
      continueDelaySeconds: 15,
      rulesUrl: 'https://rules.example.edu/pausa/rules.json',
      rulesPublicKey: KEY,
      rulesUpdateHours: 6,
      country: 'pt',
      language: 'pt_PT',
      extraResources: [
        { name: 'School counsellor', phone: '+351 210 000 000', url: 'https://school.example/help' },
      ],
      detectExtortionMessages: true,
      smartSensitivity: 'high',
      overrideParentLock: true,
    };
    const { policy, problems } = readPolicy(good);
    expect(problems).toEqual([]);
    expect(Object.keys(policy).sort()).toEqual(Object.keys(policyKeys).sort());
    expect(policy.extraSites).toEqual(['*://*.school-chat.example/*', 'https://chat.example.org/*']);
    expect(policy.country).toBe('PT');
  });

  it.each([
    ['mode', 'loud'],
    ['locked', 'yes'],
    ['extraSites', ['javascript:alert(1)']],
    ['allowContinue', 0],
    ['continueDelaySeconds', -5],
    ['continueDelaySeconds', 1.5],
    ['rulesUrl', 'http://insecure.example/rules.json'],
    ['rulesUrl', 'not a url'],
    ['rulesPublicKey', 'c2hvcnQ='],
    ['rulesUpdateHours', 0.5],
    ['country', 'Portugal'],
    ['language', 'klingon'],
    ['extraResources', [{ url: 'https://x.example' }]],
    ['extraResources', [{ name: 'X', url: 'javascript:alert(1)' }]],
    ['detectExtortionMessages', 'true'],
  ])('drops a bad %s (%j) with a reason, keeping the rest', (key, value) => {
    const { policy, problems } = readPolicy({ [key]: value, allSites: true });
    expect(policy).toEqual({ allSites: true });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`policy ${key}:`);
  });

  it('ignores unknown keys and survives garbage', () => {
    expect(readPolicy({ surprise: 1 })).toEqual({ policy: {}, problems: [] });
    expect(readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(readPolicy('string').problems).toHaveLength(1);
    expect(readPolicy([1, 2]).problems).toHaveLength(1);
  });
});

describe('effectiveConfig', () => {
  it('defaults', () => {
    const c = effectiveConfig({});
    expect(c).toMatchObject({
      mode: 'smart',
      sensitivity: 'standard',
      allSites: false,
      allowContinue: true,
      rulesUrl: DEFAULT_RULES_URL,
    });
    expect(c.managed).toEqual([]);
  });
  it('policy beats the person; lists are joined', () => {
    const c = effectiveConfig({
      settings: { ...defaultSettings, mode: 'off', extraSites: ['*://a.example/*'], disabledSites: ['x'] },
      policy: {
        mode: 'every-share',
        extraSites: ['*://b.example/*'],
        disabledSites: ['reddit'],
        rulesUpdateHours: 2,
      },
    });
    expect(c.mode).toBe('every-share');
    expect(c.extraSites).toEqual(['*://a.example/*', '*://b.example/*']);
    expect(c.disabledSites).toEqual(['x', 'reddit']);
    expect(c.rulesUpdateHours).toBe(2);
    expect(c.managed.sort()).toEqual(['disabledSites', 'extraSites', 'mode', 'rulesUpdateHours']);
  });
  it('the person beats the defaults', () => {
    expect(effectiveConfig({ settings: { ...defaultSettings, mode: 'strict' } }).mode).toBe('strict');
  });
});
