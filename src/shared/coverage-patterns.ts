import type { Config } from './config';
import type { Coverage } from './coverage';
import { matchesPattern } from './match.ts';

/** Every http(s) page, for policy `allSites`. */
export const ALL_SITES = '*://*/*';

/**
 * The pattern a content script is declared or registered with: the whole host. Scripts that also
 * run in about:blank/srcdoc/blob: frames (match_origin_as_fallback) may only use the path `/*` in
 * Chrome, so a rule naming a path (say `https://example.com/messages/*`) gets its host's scripts,
 * and the background's `isCovered` still judges each page by the full pattern.
 */
export const scriptPattern = (pattern: string): string => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*');

/** The match patterns the content scripts run on: off means none. */
export function coveredPatterns(
  coverage: Coverage,
  config: Pick<Config, 'mode' | 'allSites' | 'extraSites'>,
): string[] {
  if (config.mode === 'off') return [];
  if (config.allSites) return [ALL_SITES];
  const patterns = new Set(coverage.sites.flatMap((site) => site.matches));
  for (const extra of config.extraSites) patterns.add(extra);
  return [...patterns].sort();
}

/** Whether a page at `url` is covered (the same patterns the content scripts are registered for). */
export const isCovered = (
  coverage: Coverage,
  config: Pick<Config, 'mode' | 'allSites' | 'extraSites'>,
  url: string,
): boolean => coveredPatterns(coverage, config).some((pattern) => matchesPattern(pattern, url));
