// What the background hands the content scripts through storage.local, so a page never parses
// or validates the whole rules file: the media rules and each covered site's call controls.
import type { Config } from './config';
import type { WarningPlan } from './messages';
import type { PhraseMatcher } from './phrases';
import type { MediaRules } from './rules';

export const COVERAGE_KEY = 'coverage';

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
}

export interface Coverage {
  revision: number;
  media: MediaRules;
  sites: CoverageSite[];
}
