// The parental lock's state in storage.local, behind the extension-page-only messages.
import browser from 'webextension-polyfill';
import {
  countAttempt,
  MIN_PIN_LENGTH,
  newLock,
  pinBlockedUntil,
  pinMatches,
  type ParentLock,
} from '../shared/lock';
import { serial } from '../shared/serial';
import type { LockStatus } from '../shared/messages';
import { currentSettings } from './settings-store';

const KEY = 'parentLock';

export async function readLock(): Promise<ParentLock | null> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as ParentLock | undefined;
  return stored && typeof stored.hash === 'string' && typeof stored.salt === 'string' ? stored : null;
}

const write = (lock: ParentLock | null) =>
  lock ? browser.storage.local.set({ [KEY]: lock }) : browser.storage.local.remove(KEY);

export async function lockStatus(policyLocked: boolean): Promise<LockStatus> {
  const lock = await readLock();
  return {
    hasPin: Boolean(lock),
    locked: Boolean(lock?.locked),
    forceStrict: Boolean(lock?.forceStrict),
    retryAt: lock?.retryAt ?? 0,
    policyLocked,
  };
}

export async function setPin(pin: string): Promise<{ ok: boolean; error?: string }> {
  const lock = await readLock();
  if (lock?.locked) return { ok: false, error: 'locked' };
  if (pin.length < MIN_PIN_LENGTH) return { ok: false, error: 'too-short' };
  await write(await newLock(pin, await currentSettings()));
  return { ok: true };
}

export async function lockNow(forceStrict: boolean): Promise<{ ok: boolean; error?: string }> {
  const lock = await readLock();
  if (!lock) return { ok: false, error: 'no-pin' };
  // Locking again would overwrite the parent's settings with the child's, without the PIN.
  if (lock.locked) return { ok: false, error: 'locked' };
  await write({ ...lock, locked: true, forceStrict, parentSettings: await currentSettings() });
  return { ok: true };
}

/** When this background last saw a PIN tried, on a clock nobody can set (performance.now()). */
let lastAttemptMono: number | undefined;

/**
 * Unlock (or, with `remove`, forget the PIN altogether) if the PIN is right and no delay runs. One
 * attempt at a time: six wrong PINs sent at once are six attempts, each counted (and written)
 * before its PIN is compared.
 */
export const unlock = serial(
  async (pin: string, remove = false): Promise<{ ok: boolean; retryAt: number }> => {
    const lock = await readLock();
    if (!lock) return { ok: true, retryAt: 0 };
    const now = Date.now();
    const mono = performance.now();
    const since = lastAttemptMono === undefined ? undefined : mono - lastAttemptMono;
    const blocked = pinBlockedUntil(lock, now, since);
    if (blocked) return { ok: false, retryAt: blocked };
    lastAttemptMono = mono;
    const counted = countAttempt(lock, now);
    await write(counted);
    if (!(await pinMatches(lock, pin))) return { ok: false, retryAt: counted.retryAt };
    await write(remove ? null : { ...counted, failures: 0, retryAt: 0, locked: false });
    return { ok: true, retryAt: 0 };
  },
);
