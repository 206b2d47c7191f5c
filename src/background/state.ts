// The background's view of the rules and settings. Nothing is kept in module memory between
// events: an MV3 service worker (or Firefox event page) can be stopped at any time.
import browser from 'webextension-polyfill';
import bundledRules from '../rules/rules.json';
import { Rules } from '../shared/rules';
import { readSettings, type Settings } from '../shared/settings';

const bundled: Rules = Rules.parse(bundledRules);

export async function currentRules(): Promise<Rules> {
  // Issue #5 replaces this with the last good signed update, falling back to the bundled copy.
  return bundled;
}

export async function currentSettings(): Promise<Settings> {
  const { settings } = await browser.storage.local.get('settings');
  return readSettings(settings);
}
