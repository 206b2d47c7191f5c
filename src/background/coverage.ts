// Coverage follows the rules, the settings and policy. The manifest's content scripts run on the
// bundled sites from install on; for any other covered site the extension holds host permissions
// for, the background registers the same two scripts. The content scripts get their small slice of
// the rules through storage.local (SPEC C6). Sites switched off (or mode off) keep the manifest's
// scripts, which the background then answers with "no warning" (see handlers.ts `decide`).
import browser from 'webextension-polyfill';
import type { Config } from '../shared/config';
import { expandLabel } from '../shared/phrases';
import {
  COVERAGE_KEY,
  LAST_PLAN_KEY,
  MESSAGE_RULES_KEY,
  lastPlanOf,
  type Coverage,
} from '../shared/coverage';
import { coveredPatterns, scriptPattern } from '../shared/coverage-patterns';
import { packLexicon, type PackedLexicon } from '../shared/extortion';
import type { MessageRules, Rules } from '../shared/rules';
import { serial } from '../shared/serial';
import { currentConfig, currentRules } from './state';

// Built by scripts/build.mjs next to the manifest, with these stable names.
export const MAIN_WORLD_SCRIPT = 'main-world.js';
export const CONTENT_SCRIPT = 'content.js';

export function coverageFor(
  rules: Rules,
  config: Pick<Config, 'disabledSites'> &
    Partial<Pick<Config, 'detectExtortionMessages' | 'extraSites' | 'allSites'>>,
): Coverage {
  const c8 = rules.messages && config.detectExtortionMessages ? rules.messages : undefined;
  const disabled = new Set(config.disabledSites.map((s) => s.toLowerCase()));
  const isDisabled = (site: Rules['sites'][number]) =>
    disabled.has(site.id) ||
    site.matches.some((m) => disabled.has(m.replace(/^[^:]+:\/\/(\*\.)?/, '').replace(/\/.*$/, '')));
  return {
    revision: rules.revision,
    media: rules.media,
    ...(c8
      ? {
          extortion: {
            extraSites: config.extraSites ?? [],
            allSites: config.allSites ?? false,
            disabledSites: [...disabled],
          },
        }
      : {}),
    sites: rules.sites
      .filter((site) => !isDisabled(site))
      .map(({ id, name, category, matches, callControls = [], messages }) => ({
        id,
        name,
        matches,
        // C8 reads messaging and dating sites everywhere, other sites only where the rules say
        // (their direct messages).
        ...(c8 && (messages ?? (category && c8.categories.includes(category) ? {} : undefined))
          ? { messages: messages ?? {} }
          : {}),
        // Expanded here, once: the content script on every page only compares phrases.
        callControls: callControls.flatMap(({ label, selector }) => {
          const matcher = expandLabel(label);
          return 'error' in matcher ? [] : [{ ...matcher, ...(selector ? { selector } : {}) }];
        }),
      })),
  };
}

/** Split patterns into those the extension may inject into and those it still needs to ask for. */
export async function checkPermissions(
  patterns: string[],
): Promise<{ granted: string[]; missing: string[] }> {
  const granted: string[] = [];
  const missing: string[] = [];
  // Usually everything is granted: one question answers that; otherwise ask site by site.
  const all = await browser.permissions.contains({ origins: patterns }).catch(() => false);
  if (all) return { granted: [...patterns], missing };
  for (const pattern of patterns) {
    const ok = await browser.permissions.contains({ origins: [pattern] }).catch(() => false);
    (ok ? granted : missing).push(pattern);
  }
  return { granted, missing };
}

const SCRIPT_IDS = ['pausa-main', 'pausa-isolated'] as const;

/** The sites the manifest's own content scripts cover (the bundled rules' sites, see
 * scripts/build.mjs): they run from install on, with no registration to wait for. */
export function manifestPatterns(): string[] {
  return browser.runtime.getManifest().content_scripts?.[0]?.matches ?? [];
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Make the registered content scripts cover `patterns` beyond what the manifest's scripts cover,
 * with no moment in between where a covered page could load unhooked: an unchanged registration
 * is left alone, a changed one is updated in one step (`updateContentScripts`), and only the first
 * registration or the last removal registers or unregisters. The manifest's sites are excluded,
 * so no page gets the scripts twice (policy `allSites` registers every site but those).
 */
export async function registerContentScripts(patterns: string[]): Promise<void> {
  const excludeMatches = manifestPatterns();
  const matches = [...new Set(patterns.map(scriptPattern))].filter((p) => !excludeMatches.includes(p));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [...SCRIPT_IDS] });
  if (!matches.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    return;
  }
  if (existing.length === SCRIPT_IDS.length) {
    const same = existing.every(
      (script) => sameSet(script.matches, matches) && sameSet(script.excludeMatches, excludeMatches),
    );
    if (same) return;
    await browser.scripting.updateContentScripts(SCRIPT_IDS.map((id) => ({ id, matches, excludeMatches })));
    return;
  }
  // Half a registration (should not happen) is cleared before registering both.
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  const common = {
    matches,
    excludeMatches,
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

/** The packed vocabulary last written to storage by this background (undefined: none yet). */
let writtenLexicon: PackedLexicon | null | undefined;

/** The packed vocabulary of the rules in force, packed again only when they change. */
let packed: { rules: MessageRules; lexicon: PackedLexicon } | undefined;
function packedLexicon(rules: MessageRules): PackedLexicon {
  if (packed?.rules !== rules) packed = { rules, lexicon: packLexicon(rules) };
  return packed.lexicon;
}

/** Bring the stored coverage and the registration in line with the rules, settings and policy in
 * force. Read inside the serial run, so the last event always leaves the latest state. */
export const applyCoverage = serial(async (): Promise<{ missing: string[]; config: Config }> => {
  const [rules, config] = await Promise.all([currentRules(), currentConfig()]);
  const coverage = coverageFor(rules, config);
  const { granted, missing } = await checkPermissions(coveredPatterns(coverage, config));
  // C8's vocabulary, compiled here once, only while C8 is on: a page that C8 reads takes it from
  // here as it is. Written again only when it changes (it is a few hundred kilobytes, and a
  // settings change should not wait for it).
  const lexicon = coverage.extortion && rules.messages ? packedLexicon(rules.messages) : null;
  const lexiconChanged = lexicon !== writtenLexicon;
  await browser.storage.local.set({
    [COVERAGE_KEY]: coverage,
    coverageMissing: missing,
    [LAST_PLAN_KEY]: lastPlanOf(config),
    ...(lexiconChanged ? { [MESSAGE_RULES_KEY]: lexicon } : {}),
  });
  writtenLexicon = lexicon;
  await registerContentScripts(granted);
  return { missing, config };
});
