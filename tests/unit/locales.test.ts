// Every locale has every key, with the same placeholders (SPEC §7).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../public/_locales/', import.meta.url);
const locales = readdirSync(dir);
type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`${locale}/messages.json`, dir), 'utf8'));
const en = load('en');

describe('locales', () => {
  it('include at least en, pt_PT, pt_BR, es, fr, de, it, nl', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'pt_PT', 'pt_BR', 'es', 'fr', 'de', 'it', 'nl']));
  });
  it.each(locales)('%s has exactly the keys of en, each non-empty, same placeholders', (locale) => {
    const messages = load(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(messages)) {
      expect(value.message.trim(), key).not.toBe('');
      expect(Object.keys(value.placeholders ?? {}), key).toEqual(Object.keys(en[key]?.placeholders ?? {}));
      for (const name of Object.keys(value.placeholders ?? {})) {
        expect(value.message.toLowerCase(), `${locale}.${key}`).toContain(`$${name.toLowerCase()}$`);
      }
    }
  });
  it('the en buttons are named exactly as SPEC §6.2 says', () => {
    expect(en.warningGoBack?.message).toBe('Go back');
    expect(en.warningContinue?.message).toBe('Continue anyway');
  });
  it('the extension name fits the stores (45 characters at most)', () => {
    for (const locale of locales) expect(load(locale).extName!.message.length).toBeLessThanOrEqual(45);
  });
  it('the descriptions fit the manifest limit (132 characters at most), both builds', () => {
    for (const locale of locales)
      for (const key of ['extDescription', 'extDescriptionManaged', 'extNameManaged'])
        expect(load(locale)[key]!.message.length, `${locale} ${key}`).toBeLessThanOrEqual(
          key === 'extNameManaged' ? 45 : 132,
        );
  });
});
