// Smart mode's check, seen from the background (SPEC C9). Chrome: the offscreen document, made on
// demand and closed after a minute without use (an alarm, since the service worker may sleep
// before a timer fires). Firefox: the background page itself has a DOM and WebAssembly, so the
// classifier module is loaded here, on the first check.
import browser from 'webextension-polyfill';
import type { FileResult } from '../classifier/check';
import { OFFSCREEN_TARGET, type OffscreenRequest } from '../classifier/protocol';
import { serial } from '../shared/serial';

export const OFFSCREEN_ALARM = 'pausa-offscreen-idle';
const OFFSCREEN_URL = 'src/offscreen/index.html';
const IDLE_MS = 60_000;
let lastUse = 0;

const ensureOffscreen = serial(async (): Promise<void> => {
  const url = chrome.runtime.getURL(OFFSCREEN_URL);
  const existing = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  if (existing.length > 0) return;
  await chrome.offscreen.createDocument({
    url: OFFSCREEN_URL,
    reasons: [chrome.offscreen.Reason.BLOBS],
    justification: 'Smart mode checks a photo the person is about to share, on this device.',
  });
});

async function toOffscreen(request: OffscreenRequest): Promise<unknown> {
  lastUse = Date.now();
  await ensureOffscreen();
  await browser.alarms.create(OFFSCREEN_ALARM, { delayInMinutes: 1 });
  try {
    return await browser.runtime.sendMessage(request);
  } finally {
    lastUse = Date.now();
  }
}

/** The alarm: close the offscreen document (and free the model's memory) after a minute idle. */
export async function closeIfIdle(): Promise<void> {
  if (Date.now() - lastUse < IDLE_MS && lastUse !== 0) {
    await browser.alarms.create(OFFSCREEN_ALARM, { delayInMinutes: 1 });
    return;
  }
  await chrome.offscreen.closeDocument().catch(() => undefined);
}

type Classifier = typeof import('../classifier/check');
let local: Promise<Classifier> | undefined;
const classifier = () => (local ??= import('../classifier/check'));

/** Each file's check, in order. Throws if the classifier cannot be reached. */
export async function checkFiles(files: Blob[]): Promise<FileResult[]> {
  if (import.meta.env.BROWSER === 'firefox') {
    return (await classifier()).checkFiles(browser.runtime.getURL(''), files);
  }
  const reply = (await toOffscreen({ target: OFFSCREEN_TARGET, type: 'check', files })) as
    FileResult[] | { error: string } | undefined;
  if (!Array.isArray(reply)) throw new Error(`no answer from the classifier: ${reply?.error ?? 'none'}`);
  return reply;
}
