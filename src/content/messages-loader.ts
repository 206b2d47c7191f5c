// C8: when the coverage says Pausa reads this page's messages, the background injects the reader
// (messages.js) into this top frame; nothing of it loads on pages C8 does not read.
import { messageWatchFor, type Coverage, type CoverageSite } from '../shared/coverage';
import { ext } from '../shared/ext';

type MessagesModule = typeof import('../messages/index');

let loaded = false;

/**
 * What the page adds between its load and the moment the reader (loaded on demand) starts
 * watching: kept, bounded, and handed to the reader, so a message that arrives in that second is
 * not missed. Returns the function that stops buffering and takes the nodes.
 */
function bufferEarly(): () => Node[] {
  const nodes: Node[] = [];
  let observer: MutationObserver | undefined;
  const begin = () => {
    observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (nodes.length < 400) nodes.push(node);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'complete') begin();
  else addEventListener('load', begin, { once: true });
  return () => {
    observer?.disconnect();
    removeEventListener('load', begin);
    return nodes.splice(0);
  };
}

function load(options: { containers?: string[]; paths?: string[] }): void {
  loaded = true;
  const early = bufferEarly();
  ext.runtime
    .sendMessage({ type: 'loadMessageWatch' })
    .then((reply: unknown) => {
      const mod = (globalThis as { pausaMessages?: MessagesModule }).pausaMessages;
      if (!mod) throw new Error(JSON.stringify(reply));
      return mod.start({ ...options, early });
    })
    .catch((error: unknown) => {
      early();
      console.error('Pausa: the message reader could not start.', error);
    });
}

export function watchForMessages(coverage: Coverage, site: CoverageSite | undefined, pageUrl: string): void {
  if (window !== window.top) return;
  const check = (url: string) => {
    if (loaded) return;
    const watch = messageWatchFor(coverage, site, url);
    if (watch) load({ ...watch, ...(site?.messages?.paths ? { paths: site.messages.paths } : {}) });
  };
  check(pageUrl);
  // A site whose messages live on some paths (instagram.com/direct/) is often reached without a
  // page load: look again when the page navigates itself.
  if (!loaded && site?.messages?.paths) {
    const navigation = (window as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('navigatesuccess', () => check(location.href));
    addEventListener('popstate', () => check(location.href));
  }
}
