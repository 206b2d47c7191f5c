// The store listings' texts (store/<locale>.json, issue #14): one per locale Pausa ships, the short
// description word for word the manifest's (so the listing and the extension never disagree),
// the long one within the stores' limits, naming the buttons as the warning names them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rules from '../../src/rules/rules.json';

const locales = readdirSync(new URL('../../public/_locales/', import.meta.url));
type Messages = Record<string, { message: string }>;
const read = (path: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

describe('store listing texts', () => {
  it('exist for exactly the locales the extension ships', () => {
    expect(
      readdirSync(new URL('../../store/', import.meta.url))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(locales.map((l) => `${l}.json`).sort());
  });

  it.each(locales)(
    '%s: short = the manifest description; long fits and names what the person sees',
    (locale) => {
      const listing = read(`store/${locale}.json`);
      const messages = read(`public/_locales/${locale}/messages.json`);
      expect(Object.keys(listing).sort()).toEqual(['longDescription', 'shortDescription']);
      expect(listing.shortDescription!.message).toBe(messages.extDescription!.message);
      const long = listing.longDescription!.message;
      // Chrome Web Store: 16,000 characters; AMO's summary limit (250) is for the short one.
      expect(long.length).toBeGreaterThan(500);
      expect(long.length).toBeLessThanOrEqual(16_000);
      expect(listing.shortDescription!.message.length).toBeLessThanOrEqual(132);
      for (const key of [
        'warningGoBack',
        'warningContinue',
        'popupThreatened',
        'optionsTitle',
        'optionsPrivacyTitle',
      ])
        expect(long, key).toContain(messages[key]!.message);
      expect(long).toContain('MPL-2.0');
      expect(long).not.toMatch(/https?:/); // addresses go in the listing's own fields
      // Every site it names is one the shipped rules cover.
      const names = new Set(rules.sites.map((s) => s.name));
      const named =
        /(Instagram, .*?)(?: and | e | y | et | und | en |\. | and more| e outros| y más| et d’autres| e altri)/.exec(
          long,
        );
      expect(named, 'the list of sites').not.toBeNull();
      for (const site of named![1]!.split(', ')) expect(names.has(site.trim()), site).toBe(true);
    },
  );
});
