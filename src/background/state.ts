// The background's view of settings, the parental lock and policy. Nothing is kept in module
// memory between events: an MV3 service worker (or Firefox event page) can be stopped at any time.
import { effectiveConfig, type Config } from '../shared/config';
import { parentLayer } from '../shared/lock';
import { readLock } from './lock';
import { readManagedPolicy } from './policy-store';
import { currentSettings } from './settings-store';

export { currentRules } from './rules-store';
export { currentSettings };

/** The configuration in force, and the policy values that were ignored (with their reasons). */
export async function currentState(): Promise<{ config: Config; policyProblems: string[] }> {
  const [settings, lock, { policy, problems }] = await Promise.all([
    currentSettings(),
    readLock(),
    readManagedPolicy(),
  ]);
  return {
    config: effectiveConfig({ settings, parent: parentLayer(lock), policy }),
    policyProblems: problems,
  };
}

export const currentConfig = async (): Promise<Config> => (await currentState()).config;
