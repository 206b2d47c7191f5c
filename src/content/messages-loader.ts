// C8: when the coverage says Pausa reads this page's messages, the background injects the reader
// (messages.js) into this top frame; nothing of it loads on pages C8 does not read.
import { messageWatchFor, type Coverage, type CoverageSite } from '../shared/coverage';
import { ext } from '../shared/ext';

type MessagesModule = typeof import('../messages/index');

let loaded = false;

function load(options: { containers?: string[]; paths?: string[] }): void {
  loaded = true;
  ext.runtime
    .sendMessage({ type: 'loadMessageWatch' })
    .then((reply: unknown) => {
      const mod = (globalThis as { pausaMessages?: MessagesModule }).pausaMessages;
      if (!mod) throw new Error(JSON.stringify(reply));
      return mod.start(options);
    })
    .catch((error: unknown) => console.error('Pausa: the message reader could not start.', error));
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
