// What the popup and the help page need to list resources: the country and age group in force
// (settings or policy), the organisation's own contacts, and whether the person may change them.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import resources from '../help/resources.json';
import type { ExtensionStatus } from '../shared/messages';
import { countriesOf, countryInForce, resourcesFor, type HelpResource } from '../shared/resources';
import type { AgeGroup } from '../shared/settings';

export const ALL_RESOURCES = resources as HelpResource[];
export const COUNTRIES = countriesOf(ALL_RESOURCES);

export function useStatus(): ExtensionStatus | undefined {
  const [status, setStatus] = useState<ExtensionStatus>();
  useEffect(() => {
    void (browser.runtime.sendMessage({ type: 'getStatus' }) as Promise<ExtensionStatus>).then(setStatus);
  }, []);
  return status;
}

/** The country and age the help lists start from (settings or policy), which the person can
 * change on the spot without changing the settings. Derived from the status on every render, so
 * the first render with the status already shows the right country (no flash of another list). */
export function useHelpChoices(status: ExtensionStatus | undefined) {
  // undefined: not changed on the spot; null: "no country" chosen.
  const [countryChoice, setCountry] = useState<string | null>();
  const [ageChoice, setAge] = useState<AgeGroup>();
  const country = countryChoice !== undefined ? countryChoice : status ? countryOf(status) : null;
  const age = ageChoice ?? status?.config.ageGroup ?? 'unknown';
  const list = resourcesFor(ALL_RESOURCES, country, age, status?.config.extraResources);
  return { country, setCountry, age, setAge, list };
}

/** The country in force: set, or guessed from the browser's language; null if unknown. */
export function countryOf(status: ExtensionStatus | undefined): string | null {
  return countryInForce(
    status?.config.country,
    [...navigator.languages, browser.i18n.getUILanguage()],
    COUNTRIES,
  );
}
