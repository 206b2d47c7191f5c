// Whether a downloaded rules file may replace the rules in use (SPEC C6). Pure: bytes in, a
// verdict out, never an exception. The checks run cheapest and safest first: size, then the
// signature over the exact bytes (nothing unsigned is even parsed), then the schema, then the
// revision and expiry.
import { Rules } from './rules';
import { verifySignature } from './signature';

export const MAX_RULES_BYTES = 512 * 1024;

export type UpdateVerdict = { ok: true; rules: Rules } | { ok: false; reason: string; upToDate?: boolean };

export interface UpdateInput {
  bytes: Uint8Array;
  signature: string;
  publicKey: string;
  currentRevision: number;
  now: Date;
  maxBytes?: number;
}

export function schemaReason(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}) {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') || '(root)';
  return `schema: ${path}: ${issue?.message ?? 'invalid'}`;
}

export async function evaluateUpdate(input: UpdateInput): Promise<UpdateVerdict> {
  const { bytes, signature, publicKey, currentRevision, now, maxBytes = MAX_RULES_BYTES } = input;
  if (bytes.length > maxBytes) return { ok: false, reason: 'too-large' };
  if (!(await verifySignature(bytes, signature, publicKey))) return { ok: false, reason: 'signature' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'schema: (root): not JSON' };
  }
  const parsed = Rules.safeParse(json);
  if (!parsed.success) return { ok: false, reason: schemaReason(parsed.error) };
  const rules = parsed.data;
  if (rules.revision < currentRevision) return { ok: false, reason: 'rollback' };
  if (rules.revision === currentRevision) return { ok: false, reason: 'up to date', upToDate: true };
  if (Date.parse(rules.expires) <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, rules };
}

/**
 * Minutes before the next try after `failures` failed checks in a row: exponential from five
 * minutes, never past the regular period, with ±25 % jitter so that many browsers do not retry
 * in step (and a rules host that is down is not hammered).
 */
export function retryDelayMinutes(failures: number, periodMinutes: number, random = Math.random): number {
  const base = Math.min(periodMinutes, 5 * 2 ** Math.max(0, failures - 1));
  return Math.max(1, base * (0.75 + random() * 0.5));
}
