// What the background hands the content scripts through storage.local, so a page never parses
// or validates the whole rules file: the media rules and each covered site's call controls.
import type { Config } from './config';
import type { WarningPlan } from './messages';
import type { PhraseMatcher } from './phrases';
import { matchesPattern } from './match';
import type { MediaRules } from './rules';

export const COVERAGE_KEY = 'coverage';

/** The background's message to a tab's top frame: show a warning that a frame too small to show
 * it handed over (messages `warnInTop`), and answer with `{ go }`. */
export const SHOW_IN_TOP = 'pausa:show-warning';

/**
 * The warning's shape in force (mode, Continue, countdown), kept for the moment the background
 * cannot answer: the content script then warns with it, never with something looser (a reload
 * during a strict warning must not bring Continue back).
 */
export const LAST_PLAN_KEY = 'lastPlan';
export type LastPlan = Pick<WarningPlan, 'mode' | 'allowContinue' | 'continueDelaySeconds' | 'language'>;

export const lastPlanOf = (config: Config): LastPlan => ({
  mode: config.mode,
  allowContinue: config.allowContinue,
  continueDelaySeconds: config.continueDelaySeconds,
  language: config.language,
});

export interface CoverageSite {
  id: string;
  name: string;
  matches: string[];
  /** Each call control's label, already expanded into its phrases by the background. */
  callControls: Array<PhraseMatcher & { selector?: string }>;
  /** C8 reads this site's incoming messages: on every page (no `paths`) or on these paths only,
   * inside these containers (none: all text added after load). Absent: C8 does not read it. */
  messages?: { paths?: string[]; containers?: string[] };
}

export interface Coverage {
  revision: number;
  media: MediaRules;
  sites: CoverageSite[];
  /** C8 is on (settings or policy) and the rules have its vocabulary: the sites outside the rules
   * that it reads too (policy and the person's extra sites, every site under `allSites`), minus the
   * switched-off ones. The vocabulary itself is in storage.local under MESSAGE_RULES_KEY, read
   * only by a page that C8 reads. */
  extortion?: { extraSites: string[]; allSites: boolean; disabledSites: string[] };
}

/** The rules' `messages` section (C8's vocabulary), for the pages C8 reads. */
export const MESSAGE_RULES_KEY = 'messageRules';

/** Whether C8 reads this page, and where: null when it does not. `site` is the rules' site for
 * the page (siteForUrl), if any. */
export function messageWatchFor(
  coverage: Coverage,
  site: CoverageSite | undefined,
  url: string,
): { containers?: string[] } | null {
  const c8 = coverage.extortion;
  if (!c8) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (site) {
    const watch = site.messages;
    if (!watch) return null;
    if (watch.paths && !watch.paths.some((p) => parsed.pathname.startsWith(p))) return null;
    return watch.containers?.length ? { containers: watch.containers } : {};
  }
  const host = parsed.hostname.toLowerCase();
  if (c8.disabledSites.some((d) => host === d || host.endsWith(`.${d}`))) return null;
  if (c8.allSites || c8.extraSites.some((pattern) => matchesPattern(pattern, url))) return {};
  return null;
}
