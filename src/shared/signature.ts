// Ed25519 signatures over the exact bytes of a rules file (SPEC C6), with WebCrypto: the same
// code verifies in Chrome ≥ 137, Firefox ≥ 129 and Node ≥ 20 (the tests and `npm run rules`).

export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  try {
    const binary = atob(clean);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** True only for a valid signature by `publicKeyBase64` (a raw 32-byte Ed25519 key). */
export async function verifySignature(
  data: Uint8Array,
  signatureBase64: string,
  publicKeyBase64: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  const signature = fromBase64(signatureBase64);
  const raw = fromBase64(publicKeyBase64);
  if (!signature || signature.length !== 64 || !raw || raw.length !== 32) return false;
  try {
    const key = await subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return await subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}
