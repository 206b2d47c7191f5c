import type { Coverage } from './coverage';
import type { Settings } from './settings';

/** The match patterns the content scripts run on: off means none. */
export function coveredPatterns(coverage: Coverage, settings: Settings): string[] {
  if (settings.mode === 'off') return [];
  const patterns = new Set(coverage.sites.flatMap((site) => site.matches));
  for (const extra of settings.extraSites) patterns.add(extra);
  return [...patterns].sort();
}
