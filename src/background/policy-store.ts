// Reads managed policy (Chrome: storage.managed with managed_schema.json; Firefox: policies.json
// `3rdparty`). A browser with no policy answers with an error or {}: both mean "no policy".
import browser from 'webextension-polyfill';
import { readPolicy, type PolicyRead } from '../shared/policy';

export async function readManagedPolicy(): Promise<PolicyRead> {
  let raw: unknown = {};
  try {
    raw = await browser.storage.managed.get();
  } catch {
    // Firefox rejects when no policy names this extension.
  }
  const read = readPolicy(raw);
  for (const problem of read.problems) console.warn(`Pausa: ${problem}`);
  return read;
}
