// The rules in use: the last good signed download, or the bundled copy, whichever is newer. A
// download is stored together with its status in one storage.local.set, so a half-written update
// can never be used; a stored copy that no longer parses is set aside with a recorded reason.
import browser from 'webextension-polyfill';
import bundledRules from '../rules/rules.json';
import { Rules } from '../shared/rules';
import {
  checkStored,
  type RevisionFloors,
  type StoredRules,
  type StoredVerdict,
} from '../shared/rules-stored';

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

const FLOORS_KEY = 'rulesFloors';

/** Verified stored rules, by signature and key: a load does not verify the same bytes again. */
const verified = new Map<string, Rules>();

/**
 * The rules in use with the key in force: the stored download if it still verifies with that key,
 * parses and has not expired, and is not older than the bundled copy; otherwise the bundled copy.
 * A stored entry that fails is set aside with its reason (shown on the options page), never used.
 */
export async function loadRules(publicKey: string): Promise<{ rules: Rules; status: RulesStatus }> {
  const stored = await browser.storage.local.get([RULES_KEY, STATUS_KEY]);
  const status: RulesStatus = {
    ...initialStatus,
    ...(stored[STATUS_KEY] as Partial<RulesStatus> | undefined),
  };
  const entry = stored[RULES_KEY] as Partial<StoredRules> | undefined;
  if (entry !== undefined) {
    const cacheKey = `${entry.signature}|${publicKey}`;
    const verdict: StoredVerdict = verified.has(cacheKey)
      ? { ok: true, rules: verified.get(cacheKey)! }
      : await checkStored(entry, publicKey, new Date());
    if (verdict.ok && Date.parse(verdict.rules.expires) > Date.now()) {
      verified.set(cacheKey, verdict.rules);
      if (verdict.rules.revision >= bundled.revision) {
        return {
          rules: verdict.rules,
          status: { ...status, revision: verdict.rules.revision, source: 'download' },
        };
      }
    } else {
      verified.delete(cacheKey);
      const reason = `${verdict.ok ? 'stored rules expired' : verdict.reason}; using the bundled rules`;
      console.error(`Pausa: ${reason}`);
      await browser.storage.local.remove(RULES_KEY);
      await saveStatus({ ...status, lastError: reason, revision: bundled.revision, source: 'bundled' });
      return {
        rules: bundled,
        status: { ...status, lastError: reason, revision: bundled.revision, source: 'bundled' },
      };
    }
  }
  return { rules: bundled, status: { ...status, revision: bundled.revision, source: 'bundled' } };
}

export async function revisionFloors(): Promise<RevisionFloors> {
  const stored = (await browser.storage.local.get(FLOORS_KEY))[FLOORS_KEY];
  return stored && typeof stored === 'object' ? (stored as RevisionFloors) : {};
}

export async function saveStatus(status: RulesStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

/** Swap in new rules (their signed bytes, signature and key), the key's new floor and their status
 * in one write. */
export async function saveRules(entry: StoredRules, revision: number, status: RulesStatus): Promise<void> {
  const floors = await revisionFloors();
  await browser.storage.local.set({
    [RULES_KEY]: entry,
    [FLOORS_KEY]: { ...floors, [entry.publicKey]: Math.max(revision, floors[entry.publicKey] ?? 0) },
    [STATUS_KEY]: status,
  });
}
