// Coverage follows the rules, the settings and policy: the content scripts are registered for
// exactly the covered sites the extension holds host permissions for, and the content scripts get
// their small slice of the rules through storage.local (SPEC C6).
import browser from 'webextension-polyfill';
import type { Config } from '../shared/config';
import { COVERAGE_KEY, type Coverage } from '../shared/coverage';
import { coveredPatterns } from '../shared/coverage-patterns';
import type { Rules } from '../shared/rules';
import { serial } from './serial';
import { currentConfig, currentRules } from './state';

// Built by scripts/build.mjs next to the manifest, with these stable names.
export const MAIN_WORLD_SCRIPT = 'main-world.js';
export const CONTENT_SCRIPT = 'content.js';

export function coverageFor(rules: Rules, config: Pick<Config, 'disabledSites'>): Coverage {
  const disabled = new Set(config.disabledSites.map((s) => s.toLowerCase()));
  const isDisabled = (site: Rules['sites'][number]) =>
    disabled.has(site.id) ||
    site.matches.some((m) => disabled.has(m.replace(/^[^:]+:\/\/(\*\.)?/, '').replace(/\/.*$/, '')));
  return {
    revision: rules.revision,
    media: rules.media,
    sites: rules.sites
      .filter((site) => !isDisabled(site))
      .map(({ id, name, matches, callControls = [] }) => ({ id, name, matches, callControls })),
  };
}

/** Split patterns into those the extension may inject into and those it still needs to ask for. */
export async function checkPermissions(
  patterns: string[],
): Promise<{ granted: string[]; missing: string[] }> {
  const granted: string[] = [];
  const missing: string[] = [];
  for (const pattern of patterns) {
    const ok = await browser.permissions.contains({ origins: [pattern] }).catch(() => false);
    (ok ? granted : missing).push(pattern);
  }
  return { granted, missing };
}

const SCRIPT_IDS = ['pausa-main', 'pausa-isolated'] as const;

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Make the two content scripts match `patterns`, with no moment in between where a covered page
 * could load unhooked: an unchanged registration is left alone, a changed one is updated in one
 * step (`updateContentScripts`), and only the first registration or the last removal registers or
 * unregisters. (Unregistering and registering again left a gap a page could load in.)
 */
export async function registerContentScripts(patterns: string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [...SCRIPT_IDS] });
  if (!patterns.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    return;
  }
  if (existing.length === SCRIPT_IDS.length) {
    if (existing.every((script) => sameSet(script.matches, patterns))) return;
    await browser.scripting.updateContentScripts(SCRIPT_IDS.map((id) => ({ id, matches: patterns })));
    return;
  }
  // Half a registration (should not happen) is cleared before registering both.
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  const common = {
    matches: patterns,
    runAt: 'document_start' as const,
    allFrames: true,
    // about:blank, srcdoc and blob: frames a covered page makes get the hooks too.
    matchOriginAsFallback: true,
    persistAcrossSessions: true,
  };
  await browser.scripting.registerContentScripts([
    { id: 'pausa-main', js: [MAIN_WORLD_SCRIPT], world: 'MAIN', ...common },
    { id: 'pausa-isolated', js: [CONTENT_SCRIPT], ...common },
  ] as Parameters<typeof browser.scripting.registerContentScripts>[0]);
}

/** Bring the stored coverage and the registration in line with the rules, settings and policy in
 * force. Read inside the serial run, so the last event always leaves the latest state. */
export const applyCoverage = serial(async (): Promise<{ missing: string[] }> => {
  const [rules, config] = await Promise.all([currentRules(), currentConfig()]);
  const coverage = coverageFor(rules, config);
  const { granted, missing } = await checkPermissions(coveredPatterns(coverage, config));
  await browser.storage.local.set({ [COVERAGE_KEY]: coverage, coverageMissing: missing });
  await registerContentScripts(granted);
  return { missing };
});
