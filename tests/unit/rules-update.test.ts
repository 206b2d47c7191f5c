// Signed rules (SPEC C6): signature (good, bad, wrong key, truncated), schema, rollback, expiry,
// size; and a property test feeding 10,000 random and mutated files to the verifier, which must
// answer every one of them without throwing.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import bundled from '../../src/rules/rules.json';
import { DEFAULT_RULES_PUBLIC_KEY } from '../../src/rules/source';
import { evaluateUpdate, MAX_RULES_BYTES, retryDelayMinutes } from '../../src/shared/rules-update';
import { fromBase64, toBase64, verifySignature } from '../../src/shared/signature';
import { rulesText } from '../../scripts/rules-json.mjs';

const { subtle } = globalThis.crypto;
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const NOW = new Date('2026-12-01T00:00:00Z');

let privateKey: CryptoKey;
let publicKey: string;
let otherPublicKey: string;
const sign = async (bytes: Uint8Array) =>
  toBase64(new Uint8Array(await subtle.sign({ name: 'Ed25519' }, privateKey, bytes as BufferSource)));

beforeAll(async () => {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  privateKey = pair.privateKey;
  publicKey = toBase64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey)));
  const other = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  otherPublicKey = toBase64(new Uint8Array(await subtle.exportKey('raw', other.publicKey)));
});

const next = (patch: object = {}) => ({ ...bundled, revision: bundled.revision + 1, ...patch });
async function check(value: unknown, opts: { key?: string; signature?: string; bytes?: Uint8Array } = {}) {
  const bytes = opts.bytes ?? encode(value);
  return evaluateUpdate({
    bytes,
    signature: opts.signature ?? (await sign(bytes)),
    publicKey: opts.key ?? publicKey,
    currentRevision: bundled.revision,
    now: NOW,
  });
}

describe('evaluateUpdate', () => {
  it('accepts a signed, valid, newer file', async () => {
    const verdict = await check(next());
    expect(verdict.ok && verdict.rules.revision).toBe(bundled.revision + 1);
  });
  it('rejects a bad signature, a wrong key, a truncated signature or file', async () => {
    const bytes = encode(next());
    const good = await sign(bytes);
    const flipped = fromBase64(good)!;
    flipped[10]! ^= 1;
    expect(await check(null, { bytes, signature: toBase64(flipped) })).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(await check(null, { bytes, key: otherPublicKey })).toEqual({ ok: false, reason: 'signature' });
    expect(await check(null, { bytes, signature: good.slice(0, 40) })).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(await check(null, { bytes: bytes.slice(0, -5), signature: good })).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(await check(null, { bytes, signature: 'not base64!' })).toEqual({
      ok: false,
      reason: 'signature',
    });
  });
  it('names the schema path of a signed but malformed file', async () => {
    expect(await check({ ...next(), sites: [{ id: 'x', name: 'X', matches: ['nope'] }] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^schema: sites\.0\.matches\.0: /),
    });
    expect(await check(null, { bytes: new TextEncoder().encode('{"format": 1,') })).toMatchObject({
      reason: 'schema: (root): not JSON',
    });
  });
  it('rejects an older revision (rollback) and reports the same one as up to date', async () => {
    expect(await check(next({ revision: bundled.revision - 1 }))).toEqual({ ok: false, reason: 'rollback' });
    expect(await check(next({ revision: bundled.revision }))).toMatchObject({ ok: false, upToDate: true });
  });
  it('rejects an expired file', async () => {
    expect(await check(next({ expires: '2026-11-30T00:00:00Z' }))).toEqual({ ok: false, reason: 'expired' });
  });
  it('rejects a file over the size cap before anything else', async () => {
    const big = next({ padding: 'x'.repeat(MAX_RULES_BYTES) });
    expect(await check(big, { signature: 'AAAA' })).toEqual({ ok: false, reason: 'too-large' });
  });
  it('ignores unknown fields (old clients accept newer files)', async () => {
    expect((await check(next({ newThing: [1, 2, 3] }))).ok).toBe(true);
  });

  it('never throws, for 10,000 random and mutated files', async () => {
    const base = encode(next());
    const baseSig = await sign(base);
    const mutated = fc
      .tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 1, max: 255 }))
      .map(([i, x]) => {
        const copy = base.slice();
        copy[i]! ^= x;
        return copy;
      });
    const arbitraryBytes = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      mutated,
      fc.json().map((j) => new TextEncoder().encode(j)),
    );
    const signature = fc.oneof(
      fc.constant(baseSig),
      fc.base64String({ maxLength: 100 }),
      fc.string({ maxLength: 90 }),
    );
    const key = fc.oneof(fc.constant(publicKey), fc.base64String({ maxLength: 60 }), fc.string());
    await fc.assert(
      fc.asyncProperty(arbitraryBytes, signature, key, fc.integer(), async (bytes, sig, pub, current) => {
        const verdict = await evaluateUpdate({
          bytes,
          signature: sig,
          publicKey: pub,
          currentRevision: current,
          now: NOW,
        });
        expect(typeof verdict.ok).toBe('boolean');
        if (verdict.ok) expect(verdict.rules.revision).toBeGreaterThan(current);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('signs valid rules with the real key only: every mutation of a signed file is rejected', async () => {
    const bytes = encode(next());
    const sig = await sign(bytes);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
        const copy = bytes.slice();
        copy[i]! ^= x;
        expect(await verifySignature(copy, sig, publicKey)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the bundled rules and the published schema', () => {
  it('src/rules/rules.json.sig verifies with the built-in key', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../src/rules/rules.json', import.meta.url)));
    const sig = readFileSync(new URL('../../src/rules/rules.json.sig', import.meta.url), 'utf8');
    expect(await verifySignature(bytes, sig, DEFAULT_RULES_PUBLIC_KEY)).toBe(true);
  });
  it('src/rules/rules.json is laid out as scripts/rules-json.mjs writes it, within the update cap', () => {
    const text = readFileSync(new URL('../../src/rules/rules.json', import.meta.url), 'utf8');
    expect(text).toBe(rulesText(JSON.parse(text)));
    // A published update is this very file: it must fit the cap that every installed Pausa keeps.
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_RULES_BYTES);
    // The word model's weights on one line (generated data), the rest one field per line.
    expect(text.split('\n').find((line) => line.includes('"weights"'))).toMatch(/^ {6}"weights": \{".*\},$/);
  });
  it('src/rules/rules.schema.json is current (npm run rules -- schema --out src/rules/rules.schema.json)', async () => {
    const { z } = await import('../../src/shared/zod');
    const { Rules } = await import('../../src/shared/rules');
    const current = JSON.parse(
      readFileSync(new URL('../../src/rules/rules.schema.json', import.meta.url), 'utf8'),
    );
    expect(current).toEqual(
      JSON.parse(JSON.stringify(z.toJSONSchema(Rules, { io: 'input', unrepresentable: 'any' }))),
    );
  });
});

describe('retryDelayMinutes', () => {
  it('grows from five minutes, caps at the period, jitters ±25 %', () => {
    expect(retryDelayMinutes(1, 720, () => 0.5)).toBe(5);
    expect(retryDelayMinutes(4, 720, () => 0.5)).toBe(40);
    expect(retryDelayMinutes(30, 720, () => 0.5)).toBe(720);
    expect(retryDelayMinutes(4, 720, () => 0)).toBe(30);
    expect(retryDelayMinutes(4, 720, () => 1)).toBe(50);
  });
});
