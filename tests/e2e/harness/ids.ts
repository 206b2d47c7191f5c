// The extension's fixed identities (SPEC §6.1), computed from the manifest as the browsers do.
import { createHash } from 'node:crypto';
import manifest from '../../../manifest.json' with { type: 'json' };
import { MANAGED, type Edition } from '../../../vite.config';

/** Chrome derives the ID from the manifest `key`: SHA-256 of the DER key, first 32 hex digits, 0–f → a–p. */
export function chromeIdFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export const CHROME_ID = chromeIdFromKey(manifest.key);
export const GECKO_ID = manifest.browser_specific_settings.gecko.id;
/** The organisation build's identities (vite.config.ts `MANAGED`). */
export const CHROME_MANAGED_ID = chromeIdFromKey(MANAGED.key);
export const GECKO_MANAGED_ID = MANAGED.geckoId;

export const idsFor = (edition: Edition = 'store') =>
  edition === 'managed'
    ? { chromeId: CHROME_MANAGED_ID, geckoId: GECKO_MANAGED_ID }
    : { chromeId: CHROME_ID, geckoId: GECKO_ID };

/** Fixed through the pref `extensions.webextensions.uuids` so tests know the moz-extension host. */
export const FIREFOX_UUID = '6f1d2b7e-6c1a-4e7d-9a51-3c8e0f2a9b10';
