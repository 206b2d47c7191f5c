// The rules in use: the last good signed download, or the bundled copy, whichever is newer. A
// download is stored together with its status in one storage.local.set, so a half-written update
// can never be used; a stored copy that no longer parses is set aside with a recorded reason.
import browser from 'webextension-polyfill';
import bundledRules from '../rules/rules.json';
import { Rules } from '../shared/rules';
import { schemaReason } from '../shared/rules-update';

export const bundled: Rules = Rules.parse(bundledRules);

const RULES_KEY = 'rules';
const STATUS_KEY = 'rulesStatus';

export interface RulesStatus {
  revision: number;
  source: 'bundled' | 'download';
  /** When the last check ran (ms since epoch), and how it ended. */
  lastCheck: number | null;
  lastSuccess: number | null;
  lastError: string | null;
  /** The URL of the last successful check. */
  url: string | null;
  failures: number;
}

export const initialStatus: RulesStatus = {
  revision: bundled.revision,
  source: 'bundled',
  lastCheck: null,
  lastSuccess: null,
  lastError: null,
  url: null,
  failures: 0,
};

export async function loadRules(): Promise<{ rules: Rules; status: RulesStatus }> {
  const stored = await browser.storage.local.get([RULES_KEY, STATUS_KEY]);
  const status: RulesStatus = {
    ...initialStatus,
    ...(stored[STATUS_KEY] as Partial<RulesStatus> | undefined),
  };
  if (stored[RULES_KEY] !== undefined) {
    const parsed = Rules.safeParse(stored[RULES_KEY]);
    if (parsed.success && parsed.data.revision >= bundled.revision) {
      return {
        rules: parsed.data,
        status: { ...status, revision: parsed.data.revision, source: 'download' },
      };
    }
    if (!parsed.success) {
      const reason = `stored rules unusable (${schemaReason(parsed.error)}); using the bundled rules`;
      console.error(`Pausa: ${reason}`);
      await browser.storage.local.remove(RULES_KEY);
      await saveStatus({ ...status, lastError: reason });
    }
  }
  return { rules: bundled, status: { ...status, revision: bundled.revision, source: 'bundled' } };
}

export const currentRules = async (): Promise<Rules> => (await loadRules()).rules;

export async function saveStatus(status: RulesStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

/** Swap in new rules and their status in one write. */
export async function saveRules(rules: Rules, status: RulesStatus): Promise<void> {
  await browser.storage.local.set({ [RULES_KEY]: rules, [STATUS_KEY]: status });
}
