// The parental lock in the background (issue #10 item 3): attempts are serialized and counted
// before the PIN is compared; locking again is refused; the delay does not trust the wall clock.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countAttempt, hashPin, newLock, pinBlockedUntil, type ParentLock } from '../../src/shared/lock';
import { defaultSettings } from '../../src/shared/settings';

const store = new Map<string, unknown>();
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        // Asynchronous like the real one, so unserialized attempts would interleave.
        get: async (key: string) => (await tick(), { [key]: structuredClone(store.get(key)) }),
        set: async (items: Record<string, unknown>) => {
          await tick();
          for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
        },
        remove: async (key: string) => (await tick(), store.delete(key)),
      },
    },
  },
}));
vi.mock('../../src/background/settings-store', () => ({ currentSettings: async () => defaultSettings }));

const { lockNow, unlock } = await import('../../src/background/lock');

async function lockedWith(pin: string): Promise<ParentLock> {
  const lock = { ...(await newLock(pin, defaultSettings)), iterations: 1000, locked: true };
  return { ...lock, hash: await hashPin(pin, Buffer.from(lock.salt, 'base64'), 1000) };
}
const stored = () => store.get('parentLock') as ParentLock;

beforeEach(async () => {
  store.clear();
  store.set('parentLock', await lockedWith('2468'));
});

describe('parental lock in the background', () => {
  it('six wrong PINs sent at once: counted one by one, and the delay starts after the third', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => unlock('0000')));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(stored().failures).toBe(3);
    expect(stored().retryAt).toBeGreaterThan(Date.now() + 20_000);
    // Even the right PIN waits now.
    expect((await unlock('2468')).ok).toBe(false);
  });

  it('the right PIN unlocks and clears the count', async () => {
    await unlock('0000');
    expect(await unlock('2468')).toEqual({ ok: true, retryAt: 0 });
    expect(stored()).toMatchObject({ locked: false, failures: 0 });
  });

  it('locking while locked is refused (it would overwrite the parent settings)', async () => {
    expect(await lockNow(false)).toEqual({ ok: false, error: 'locked' });
  });

  it('a clock set forward does not skip the delay while the background runs', async () => {
    for (let i = 0; i < 3; i++) await unlock('0000');
    const now = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now + 2 * 60 * 60_000);
    try {
      expect((await unlock('2468')).ok).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('pinBlockedUntil', () => {
  const t0 = 10_000_000;
  const after3 = async () => {
    let lock = await lockedWith('1');
    for (let i = 0; i < 3; i++) lock = countAttempt(lock, t0);
    return lock;
  };
  it('blocks until retryAt by the wall clock', async () => {
    const lock = await after3();
    expect(pinBlockedUntil(lock, t0 + 1000)).toBe(t0 + 30_000);
    expect(pinBlockedUntil(lock, t0 + 30_000)).toBe(0);
  });
  it('a clock set back only makes the wait longer', async () => {
    const lock = await after3();
    expect(pinBlockedUntil(lock, t0 - 5_000)).toBe(t0 + 30_000);
  });
  it('a clock set forward is caught by the time the background measured', async () => {
    const lock = await after3();
    expect(pinBlockedUntil(lock, t0 + 3_600_000, 1_000)).toBe(t0 + 3_600_000 + 29_000);
    expect(pinBlockedUntil(lock, t0 + 3_600_000, 30_000)).toBe(0);
  });
  it('no delay for the first three attempts', async () => {
    const lock = countAttempt(await lockedWith('1'), t0);
    expect(pinBlockedUntil(lock, t0)).toBe(0);
  });
});
