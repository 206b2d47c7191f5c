// Background entry (service worker in Chrome, event page in Firefox): answers messages and keeps
// the content-script registration in step with the rules and settings.
import browser from 'webextension-polyfill';
import { applyCoverage } from './coverage';
import { handlers } from './handlers';
import { createRouter } from './router';
import { currentRules, currentSettings } from './state';

browser.runtime.onMessage.addListener(createRouter(handlers));

async function syncCoverage(): Promise<void> {
  try {
    await applyCoverage(await currentRules(), await currentSettings());
  } catch (error) {
    console.error('Pausa: could not register the content scripts', error);
  }
}

browser.runtime.onInstalled.addListener(() => void syncCoverage());
browser.runtime.onStartup.addListener(() => void syncCoverage());
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'settings' in changes) void syncCoverage();
});
// A service worker can also start for a message before onInstalled has run (first install).
void syncCoverage();
