// Downloaded rules at rest (issue #10 item 1): stored as the exact bytes that were signed, with
// the signature and the key that verified them, and checked again every time they are loaded.
// Rules are bound to their key: when the key in force changes (a policy key added or removed), rules
// signed with another key are set aside, and each key has its own revision floor, so a key that
// once delivered a huge revision cannot block every later release after it is gone. Pure.
import { Rules } from './rules';
import { schemaReason } from './rules-update';
import { verifySignature } from './signature';

export interface StoredRules {
  /** The rules file exactly as downloaded and signed (UTF-8 text). */
  text: string;
  signature: string;
  /** The public key that verified `signature` (base64). */
  publicKey: string;
}

export type StoredVerdict = { ok: true; rules: Rules } | { ok: false; reason: string };

const isStored = (entry: unknown): entry is StoredRules =>
  typeof entry === 'object' &&
  entry !== null &&
  ['text', 'signature', 'publicKey'].every((k) => typeof (entry as Record<string, unknown>)[k] === 'string');

/** Whether stored rules may be used now, with the key in force. Never throws. */
export async function checkStored(entry: unknown, publicKey: string, now: Date): Promise<StoredVerdict> {
  if (!isStored(entry)) return { ok: false, reason: 'stored rules have no signature (older format)' };
  if (entry.publicKey !== publicKey)
    return { ok: false, reason: 'stored rules were signed with another key' };
  const bytes = new TextEncoder().encode(entry.text);
  if (!(await verifySignature(bytes, entry.signature, publicKey).catch(() => false))) {
    return { ok: false, reason: 'stored rules fail their signature' };
  }
  let json: unknown;
  try {
    json = JSON.parse(entry.text);
  } catch {
    return { ok: false, reason: 'stored rules: schema: (root): not JSON' };
  }
  const parsed = Rules.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `stored rules: ${schemaReason(parsed.error)}` };
  if (Date.parse(parsed.data.expires) <= now.getTime()) return { ok: false, reason: 'stored rules expired' };
  return { ok: true, rules: parsed.data };
}

/** Highest revision accepted so far, per signing key. */
export type RevisionFloors = Record<string, number>;

/** The revision a download signed with `publicKey` must beat: that key's own floor, and never
 * below the bundled rules. */
export const floorFor = (floors: RevisionFloors, publicKey: string, bundledRevision: number): number =>
  Math.max(bundledRevision, floors[publicKey] ?? 0);
