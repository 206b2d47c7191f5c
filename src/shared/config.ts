// The configuration in force: policy > parent lock > the person's settings > defaults (SPEC C7),
// merged in one pure function.
import type { Policy, Resource } from './policy';
import type { Sensitivity } from './smart';
import { defaultSettings, type AgeGroup, type Mode, type Settings } from './settings';
import { DEFAULT_RULES_PUBLIC_KEY, DEFAULT_RULES_URL } from '../rules/source';

export interface Config {
  mode: Mode;
  /** Smart mode: how readily the on-device check warns. */
  sensitivity: Sensitivity;
  /** Match patterns covered on top of the rules' sites. */
  extraSites: string[];
  /** Site ids (from the rules) or host names that are not covered. */
  disabledSites: string[];
  allSites: boolean;
  allowContinue: boolean;
  continueDelaySeconds: number;
  rulesUrl: string;
  rulesPublicKey: string;
  rulesUpdateHours: number;
  language: Settings['language'];
  country: string;
  ageGroup: AgeGroup;
  /** The organisation's own help contacts, shown first. */
  extraResources: Resource[];
  detectExtortionMessages: boolean;
  /** Which settings the organisation set: shown disabled, "Set by your organization". */
  managed: Array<keyof Policy>;
  /** policy `locked`: every setting is read-only. */
  locked: boolean;
}

/** Strict mode keeps Continue, after this many seconds, unless policy says otherwise. */
export const STRICT_DELAY_SECONDS = 10;
export const DEFAULT_UPDATE_HOURS = 12;

export function effectiveConfig(input: {
  settings?: Settings;
  parent?: Partial<Settings>;
  policy?: Policy;
}): Config {
  const policy = input.policy ?? {};
  const person = { ...defaultSettings, ...input.settings, ...input.parent };
  const mode = policy.mode ?? person.mode;
  const union = (a: readonly string[], b: readonly string[] = []) => [...new Set([...a, ...b])];
  return {
    mode,
    sensitivity: policy.smartSensitivity ?? person.sensitivity,
    extraSites: union(person.extraSites, policy.extraSites),
    disabledSites: union(person.disabledSites, policy.disabledSites),
    allSites: policy.allSites ?? false,
    allowContinue: policy.allowContinue ?? true,
    continueDelaySeconds: policy.continueDelaySeconds ?? (mode === 'strict' ? STRICT_DELAY_SECONDS : 0),
    rulesUrl: policy.rulesUrl ?? DEFAULT_RULES_URL,
    rulesPublicKey: policy.rulesPublicKey ?? DEFAULT_RULES_PUBLIC_KEY,
    rulesUpdateHours: Math.max(1, policy.rulesUpdateHours ?? DEFAULT_UPDATE_HOURS),
    language: policy.language ?? person.language,
    country: policy.country ?? person.country,
    ageGroup: person.ageGroup,
    extraResources: policy.extraResources ?? [],
    detectExtortionMessages: policy.detectExtortionMessages ?? person.detectExtortionMessages,
    managed: Object.keys(policy) as Array<keyof Policy>,
    locked: policy.locked ?? false,
  };
}

const MODE_ORDER: Mode[] = ['off', 'smart', 'every-share', 'strict'];
const SENSITIVITY_ORDER: Sensitivity[] = ['low', 'standard', 'high'];

/**
 * While a parental lock is on, policy may only make Pausa stricter (issue #10 item 4): Firefox also
 * reads managed storage from files in the user's own profile folder (and, on Windows, the user's
 * registry), which a child can write. A stricter mode or sensitivity, no Continue, a longer
 * countdown, more sites, every site, the help panel on, and neutral keys (language, country, the
 * organisation's contacts) apply; anything that would loosen the lock is dropped with its reason.
 * Policy `overrideParentLock: true` is the organisation's explicit word that its policy wins.
 */
export function constrainPolicy(policy: Policy, locked: Config): { policy: Policy; problems: string[] } {
  if (policy.overrideParentLock) return { policy, problems: [] };
  const out: Policy = { ...policy };
  const problems: string[] = [];
  const drop = (key: keyof Policy) => {
    if (out[key] === undefined) return;
    out[key] = undefined;
    problems.push(`policy ${key}: ignored while the parental lock is on (it would loosen it)`);
  };
  if (out.mode && MODE_ORDER.indexOf(out.mode) < MODE_ORDER.indexOf(locked.mode)) drop('mode');
  if (
    out.smartSensitivity &&
    SENSITIVITY_ORDER.indexOf(out.smartSensitivity) < SENSITIVITY_ORDER.indexOf(locked.sensitivity)
  )
    drop('smartSensitivity');
  if (out.allowContinue === true && !locked.allowContinue) drop('allowContinue');
  if (out.continueDelaySeconds !== undefined && out.continueDelaySeconds < locked.continueDelaySeconds)
    drop('continueDelaySeconds');
  if (out.disabledSites?.length) drop('disabledSites');
  if (out.detectExtortionMessages === false && locked.detectExtortionMessages)
    drop('detectExtortionMessages');
  // Another rules source could cover no sites at all.
  for (const key of ['rulesUrl', 'rulesPublicKey', 'rulesUpdateHours'] as const) drop(key);
  const kept = Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
  return { policy: kept as Policy, problems };
}
