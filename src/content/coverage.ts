// The content script's slice of the rules (its site's call controls, the media types), written by
// the background to storage.local. Right after install the page can start before the background
// has written it: then the content script waits for it instead of going without.
import { COVERAGE_KEY, type Coverage } from '../shared/coverage';
import { ext } from '../shared/ext';

type Changes = Record<string, { newValue?: unknown }>;

export function whenCoverage(use: (coverage: Coverage) => void): Promise<void> {
  return ext.storage.local.get(COVERAGE_KEY).then((stored) => {
    const coverage = stored[COVERAGE_KEY] as Coverage | undefined;
    if (coverage) return use(coverage);
    const onChanged = (changes: Changes, area: string) => {
      const next = changes[COVERAGE_KEY]?.newValue as Coverage | undefined;
      if (area !== 'local' || !next) return;
      ext.storage.onChanged.removeListener(onChanged);
      use(next);
    };
    ext.storage.onChanged.addListener(onChanged);
  });
}
