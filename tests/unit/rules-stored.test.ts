// Stored rules are bound to the key that signed them (issue #10 item 1): verified again on load,
// set aside with a reason when the key changed, the signature fails, the schema fails or they
// expired; each key keeps its own revision floor.
import { beforeAll, describe, expect, it } from 'vitest';
import bundled from '../../src/rules/rules.json';
import { checkStored, floorFor } from '../../src/shared/rules-stored';
import { toBase64 } from '../../src/shared/signature';

const { subtle } = globalThis.crypto;
const NOW = new Date('2026-12-01T00:00:00Z');
let privateKey: CryptoKey;
let publicKey: string;
let otherKey: string;

beforeAll(async () => {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  privateKey = pair.privateKey;
  publicKey = toBase64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey)));
  const other = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  otherKey = toBase64(new Uint8Array(await subtle.exportKey('raw', other.publicKey)));
});

async function stored(value: unknown, text = JSON.stringify(value)) {
  const bytes = new TextEncoder().encode(text);
  const signature = toBase64(new Uint8Array(await subtle.sign({ name: 'Ed25519' }, privateKey, bytes)));
  return { text, signature, publicKey };
}
const rules = (patch: object = {}) => ({ ...bundled, revision: bundled.revision + 5, ...patch });

describe('checkStored', () => {
  it('accepts rules that still verify with the key in force', async () => {
    const verdict = await checkStored(await stored(rules()), publicKey, NOW);
    expect(verdict.ok && verdict.rules.revision).toBe(bundled.revision + 5);
  });

  it('verifies the exact signed text, spacing and newlines included', async () => {
    const value = rules();
    const verdict = await checkStored(
      await stored(value, `${JSON.stringify(value, null, 2)}\n`),
      publicKey,
      NOW,
    );
    expect(verdict.ok).toBe(true);
  });

  it('sets aside rules signed with another key (the policy key was removed or changed)', async () => {
    expect(await checkStored(await stored(rules()), otherKey, NOW)).toEqual({
      ok: false,
      reason: 'stored rules were signed with another key',
    });
  });

  it('sets aside rules whose text was changed after they were stored', async () => {
    const entry = await stored(rules());
    const tampered = { ...entry, text: entry.text.replace('"revision":', '"revision": ') };
    expect(await checkStored(tampered, publicKey, NOW)).toMatchObject({
      ok: false,
      reason: 'stored rules fail their signature',
    });
  });

  it('sets aside expired rules, signed but malformed rules, and the old unsigned format', async () => {
    expect(
      await checkStored(await stored(rules({ expires: '2026-01-01T00:00:00Z' })), publicKey, NOW),
    ).toMatchObject({
      reason: 'stored rules expired',
    });
    expect(await checkStored(await stored(rules({ sites: 'none' })), publicKey, NOW)).toMatchObject({
      reason: expect.stringMatching(/^stored rules: schema: sites/),
    });
    expect(await checkStored(bundled, publicKey, NOW)).toMatchObject({
      reason: expect.stringContaining('older format'),
    });
    expect(await checkStored(null, publicKey, NOW)).toMatchObject({ ok: false });
  });
});

describe('revision floors', () => {
  it('belong to a key: a new key starts from the bundled revision', () => {
    const floors = { oldPolicyKey: 1_000_000_000, builtIn: 12 };
    expect(floorFor(floors, 'builtIn', 1)).toBe(12);
    expect(floorFor(floors, 'newKey', 1)).toBe(1);
    expect(floorFor({}, 'builtIn', 7)).toBe(7);
  });
});
