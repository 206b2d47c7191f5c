// The warning module, loaded by the content script only when a share needs it. It asks the
// background whether to warn (mode, policy), shows the warning and reports the answer.
import browser from 'webextension-polyfill';
import type { Reply, ShareRequest, WarningPlan } from '../shared/messages';
import { LAST_PLAN_KEY, type LastPlan } from '../shared/coverage';
import { decide } from '../shared/decide';
import { translator } from '../shared/i18n';
import { showWarning } from './mount';
import { warningTexts } from './texts';

/** If the background cannot answer (asleep too long, restarting), warn with the last plan it
 * wrote (see ../shared/coverage.ts); only if there is none, with the defaults. */
const DEFAULT_PLAN: WarningPlan = {
  warn: true,
  allowContinue: true,
  continueDelaySeconds: 0,
  mode: 'every-share',
};

async function lastKnownPlan(share: ShareRequest): Promise<WarningPlan> {
  try {
    const stored = (await browser.storage.local.get(LAST_PLAN_KEY))[LAST_PLAN_KEY] as LastPlan | undefined;
    if (!stored || typeof stored.allowContinue !== 'boolean') return DEFAULT_PLAN;
    return {
      // The same rule the background applies, with the settings it last wrote.
      ...decide(share, { ...DEFAULT_PLAN, ...stored }),
      // Smart mode could not check anything: say so.
      ...(stored.mode === 'smart' && share.kind === 'files' ? { reason: 'unsure' as const } : {}),
    };
  } catch {
    return DEFAULT_PLAN;
  }
}

/** A message to the background that gives up (resolves undefined) after `ms`. */
function send(message: unknown, ms: number): Promise<unknown> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, ms));
  return Promise.race([browser.runtime.sendMessage(message), timeout]);
}

/** How long the content script waits for a decision: smart mode's check may take up to 3 s. */
const DECIDE_TIMEOUT_MS = 5000;

async function plan(share: ShareRequest, files: File[]): Promise<WarningPlan> {
  try {
    const message = { type: 'decide', share, ...(files.length ? { data: files } : {}) };
    const reply = (await send(message, DECIDE_TIMEOUT_MS)) as Reply<'decide'> | undefined;
    if (reply && !('error' in reply)) return reply;
    console.error('Pausa: no decision from the background; warning with the last known settings.', reply);
  } catch (error) {
    console.error('Pausa: no decision from the background; warning with the last known settings.', error);
  }
  return lastKnownPlan(share);
}

export async function runWarning(share: ShareRequest, files: File[] = []): Promise<boolean> {
  const decided = await plan(share, files);
  if (decided.refuse) {
    console.info('Pausa: camera refused quietly (Go back a moment ago in this frame).');
    return false;
  }
  if (!decided.warn) return true;
  // Held open while the warning is shown: if this frame goes away unanswered, the background frees
  // the tab's next warning at once instead of making it wait.
  const port =
    decided.ticket === undefined
      ? undefined
      : browser.runtime.connect({ name: `pausa-warning:${decided.ticket}` });
  try {
    const go = (await showInTop(share, decided)) ?? (await showPlanned(share, decided));
    // Awaited (briefly): after Continue on a call control, the background must know before the
    // call's own camera request arrives.
    const answered = {
      type: 'answered',
      kind: share.kind,
      choice: go ? 'continue' : 'back',
      ticket: decided.ticket,
    };
    await send(answered, 1000).catch(() => undefined);
    return go;
  } finally {
    port?.disconnect();
  }
}

/** The smallest frame the warning fits in (it reflows down to 320 px wide). */
const MIN_WIDTH = 320;
const MIN_HEIGHT = 280;

/**
 * Whether this frame cannot show the warning where the person would see it: a frame smaller than
 * the warning (a 1 px or hidden upload frame), or one its same-origin parent hid or made
 * transparent. A cross-origin parent's styles cannot be read from here: only the size counts then.
 */
function tooSmallToShow(): boolean {
  if (window === window.top) return false;
  if (innerWidth < MIN_WIDTH || innerHeight < MIN_HEIGHT) return true;
  try {
    const frame = window.frameElement;
    if (!frame) return false;
    const style = getComputedStyle(frame);
    return style.visibility === 'hidden' || Number(style.opacity) < 0.1;
  } catch {
    return false;
  }
}

/** The answer from the top frame's warning, or undefined when this frame should show it itself. */
async function showInTop(share: ShareRequest, decided: WarningPlan): Promise<boolean | undefined> {
  if (decided.ticket === undefined || !tooSmallToShow()) return undefined;
  try {
    const plan = { ...decided, warn: true, ticket: decided.ticket };
    const reply = (await browser.runtime.sendMessage({ type: 'warnInTop', share, plan })) as
      Reply<'warnInTop'> | undefined;
    return reply && !('error' in reply) && reply.shown ? reply.go === true : undefined;
  } catch {
    return undefined;
  }
}

/** Show a decided warning in this frame and wait for the answer (also for a frame that handed its
 * warning to this top frame: see ../content/warning-loader.ts). */
export async function showPlanned(share: ShareRequest, decided: WarningPlan): Promise<boolean> {
  // The background reads the messages: a page's content script cannot fetch extension files
  // that are not web-accessible, and Pausa keeps its locale files private.
  const load = async (locale: string) => {
    const reply = (await send({ type: 'getMessages', locale }, 2000)) as Reply<'getMessages'> | undefined;
    if (!reply || 'error' in reply) throw new Error(reply?.error ?? 'no answer');
    return reply.messages;
  };
  const t = await translator(decided.language, load, (key, subs) => browser.i18n.getMessage(key, subs));
  return showWarning({
    kind: share.kind,
    texts: warningTexts(share.kind, t, decided.reason),
    allowContinue: decided.allowContinue,
    continueDelaySeconds: decided.continueDelaySeconds,
    onHelp: () => void browser.runtime.sendMessage({ type: 'openHelp' }).catch(() => undefined),
  });
}
