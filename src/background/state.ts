// The background's view of settings, the parental lock and policy. Nothing is kept in module
// memory between events: an MV3 service worker (or Firefox event page) can be stopped at any time.
import { constrainPolicy, effectiveConfig, type Config } from '../shared/config';
import { parentLayer } from '../shared/lock';
import type { Rules } from '../shared/rules';
import { readLock } from './lock';
import { loadRules } from './rules-store';
import { readManagedPolicy } from './policy-store';
import { currentSettings } from './settings-store';

export { currentSettings };

/** The configuration in force, and the policy values that were ignored (with their reasons). */
export async function currentState(): Promise<{ config: Config; policyProblems: string[] }> {
  const [settings, lock, { policy, problems }] = await Promise.all([
    currentSettings(),
    readLock(),
    readManagedPolicy(),
  ]);
  const parent = parentLayer(lock);
  // A parental lock: policy may only tighten it, unless the organisation says otherwise.
  const constrained = parent
    ? constrainPolicy(policy, effectiveConfig({ settings, parent }))
    : { policy, problems: [] };
  return {
    config: effectiveConfig({ settings, parent, policy: constrained.policy }),
    policyProblems: [...problems, ...constrained.problems],
  };
}

export const currentConfig = async (): Promise<Config> => (await currentState()).config;

/** The rules in use, with the rules key in force (built in, or policy `rulesPublicKey`). */
export const currentRules = async (): Promise<Rules> =>
  (await loadRules((await currentConfig()).rulesPublicKey)).rules;
