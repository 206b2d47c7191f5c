// Real policy files, written where each browser reads them (../shared/BROWSER-TESTING.md), and
// always removed afterwards — also when a test fails or the process is interrupted. A policy file
// that was already there (a real admin's) is set aside and put back untouched.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Edition } from '../../../vite.config';
import { GECKO_ID, idsFor } from './ids';

const CHROMIUM_POLICY = '/etc/chromium/policies/managed/pausa-e2e-test.json';
const FIREFOX_POLICY = '/usr/lib/firefox-esr/distribution/policies.json';

const pending = new Set<() => void>();
for (const signal of ['exit', 'SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const undo of pending) undo();
    // A script with its own handler (npm start cleans up its temporary profile) exits by itself.
    if (signal !== 'exit' && process.listenerCount(signal) === 0) process.exit(130);
  });
}

/** Write `policy` for Pausa; returns the function that removes it (safe to call twice). */
export function writePolicy(
  browser: 'chromium' | 'firefox',
  policy: Record<string, unknown>,
  edition: Edition = 'store',
): () => void {
  const { chromeId, geckoId } = idsFor(edition);
  const [path, content] =
    browser === 'chromium'
      ? [CHROMIUM_POLICY, { '3rdparty': { extensions: { [chromeId]: policy } } }]
      : [FIREFOX_POLICY, { policies: { '3rdparty': { Extensions: { [geckoId]: policy } } } }];
  const backup = `${path}.pausa-e2e-backup`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path) && !existsSync(backup)) renameSync(path, backup);
    writeFileSync(path, JSON.stringify(content, null, 2));
  } catch (error) {
    throw new Error(`cannot write the test policy ${path} (the e2e tests run as root in CI)`, {
      cause: error,
    });
  }
  const undo = () => {
    pending.delete(undo);
    if (existsSync(path) && readFileSync(path, 'utf8') === JSON.stringify(content, null, 2)) rmSync(path);
    if (existsSync(backup)) renameSync(backup, path);
  };
  pending.add(undo);
  return undo;
}

/**
 * Firefox also reads managed storage from a file in the user's own home folder
 * (~/.mozilla/managed-storage/<id>.json): one a child could write. Returns the undo.
 */
export function writeUserManagedStorage(data: Record<string, unknown>): () => void {
  const path = `${process.env.HOME ?? '/root'}/.mozilla/managed-storage/${GECKO_ID}.json`;
  const content = JSON.stringify({ name: GECKO_ID, description: 'Pausa e2e', type: 'storage', data });
  const backup = `${path}.pausa-e2e-backup`;
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path) && !existsSync(backup)) renameSync(path, backup);
  writeFileSync(path, content);
  const undo = () => {
    pending.delete(undo);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) rmSync(path);
    if (existsSync(backup)) renameSync(backup, path);
  };
  pending.add(undo);
  return undo;
}
