import browser from 'webextension-polyfill';
import { siteForUrl } from '../shared/match';
import { grantCamera, takeCameraGrant } from './camera-grants';
import { coverageFor } from './coverage';
import { decide } from './decide';
import type { Handlers } from './router';
import { currentRules, currentSettings } from './state';
import { TabQueue } from './tab-queue';

const warnings = new TabQueue();

export const handlers: Handlers = {
  ping: async () => ({ ok: true, version: browser.runtime.getManifest().version }),
  decide: async ({ share }, sender) => {
    const plan = decide(share, await currentSettings());
    const tabId = sender.tab?.id;
    if (!plan.warn || tabId === undefined) return plan;
    if (share.kind === 'camera' && (await takeCameraGrant(tabId))) return { ...plan, warn: false };
    return { ...plan, ticket: await warnings.acquire(tabId) };
  },
  answered: async ({ kind, choice, ticket }, sender) => {
    if (ticket !== undefined) warnings.release(ticket);
    const tabId = sender.tab?.id;
    if (kind === 'call' && choice === 'continue' && tabId !== undefined) await grantCamera(tabId);
    return { ok: true };
  },
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
