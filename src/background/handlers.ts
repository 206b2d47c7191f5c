import browser from 'webextension-polyfill';
import { isCovered } from '../shared/coverage-patterns';
import { fetchMessages } from '../shared/i18n';
import { siteForUrl } from '../shared/match';
import type { ExtensionStatus } from '../shared/messages';
import { grantCamera, takeCameraGrant } from './camera-grants';
import { applyCoverage, coverageFor } from './coverage';
import { decide } from './decide';
import { checkFiles } from './smart';
import { cameraAlreadyWarned, smartFiles } from './smart-decide';
import { judge, THRESHOLDS } from '../shared/smart';
import { lockNow, lockStatus, setPin, unlock } from './lock';
import type { Handlers } from './router';
import { loadRules } from './rules-store';
import { checkRules } from './rules-updater';
import { currentConfig, currentRules, currentState } from './state';
import { TabQueue } from './tab-queue';

const warnings = new TabQueue();

async function extensionStatus(): Promise<ExtensionStatus> {
  const [{ rules, status }, { config: cfg, policyProblems }, stored] = await Promise.all([
    loadRules(),
    currentState(),
    browser.storage.local.get('coverageMissing'),
  ]);
  return {
    rules: {
      revision: rules.revision,
      source: status.source,
      lastCheck: status.lastCheck,
      lastSuccess: status.lastSuccess,
      lastError: status.lastError,
      url: cfg.rulesUrl,
      expires: rules.expires,
    },
    policyProblems,
    missingPermissions: (stored.coverageMissing as string[] | undefined) ?? [],
    sites: rules.sites.map(({ id, name }) => ({ id, name })),
    lock: await lockStatus(cfg.locked),
    config: cfg,
  };
}

export const handlers: Handlers = {
  ping: async () => ({ ok: true, version: browser.runtime.getManifest().version }),
  decide: async ({ share, data }, sender) => {
    const [config, rules] = await Promise.all([currentConfig(), currentRules()]);
    let plan = decide(share, config);
    const tabId = sender.tab?.id;
    // A site switched off (or mode off) since this tab loaded: its old scripts still ask, and are
    // told no; changes take effect in open tabs without a reload. Nothing is checked there.
    const url = sender.tab?.url ?? sender.url;
    if (url === undefined || !isCovered(coverageFor(rules, config), config, url))
      return { ...plan, warn: false };
    if (!plan.warn || tabId === undefined) return plan;
    if (share.kind === 'camera' && (await takeCameraGrant(tabId))) return { ...plan, warn: false };
    if (config.mode === 'smart') {
      if (share.kind === 'files') {
        const verdict = await smartFiles(share, data ?? [], rules.media, config);
        if (!verdict.warn) return { ...plan, warn: false };
        plan = { ...plan, reason: verdict.reason };
      } else if (await cameraAlreadyWarned(url)) {
        return { ...plan, warn: false };
      }
    }
    return { ...plan, ticket: await warnings.acquire(tabId) };
  },
  answered: async ({ kind, choice, ticket }, sender) => {
    if (ticket !== undefined) warnings.release(ticket);
    const tabId = sender.tab?.id;
    if (kind === 'call' && choice === 'continue' && tabId !== undefined) await grantCamera(tabId);
    return { ok: true };
  },
  // The options page's "try the check": the person's own photo, on this device, nothing kept.
  checkImages: async ({ data }) => {
    const config = await currentConfig();
    const results = await checkFiles(data);
    const verdict = judge(
      results.map((result) => result.check),
      config.sensitivity,
    );
    return { results, ...verdict, threshold: THRESHOLDS[config.sensitivity] };
  },
  openHelp: async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('src/help/index.html') });
    return { ok: true };
  },
  getMessages: async ({ locale }) => ({ messages: await fetchMessages(browser.runtime.getURL)(locale) }),
  getTabStatus: async ({ tabId }) => {
    const [tab, rules, config] = await Promise.all([
      browser.tabs.get(tabId).catch(() => undefined),
      currentRules(),
      currentConfig(),
    ]);
    const url = tab?.url ?? null;
    const coverage = coverageFor(rules, config);
    const site = url ? siteForUrl(coverage, url) : undefined;
    const covered = url !== null && isCovered(coverage, config, url);
    return {
      url,
      covered,
      siteName: site?.name ?? (covered && url ? new URL(url).hostname : null),
      mode: config.mode,
    };
  },
  getStatus: async () => extensionStatus(),
  // Policy `locked` hides the parental lock: the organisation's settings are the lock.
  setPin: async ({ pin }) => ((await currentConfig()).locked ? { ok: false, error: 'managed' } : setPin(pin)),
  lock: async ({ forceStrict }) =>
    (await currentConfig()).locked ? { ok: false, error: 'managed' } : lockNow(forceStrict),
  unlock: async ({ pin, remove }) => unlock(pin, remove),
  checkRules: async () => {
    const config = await currentConfig();
    const { updated } = await checkRules(config);
    if (updated) await applyCoverage();
    return extensionStatus();
  },
};
