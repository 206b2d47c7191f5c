import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import resources from '../../src/help/resources.json';
import {
  countriesOf,
  countryFromLanguage,
  countryInForce,
  resourcesFor,
  telHref,
  type HelpResource,
} from '../../src/shared/resources';

const all = resources as HelpResource[];
const known = countriesOf(all);

describe('help resources', () => {
  it('every entry keeps its sources and a checked date; links are https and confirmed only', () => {
    for (const r of all) {
      expect(r.source.length, r.id).toBeGreaterThan(0);
      expect(r.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.url) expect(r.url).toMatch(/^https?:\/\//);
    }
  });

  it('follow the caveats: no international 116 111 or 116 006; no obsolete Portuguese lines', () => {
    expect(all.filter((r) => r.country === 'INTL' && /116/.test(r.phone ?? ''))).toEqual([]);
    const pt = all.filter((r) => r.country === 'PT').map((r) => r.phone);
    expect(pt).toContain('800 21 90 90');
    expect(pt).not.toContain('800 91 90 90');
    expect(pt).not.toContain('800 200 212');
  });

  it('pick the country from the browser language', () => {
    expect(countryFromLanguage('pt-PT', known)).toBe('PT');
    expect(countryFromLanguage('pt-BR', known)).toBe('BR');
    expect(countryFromLanguage('en-US', known)).toBe('US');
    expect(countryFromLanguage('de', known)).toBe('DE');
    expect(countryFromLanguage('en', known)).toBeNull();
    expect(countryFromLanguage('ja-JP', known)).toBeNull();
  });

  it('the country in force: the chosen one, else the first browser language that names one', () => {
    expect(countryInForce('FR', ['pt-PT'], known)).toBe('FR');
    expect(countryInForce('auto', ['en', 'ja-JP', 'pt-BR', 'de'], known)).toBe('BR');
    expect(countryInForce(undefined, ['en', 'ja-JP'], known)).toBeNull();
  });

  it('put the organisation first, then the country, then international; age reorders', () => {
    const minorsFirst = resourcesFor(all, 'US', 'under18', [
      { name: 'School counsellor', phone: '555 0100' },
    ]);
    expect(minorsFirst[0]).toMatchObject({ organization: 'School counsellor', fromOrganization: true });
    expect(minorsFirst[1]?.serves).toBe('minors');
    expect(minorsFirst.at(-1)?.country).toBe('INTL');
    const adultsFirst = resourcesFor(all, 'US', 'adult');
    expect(adultsFirst[0]?.serves).toBe('adults');
    expect(adultsFirst.map((r) => r.id).sort()).toEqual(
      resourcesFor(all, 'US', 'under18')
        .map((r) => r.id)
        .sort(),
    );
    const intlTakeItDown = resourcesFor(all, null, 'under18')[0];
    expect(intlTakeItDown?.service).toBe('Take It Down');
    expect(resourcesFor(all, null, 'adult')[0]?.service).toBe('StopNCII.org');
  });

  it('make tel: links from printed numbers, not from vanity numbers', () => {
    expect(telHref('800 21 90 90')).toBe('tel:800219090');
    expect(telHref('1-800-843-5678')).toBe('tel:18008435678');
    expect(telHref('1-800-CALL-FBI')).toBeNull();
    expect(telHref('116 111')).toBe('tel:116111');
  });

  it('is what scripts/build-resources.mjs makes from ../shared/research (when that folder is here)', async () => {
    const research = new URL('../../../shared/research/help-resources.json', import.meta.url);
    if (!existsSync(research)) return;
    const { buildResources } = await import('../../scripts/build-resources.mjs');
    expect(all).toEqual(buildResources(JSON.parse(readFileSync(research, 'utf8'))));
  });
});
