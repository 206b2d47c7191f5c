// Keeps the rules current (SPEC C6): checks at start-up, when the rules URL changes, and on a
// schedule (alarms; policy `rulesUpdateHours`, at least hourly). No cookies, a timeout, a size cap,
// exponential backoff with jitter; a download is used only if evaluateUpdate accepts it, and every
// outcome is recorded for the options page.
//
// Conditional requests: `cache: 'no-cache'` makes the browser revalidate its cached copy with
// If-None-Match / If-Modified-Since itself. Setting If-None-Match by hand would make the request
// non-simple, and the CORS preflight that follows fails on plain static hosts. The rules host must
// send `Access-Control-Allow-Origin: *` (static hosts such as GitHub Pages do), because the
// extension holds no host permission for it.
import browser from 'webextension-polyfill';
import type { Config } from '../shared/config';
import { evaluateUpdate, MAX_RULES_BYTES, retryDelayMinutes } from '../shared/rules-update';
import type { Rules } from '../shared/rules';
import { floorFor } from '../shared/rules-stored';
import { bundled, loadRules, revisionFloors, saveRules, saveStatus, type RulesStatus } from './rules-store';
import { serial } from '../shared/serial';

export const CHECK_ALARM = 'rules-check';
export const RETRY_ALARM = 'rules-retry';
const TIMEOUT_MS = 15_000;

class CheckError extends Error {}

/** Read a response body, giving up past `cap` bytes (a server may lie about Content-Length). */
async function readCapped(response: Response, cap: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > cap) throw new CheckError('too-large');
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > cap) {
      await reader.cancel();
      throw new CheckError('too-large');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function get(url: string): Promise<Response> {
  try {
    return await fetch(url, {
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CheckError(`network: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** One check. Returns the new status, and the new rules if they were swapped in. Checks run one
 * at a time, so a slow older download can never be saved over a newer one. */
export const checkRules = serial(
  async (config: Config): Promise<{ status: RulesStatus; updated?: Rules }> => {
    const { status } = await loadRules(config.rulesPublicKey);
    // A build without a rules URL, and no policy `rulesUrl`: nothing to check, nothing failed.
    if (!config.rulesUrl) {
      const unset = { ...status, url: '', lastError: null, failures: 0 };
      await saveStatus(unset);
      return { status: unset };
    }
    // The revision to beat belongs to the key: a new key starts from the bundled rules.
    const floor = floorFor(await revisionFloors(), config.rulesPublicKey, bundled.revision);
    const now = Date.now();
    try {
      const response = await get(config.rulesUrl);
      if (!response.ok) throw new CheckError(`network: ${response.status}`);
      const bytes = await readCapped(response, MAX_RULES_BYTES);
      const sigResponse = await get(`${config.rulesUrl}.sig`);
      if (!sigResponse.ok)
        throw new CheckError(`signature: no ${config.rulesUrl}.sig (${sigResponse.status})`);
      const signature = new TextDecoder().decode(await readCapped(sigResponse, 1024));
      const verdict = await evaluateUpdate({
        bytes,
        signature,
        publicKey: config.rulesPublicKey,
        currentRevision: floor,
        now: new Date(now),
      });
      if (!verdict.ok && !verdict.upToDate) throw new CheckError(verdict.reason);
      const next: RulesStatus = {
        ...status,
        lastCheck: now,
        lastSuccess: now,
        lastError: null,
        failures: 0,
        url: config.rulesUrl,
      };
      if (!verdict.ok) {
        await saveStatus(next);
        return { status: next };
      }
      const swapped = { ...next, revision: verdict.rules.revision, source: 'download' as const };
      // Kept byte for byte (a BOM too), so the signature verifies again on every load.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const entry = { text, signature, publicKey: config.rulesPublicKey };
      await saveRules(entry, verdict.rules.revision, swapped);
      return { status: swapped, updated: verdict.rules };
    } catch (error) {
      const reason = error instanceof CheckError ? error.message : `error: ${String(error)}`;
      console.warn(`Pausa: rules update rejected or failed (${reason}); the rules in use stay.`);
      const failed = { ...status, lastCheck: now, lastError: reason, failures: status.failures + 1 };
      await saveStatus(failed);
      await browser.alarms.create(RETRY_ALARM, {
        delayInMinutes: retryDelayMinutes(failed.failures, config.rulesUpdateHours * 60),
      });
      return { status: failed };
    }
  },
);

/** The regular check, every `rulesUpdateHours` (re-created when the period changes). */
export async function scheduleChecks(config: Config): Promise<void> {
  if (!config.rulesUrl) {
    await browser.alarms.clear(CHECK_ALARM);
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  const period = Math.max(60, config.rulesUpdateHours * 60);
  const existing = await browser.alarms.get(CHECK_ALARM);
  if (existing?.periodInMinutes !== period) {
    await browser.alarms.create(CHECK_ALARM, { periodInMinutes: period, delayInMinutes: period });
  }
}
