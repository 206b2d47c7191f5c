// Signed rules files for the update tests, with a key pair made for the run.
import bundled from '../../../src/rules/rules.json' with { type: 'json' };
import type { FixtureServer } from './server';

const { subtle } = globalThis.crypto;
const b64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64');

export interface Keys {
  privateKey: CryptoKey;
  publicKey: string;
}

export async function makeKeys(): Promise<Keys> {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { privateKey: pair.privateKey, publicKey: b64(await subtle.exportKey('raw', pair.publicKey)) };
}

/** The bundled rules, changed by `patch`. */
export const rulesWith = (patch: Record<string, unknown>) => ({ ...bundled, ...patch });

/** Publish `rules` (an object, or exact text) at /rules.json with its signature by `keys`. */
export async function publish(server: FixtureServer, keys: Keys, rules: unknown): Promise<void> {
  const text = typeof rules === 'string' ? rules : JSON.stringify(rules);
  const bytes = new TextEncoder().encode(text);
  const signature = b64(await subtle.sign({ name: 'Ed25519' }, keys.privateKey, bytes));
  // As a static host serves them: open CORS (the extension has no host permission for the rules
  // host) and an ETag for the browser's own revalidation.
  const headers = { 'access-control-allow-origin': '*', etag: `"${signature.slice(0, 16)}"` };
  server.setRoute('/rules.json', {
    body: bytes,
    headers: { ...headers, 'content-type': 'application/json' },
  });
  server.setRoute('/rules.json.sig', {
    body: signature,
    headers: { ...headers, 'content-type': 'text/plain' },
  });
}
