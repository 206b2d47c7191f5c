// The extension API for the content script, without webextension-polyfill: the content script
// starts on every page of a busy site, and both browsers' MV3 APIs already return promises for the
// few calls it makes (storage.local.get, runtime.sendMessage, runtime.getURL). Extension pages and
// the background use the polyfill.
import type Browser from 'webextension-polyfill';

type Global = { browser?: Browser.Browser; chrome?: Browser.Browser };
const g = globalThis as unknown as Global;

export const ext = (g.browser ?? g.chrome) as Browser.Browser;
