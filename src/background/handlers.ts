import browser from 'webextension-polyfill';
import { siteForUrl } from '../shared/match';
import { coverageFor } from './coverage';
import { decide } from './decide';
import type { Handlers } from './router';
import { currentRules, currentSettings } from './state';

export const handlers: Handlers = {
  ping: async () => ({ ok: true, version: browser.runtime.getManifest().version }),
  decide: async ({ share }) => decide(share, await currentSettings()),
  answered: async () => ({ ok: true }),
  openHelp: async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html#help') });
    return { ok: true };
  },
  getTabStatus: async ({ tabId }) => {
    const [tab, rules, settings] = await Promise.all([
      browser.tabs.get(tabId).catch(() => undefined),
      currentRules(),
      currentSettings(),
    ]);
    const url = tab?.url ?? null;
    const site = url ? siteForUrl(coverageFor(rules, settings), url) : undefined;
    return {
      url,
      covered: Boolean(site) && settings.mode !== 'off',
      siteName: site?.name ?? null,
      mode: settings.mode,
    };
  },
};
