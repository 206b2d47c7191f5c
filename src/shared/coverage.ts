// What the background hands the content scripts through storage.local, so a page never parses
// or validates the whole rules file: the media rules and each covered site's call controls.
import type { CallControl, MediaRules } from './rules';

export const COVERAGE_KEY = 'coverage';

export interface CoverageSite {
  id: string;
  name: string;
  matches: string[];
  callControls: CallControl[];
}

export interface Coverage {
  revision: number;
  media: MediaRules;
  sites: CoverageSite[];
}
