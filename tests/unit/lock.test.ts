import { describe, expect, it } from 'vitest';
import { checkPin, hashPin, lockoutMs, newLock, parentLayer, PBKDF2_ITERATIONS } from '../../src/shared/lock';
import { effectiveConfig } from '../../src/shared/config';
import { defaultSettings } from '../../src/shared/settings';

describe('parental lock', () => {
  it('stores a salted PBKDF2-SHA256 hash with at least 600,000 iterations, never the PIN', async () => {
    const lock = await newLock('2468', defaultSettings);
    expect(lock.iterations).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(lock)).not.toContain('2468');
    const other = await newLock('2468', defaultSettings);
    expect(other.salt).not.toBe(lock.salt);
    expect(other.hash).not.toBe(lock.hash);
  });

  it('matches PBKDF2 test vectors (RFC 7914 §11)', async () => {
    const salt = new TextEncoder().encode('salt');
    const hash = await hashPin('passwd', salt, 1);
    expect(Buffer.from(hash, 'base64').toString('hex')).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc',
    );
  });

  it('unlocks with the right PIN; wrong PINs bring a growing delay that blocks even the right PIN', async () => {
    let lock = { ...(await newLock('2468', defaultSettings)), iterations: 1000, locked: true };
    lock = { ...lock, hash: await hashPin('2468', Buffer.from(lock.salt, 'base64'), 1000) };
    let now = 1_000_000;
    for (let i = 1; i <= 3; i++) {
      const r = await checkPin(lock, '0000', now);
      expect(r.ok).toBe(false);
      lock = r.lock;
    }
    expect(lock.retryAt).toBe(now + 30_000);
    const blocked = await checkPin(lock, '2468', now + 1000);
    expect(blocked.ok).toBe(false);
    now += 30_000;
    const wrong = await checkPin(lock, '1111', now);
    expect(wrong.ok === false && wrong.retryAt).toBe(now + 60_000);
    const right = await checkPin(wrong.lock, '2468', now + 60_000);
    expect(right.ok).toBe(true);
    expect(right.lock.failures).toBe(0);
  });

  it('delays: none for three tries, then 30 s doubling, at most an hour', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(lockoutMs)).toEqual([0, 0, 0, 30_000, 60_000, 120_000, 3_600_000]);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
  });

  it('policy > parent lock > person > default', async () => {
    const lock = {
      ...(await newLock('2468', { ...defaultSettings, mode: 'every-share' })),
      locked: true,
      forceStrict: true,
    };
    const person = { ...defaultSettings, mode: 'off' as const };
    expect(effectiveConfig({ settings: person, parent: parentLayer(lock) }).mode).toBe('strict');
    expect(effectiveConfig({ settings: person, parent: parentLayer({ ...lock, locked: false }) }).mode).toBe(
      'off',
    );
    expect(
      effectiveConfig({ settings: person, parent: parentLayer(lock), policy: { mode: 'every-share' } }).mode,
    ).toBe('every-share');
  });
});
