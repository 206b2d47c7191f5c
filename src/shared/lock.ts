// The parental lock (SPEC C5, C7): a PIN stored only as a salted PBKDF2-SHA256 hash, and a growing
// delay after wrong PINs. Pure functions; the background keeps the state in storage.local.
import { fromBase64, toBase64 } from './signature';
import type { Settings } from './settings';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PIN_LENGTH = 4;

export interface ParentLock {
  salt: string;
  hash: string;
  iterations: number;
  locked: boolean;
  /** While locked, the mode is strict whatever the settings say. */
  forceStrict: boolean;
  /** The settings the parent locked in; the person's own changes wait until unlock. */
  parentSettings: Settings | null;
  failures: number;
  /** No PIN is checked before this time (ms since epoch). */
  retryAt: number;
}

export async function hashPin(
  pin: string,
  salt: Uint8Array,
  iterations = PBKDF2_ITERATIONS,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return toBase64(new Uint8Array(bits));
}

export async function newLock(pin: string, settings: Settings): Promise<ParentLock> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return {
    salt: toBase64(salt),
    hash: await hashPin(pin, salt),
    iterations: PBKDF2_ITERATIONS,
    locked: false,
    forceStrict: false,
    parentSettings: settings,
    failures: 0,
    retryAt: 0,
  };
}

/** Delay after `failures` wrong PINs in a row: none for the first three, then 30 s doubling, at most an hour. */
export function lockoutMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(60 * 60_000, 30_000 * 2 ** (failures - 3));
}

/** Compares in constant time, so the time taken says nothing about how close a guess was. */
function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type PinCheck = { ok: true; lock: ParentLock } | { ok: false; lock: ParentLock; retryAt: number };

/**
 * Whether a PIN may be tried now. `sinceLastAttempt`: how long ago the last attempt was, as the
 * background measured it on a clock that cannot be set (undefined after a restart). The wall clock
 * alone is not trusted: set forward, it would skip the delay.
 */
export function pinBlockedUntil(lock: ParentLock, now: number, sinceLastAttempt?: number): number {
  const delay = lockoutMs(lock.failures);
  if (delay === 0) return 0;
  // A clock set back only makes this wait longer.
  if (now < lock.retryAt) return lock.retryAt;
  // The clock was set forward: the background saw less time pass than the delay.
  if (sinceLastAttempt !== undefined && sinceLastAttempt < delay) return now + (delay - sinceLastAttempt);
  return 0;
}

/** The attempt, counted before the PIN is compared: a crash or a second attempt racing this one
 * can never leave a wrong PIN uncounted. */
export function countAttempt(lock: ParentLock, now: number): ParentLock {
  const failures = lock.failures + 1;
  return { ...lock, failures, retryAt: now + lockoutMs(failures) };
}

/** Check a PIN against the lock (the attempt already counted), honouring the delay. */
export async function checkPin(
  lock: ParentLock,
  pin: string,
  now: number,
  sinceLastAttempt?: number,
): Promise<PinCheck> {
  const blocked = pinBlockedUntil(lock, now, sinceLastAttempt);
  if (blocked) return { ok: false, lock, retryAt: blocked };
  const counted = countAttempt(lock, now);
  if (await pinMatches(lock, pin)) return { ok: true, lock: { ...counted, failures: 0, retryAt: 0 } };
  return { ok: false, lock: counted, retryAt: counted.retryAt };
}

/** Whether `pin` is the lock's PIN (the comparison alone: no delay, nothing counted). */
export async function pinMatches(lock: ParentLock, pin: string): Promise<boolean> {
  const salt = fromBase64(lock.salt) ?? new Uint8Array();
  return sameString(await hashPin(pin, salt, lock.iterations), lock.hash);
}

/** The settings layer the parent lock imposes (SPEC C7: policy > parent lock > person). */
export function parentLayer(lock: ParentLock | null | undefined): Partial<Settings> | undefined {
  if (!lock?.locked) return undefined;
  return { ...(lock.parentSettings ?? {}), ...(lock.forceStrict ? { mode: 'strict' as const } : {}) };
}
