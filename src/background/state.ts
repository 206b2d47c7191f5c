// The background's view of settings and policy. Nothing is kept in module memory between events:
// an MV3 service worker (or Firefox event page) can be stopped at any time.
import browser from 'webextension-polyfill';
import { effectiveConfig, type Config } from '../shared/config';
import { readSettings, type Settings } from '../shared/settings';
import { readManagedPolicy } from './policy-store';

export { currentRules } from './rules-store';

export async function currentSettings(): Promise<Settings> {
  const { settings } = await browser.storage.local.get('settings');
  return readSettings(settings);
}

export async function currentConfig(): Promise<Config> {
  const [settings, { policy }] = await Promise.all([currentSettings(), readManagedPolicy()]);
  return effectiveConfig({ settings, policy });
}
