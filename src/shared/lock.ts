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

/** Check a PIN against the lock, honouring and updating the delay. */
export async function checkPin(lock: ParentLock, pin: string, now: number): Promise<PinCheck> {
  if (now < lock.retryAt) return { ok: false, lock, retryAt: lock.retryAt };
  const salt = fromBase64(lock.salt) ?? new Uint8Array();
  const good = sameString(await hashPin(pin, salt, lock.iterations), lock.hash);
  if (good) return { ok: true, lock: { ...lock, failures: 0, retryAt: 0 } };
  const failures = lock.failures + 1;
  const retryAt = now + lockoutMs(failures);
  return { ok: false, lock: { ...lock, failures, retryAt }, retryAt };
}

/** The settings layer the parent lock imposes (SPEC C7: policy > parent lock > person). */
export function parentLayer(lock: ParentLock | null | undefined): Partial<Settings> | undefined {
  if (!lock?.locked) return undefined;
  return { ...(lock.parentSettings ?? {}), ...(lock.forceStrict ? { mode: 'strict' as const } : {}) };
}
