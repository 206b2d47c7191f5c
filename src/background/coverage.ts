// Coverage follows the rules and the settings: the content scripts are registered for exactly
// the covered sites, and the content scripts get their small slice of the rules through
// storage.local (SPEC C6).
import browser from 'webextension-polyfill';
import { COVERAGE_KEY, type Coverage } from '../shared/coverage';
import type { Rules } from '../shared/rules';
import type { Settings } from '../shared/settings';
import { coveredPatterns } from '../shared/coverage-patterns';

// Built by scripts/build.mjs next to the manifest, with these stable names.
export const MAIN_WORLD_SCRIPT = 'main-world.js';
export const CONTENT_SCRIPT = 'content.js';

export function coverageFor(rules: Rules, settings: Settings): Coverage {
  const disabled = new Set(settings.disabledSites);
  return {
    revision: rules.revision,
    media: rules.media,
    sites: rules.sites
      .filter((site) => !disabled.has(site.id))
      .map(({ id, name, matches, callControls = [] }) => ({ id, name, matches, callControls })),
  };
}

/** Register (or update, or remove) the two content scripts so they match `patterns`. */
export async function registerContentScripts(patterns: string[]): Promise<void> {
  const ids = ['pausa-main', 'pausa-isolated'];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (!patterns.length) return;
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

export async function applyCoverage(rules: Rules, settings: Settings): Promise<Coverage> {
  const coverage = coverageFor(rules, settings);
  await browser.storage.local.set({ [COVERAGE_KEY]: coverage });
  await registerContentScripts(coveredPatterns(coverage, settings));
  return coverage;
}
