import browser from 'webextension-polyfill';
import { SHOW_IN_TOP } from '../shared/coverage';
import { isCovered } from '../shared/coverage-patterns';
import { fetchMessages } from '../shared/i18n';
import { siteForUrl } from '../shared/match';
import {
  countriesOf,
  countryInForce,
  EMERGENCY,
  firstContacts,
  resourcesFor,
  type HelpResource,
} from '../shared/resources';
import resources from '../help/resources.json';
import type { ExtensionStatus } from '../shared/messages';
import { grantCamera, takeCameraGrant } from './camera-grants';
import { CameraRefusals } from './camera-refusals';
import { applyCoverage, coverageFor } from './coverage';
import { decide } from '../shared/decide';
import { checkFiles } from './smart';
import { cameraAlreadyWarned, smartFiles } from './smart-decide';
import { judge, THRESHOLDS } from '../shared/smart';
import { lockNow, lockStatus, setPin, unlock } from './lock';
import type { Handlers } from './router';
import { loadRules } from './rules-store';
import { checkRules } from './rules-updater';
import { currentConfig, currentRules, currentState } from './state';
import { TabQueue } from './tab-queue';

const ALL_RESOURCES = resources as HelpResource[];
const COUNTRIES = countriesOf(ALL_RESOURCES);

const warnings = new TabQueue();
const refusals = new CameraRefusals();

/** The content script gives up on `decide` after 5 s (src/warning/index.ts) and falls back to the
 * last known plan; the background answers within this, whatever it waits for. */
export const DECIDE_BUDGET_MS = 4500;
export const WARNING_PORT = 'pausa-warning:';

/**
 * A warning's port: the warning module opens it while its warning is shown. When the frame goes
 * away (reload, navigation, a removed frame, a closed tab) the port disconnects and the tab's next
 * warning no longer waits for an answer that will never come.
 */
export function onWarningPort(port: browser.Runtime.Port): void {
  const tabId = port.sender?.tab?.id;
  const ticket = Number(port.name.slice(WARNING_PORT.length));
  if (!port.name.startsWith(WARNING_PORT) || tabId === undefined || !Number.isInteger(ticket)) return;
  port.onDisconnect.addListener(() => warnings.release(ticket, tabId));
}

async function extensionStatus(): Promise<ExtensionStatus> {
  const [{ config: cfg, policyProblems }, stored] = await Promise.all([
    currentState(),
    browser.storage.local.get('coverageMissing'),
  ]);
  const { rules, status } = await loadRules(cfg.rulesPublicKey);
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
    const started = Date.now();
    const [config, rules] = await Promise.all([currentConfig(), currentRules()]);
    let plan = decide(share, config);
    const tabId = sender.tab?.id;
    // A site switched off (or mode off) since this tab loaded: its old scripts still ask, and are
    // told no; changes take effect in open tabs without a reload. Nothing is checked there.
    const url = sender.tab?.url ?? sender.url;
    if (url === undefined || !isCovered(coverageFor(rules, config), config, url))
      return { ...plan, warn: false };
    if (!plan.warn || tabId === undefined) return plan;
    // Asked again without the person doing anything (a loop), right after Go back: refused quietly.
    // A person who clicks again gets the warning again.
    if (share.kind === 'camera' && refusals.isRefused(tabId, sender.frameId ?? 0, share)) {
      return { ...plan, refuse: true };
    }
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
    const wait = Math.max(0, DECIDE_BUDGET_MS - (Date.now() - started));
    return { ...plan, ticket: await warnings.acquire(tabId, wait) };
  },
  answered: async ({ kind, choice, ticket }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || ticket === undefined) return { ok: true };
    // Only an answer to a warning this background decided to show in this tab counts: a content
    // script cannot earn a camera pass (or free another tab's warning) by saying it answered.
    if (!warnings.holds(ticket, tabId)) return { ok: true };
    warnings.release(ticket, tabId);
    // Continue on a call button or on a camera warning: the call's own camera request that follows
    // does not warn a second time. Go back on the camera: this frame's requests are quiet a while.
    if ((kind === 'camera' || kind === 'call') && choice === 'continue') await grantCamera(tabId);
    if (kind === 'camera' && choice === 'back') refusals.refuse(tabId, sender.frameId ?? 0);
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
  // The warning UI goes into the asking frame's isolated world only when needed.
  loadWarning: async (_request, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: 'no tab' };
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: ['warning.js'],
    });
    return { ok: true };
  },
  // A frame too small to show the warning (1 px, hidden): its top frame shows it. Only for a
  // warning this background decided to show in this tab, and never from the top frame itself.
  warnInTop: async ({ share, plan }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !sender.frameId || !warnings.holds(plan.ticket, tabId))
      return { shown: false };
    try {
      const reply = (await browser.tabs.sendMessage(
        tabId,
        { type: SHOW_IN_TOP, share, plan },
        { frameId: 0 },
      )) as { go?: unknown } | undefined;
      return typeof reply?.go === 'boolean' ? { shown: true, go: reply.go } : { shown: false };
    } catch {
      return { shown: false }; // no Pausa in the top frame (an uncovered page around a covered frame)
    }
  },
  // C8's reader goes into a page's top frame only when C8 reads that page (the content script
  // decides from the coverage); it is never web-accessible either.
  loadMessageWatch: async (_request, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || (sender.frameId ?? 0) !== 0) return { ok: false, error: 'top frames only' };
    const config = await currentConfig();
    if (!config.detectExtortionMessages) return { ok: false, error: 'off' };
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['messages.js'] });
    return { ok: true };
  },
  helpContacts: async ({ distress }) => {
    const config = await currentConfig();
    const country = countryInForce(
      config.country,
      [...navigator.languages, browser.i18n.getUILanguage()],
      COUNTRIES,
    );
    const list = resourcesFor(ALL_RESOURCES, country, config.ageGroup, config.extraResources);
    return {
      language: config.language,
      country,
      emergency: (country && EMERGENCY[country]) ?? null,
      contacts: firstContacts(list, distress).map(
        ({ id, organization, service, url, phone, kind, fromOrganization }) => ({
          id,
          organization,
          service,
          url,
          phone,
          kind,
          ...(fromOrganization ? { fromOrganization } : {}),
        }),
      ),
    };
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
