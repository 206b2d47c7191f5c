import browser from 'webextension-polyfill';
import { readSettings, type Settings } from '../shared/settings';

export async function currentSettings(): Promise<Settings> {
  const { settings } = await browser.storage.local.get('settings');
  return readSettings(settings);
}
