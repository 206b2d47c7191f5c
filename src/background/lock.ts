// The parental lock's state in storage.local, behind the extension-page-only messages.
import browser from 'webextension-polyfill';
import { checkPin, MIN_PIN_LENGTH, newLock, type ParentLock } from '../shared/lock';
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
  await write({ ...lock, locked: true, forceStrict, parentSettings: await currentSettings() });
  return { ok: true };
}

/** Unlock (or, with `remove`, forget the PIN altogether) if the PIN is right and no delay runs. */
export async function unlock(pin: string, remove = false): Promise<{ ok: boolean; retryAt: number }> {
  const lock = await readLock();
  if (!lock) return { ok: true, retryAt: 0 };
  const result = await checkPin(lock, pin, Date.now());
  if (!result.ok) {
    await write(result.lock);
    return { ok: false, retryAt: result.retryAt };
  }
  await write(remove ? null : { ...result.lock, locked: false });
  return { ok: true, retryAt: 0 };
}
