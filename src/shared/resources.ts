// Help resources for a country and an age group (SPEC C4): the organisation's own contacts first,
// then the country's, then the international ones; minors' or adults' services first by age.
import type { Resource as PolicyResource } from './policy';
import type { AgeGroup } from './settings';

export interface HelpResource {
  id: string;
  country: string;
  organization: string;
  service: string;
  kind: string;
  serves: 'everyone' | 'minors' | 'adults';
  /** Only confirmed URLs; null means the entry is shown without a link. */
  url: string | null;
  phone: string | null;
  otherContact: string | null;
  hours: string | null;
  description: string;
  source: string[];
  checked: string;
  /** From policy `extraResources`. */
  fromOrganization?: boolean;
}

/** The countries the research covers. */
export function countriesOf(resources: readonly HelpResource[]): string[] {
  return [...new Set(resources.map((r) => r.country).filter((c) => c !== 'INTL'))].sort();
}

/** A country from a browser language tag: pt-PT → PT, pt-BR → BR, plain pt → PT. */
export function countryFromLanguage(language: string, known: readonly string[]): string | null {
  const [lang = '', region] = language.replace('_', '-').split('-');
  if (region && known.includes(region.toUpperCase())) return region.toUpperCase();
  const fallback: Record<string, string> = { pt: 'PT', es: 'ES', fr: 'FR', de: 'DE', it: 'IT', nl: 'NL' };
  const guess = fallback[lang.toLowerCase()];
  return guess && known.includes(guess) ? guess : null;
}

/** The country in force: the one chosen (settings or policy), else the first of the browser's
 * languages that names a known country; null if none does. */
export function countryInForce(
  chosen: string | undefined,
  languages: readonly string[],
  known: readonly string[],
): string | null {
  if (chosen && chosen !== 'auto') return chosen;
  for (const language of languages) {
    const country = countryFromLanguage(language, known);
    if (country) return country;
  }
  return null;
}

const ORDER: Record<AgeGroup, Record<HelpResource['serves'], number>> = {
  under18: { minors: 0, everyone: 1, adults: 2 },
  adult: { adults: 0, everyone: 1, minors: 2 },
  unknown: { everyone: 0, minors: 1, adults: 1 },
};

export function resourcesFor(
  all: readonly HelpResource[],
  country: string | null,
  age: AgeGroup,
  organization: readonly PolicyResource[] = [],
): HelpResource[] {
  const rank = (r: HelpResource) => ORDER[age][r.serves];
  const byAge = (list: HelpResource[]) => list.sort((a, b) => rank(a) - rank(b));
  const own = organization.map<HelpResource>((r, i) => ({
    id: `org-${i}`,
    country: country ?? 'INTL',
    organization: r.name,
    service: r.name,
    kind: 'organization',
    serves: 'everyone',
    url: r.url ?? null,
    phone: r.phone ?? null,
    otherContact: null,
    hours: null,
    description: r.description ?? '',
    source: [],
    checked: '',
    fromOrganization: true,
  }));
  const national = country ? byAge(all.filter((r) => r.country === country)) : [];
  return [...own, ...national, ...byAge(all.filter((r) => r.country === 'INTL'))];
}

/** A `tel:` link for a phone number as printed ("800 21 90 90", "1-800-843-5678"); null for vanity numbers. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '');
  return /^\+?\d{3,15}$/.test(digits) && !/[A-Z]{3}/i.test(phone) ? `tel:${digits}` : null;
}

/** Emergency numbers from ../shared/research/victim-guidance.json ("emergency"): 112 across the
 * EU, 999 UK, 911 US/CA/MX, 000 AU, 111 NZ. Elsewhere the texts say "your local emergency number". */
export const EMERGENCY: Readonly<Record<string, string>> = {
  PT: '112',
  ES: '112',
  FR: '112',
  DE: '112',
  IT: '112',
  NL: '112',
  BE: '112',
  IE: '112',
  GB: '999',
  US: '911',
  CA: '911',
  MX: '911',
  AU: '000',
  NZ: '111',
};

/** Services to call or write to now, for someone in distress: helplines before report forms. */
const CRISIS_KINDS = new Set(['child-helpline', 'hotline-phone', 'victim-support']);

/**
 * The first contacts the extortion help panel (C8) shows: the organisation's, then the country's
 * for the person's age; with `distress`, crisis lines (helplines someone answers) first.
 */
export function firstContacts(list: readonly HelpResource[], distress: boolean, count = 3): HelpResource[] {
  const ordered = distress
    ? [...list.filter((r) => CRISIS_KINDS.has(r.kind)), ...list.filter((r) => !CRISIS_KINDS.has(r.kind))]
    : [...list];
  return ordered.slice(0, count);
}
