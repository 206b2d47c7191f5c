// Chrome's offscreen document (SPEC C9): the background's service worker cannot keep a model in
// memory (it sleeps) or load one (no import() there), so the check runs here. Created by the
// background on the first smart-mode share and closed after a minute without use. It answers only
// the background (a message from a tab is not for it).
import browser from 'webextension-polyfill';
import { checkFiles } from '../classifier/check';
import { OFFSCREEN_TARGET, type OffscreenRequest } from '../classifier/protocol';

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const request = message as OffscreenRequest | undefined;
  if (request?.target !== OFFSCREEN_TARGET || sender.id !== browser.runtime.id || sender.tab)
    return undefined;
  return checkFiles(browser.runtime.getURL(''), request.files).catch((error: unknown) => ({
    error: String(error),
  }));
});
