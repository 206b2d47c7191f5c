// The privacy policy (issue #14): the store listings link to docs/privacy.md, the options page to
// the page inside the extension. Both come from the same English messages and must say the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRIVACY_CLOSING, PRIVACY_SECTIONS, privacyMarkdown } from '../../src/privacy/sections';

const en = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
);
const text = (key: string) => {
  const message = en[key]?.message;
  if (!message) throw new Error(`no en message ${key}`);
  return message as string;
};

describe('privacy policy', () => {
  it('docs/privacy.md is the English page (run "node scripts/privacy-md.mjs" after editing the messages)', () => {
    expect(readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8')).toBe(
      privacyMarkdown(text),
    );
  });
  it('names every message it shows, and every privacy message is shown', () => {
    const shown = new Set([
      'privacyTitle',
      'privacySummary',
      ...PRIVACY_SECTIONS.flatMap(({ title, points }) => [title, ...points]),
      ...PRIVACY_CLOSING,
    ]);
    for (const key of shown) expect(text(key)).toBeTruthy();
    expect(
      Object.keys(en)
        .filter((key) => key.startsWith('privacy'))
        .sort(),
    ).toEqual([...shown].sort());
  });
});
