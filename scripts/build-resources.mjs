// Builds src/help/resources.json from ../shared/research/help-resources.json, applying the
// routing rules of help-resources-caveats.md. Run after the research changes:
//   node scripts/build-resources.mjs [path/to/help-resources.json]
// Every entry keeps its sources and the date it was checked; an entry whose URL was not confirmed
// keeps the URL out (it is never shown as a link).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHECKED = '2026-11-27';
const LINKABLE = new Set(['exact', 'scheme-added', 'domain-or-trimmed-path']);

/** The caveats file: 116 111 and 116 006 are per country, never shown as international. */
const perCountryOnly = (entry) =>
  entry.country === 'INTL' && [entry.phone, entry.service].some((v) => /116 ?(111|006)/.test(v ?? ''));

export function buildResources(research) {
  return research
    .filter((entry) => !perCountryOnly(entry))
    .map((entry, index) => ({
      id: `${entry.country.toLowerCase()}-${index}`,
      country: entry.country,
      organization: entry.organization,
      service: entry.service,
      kind: entry.kind,
      serves: entry.serves,
      url: entry.url && LINKABLE.has(entry.url_basis) ? entry.url : null,
      phone: entry.phone ?? null,
      otherContact: entry.other_contact ?? null,
      hours: entry.hours ?? null,
      description: entry.description,
      source: entry.source,
      checked: CHECKED,
    }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const input = process.argv[2] ?? new URL('../../shared/research/help-resources.json', import.meta.url);
  const research = JSON.parse(readFileSync(input, 'utf8'));
  const out = new URL('../src/help/resources.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(buildResources(research), null, 2)}\n`);
  console.log(`wrote src/help/resources.json`);
}
