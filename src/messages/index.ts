// C8's reader, injected by the background into a page's top frame only when C8 reads that page
// (src/content/index.ts decides; never web-accessible). It compiles the rules' vocabulary, reads
// text the page adds after load (./watch.ts), scores each conversation's recent messages with the
// pure matcher (../shared/extortion.ts) and shows the help panel. The text stays in this page:
// nothing of it is sent or stored, only a hash of the conversation's address with the time the
// panel was shown or "Not a threat" was chosen.
import browser from 'webextension-polyfill';
import { MESSAGE_RULES_KEY } from '../shared/coverage';
import {
  unpackLexicon,
  ConversationWindows,
  PACKED_FORMAT,
  PANEL_INTERVAL_MS,
  type PackedLexicon,
} from '../shared/extortion';
import { translator } from '../shared/i18n';
import type { HelpContacts, Reply } from '../shared/messages';
import { isPanelOpen, showPanel } from './mount';
import type { PanelTexts } from './Panel';
import { panelTexts } from './texts';
import { watchMessages } from './watch';

export const PANELS_KEY = 'extortionPanels';
/** Conversations' panel records older than this are forgotten. */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

type PanelRecord = { shownAt?: number; dismissed?: boolean };

let started = false;

export async function start(options: {
  containers?: string[];
  paths?: string[];
  /** What the page added since it loaded, before this reader started (../content/messages-loader.ts). */
  early?: () => Node[];
}): Promise<void> {
  if (started) return;
  started = true;
  const stored = await browser.storage.local.get(MESSAGE_RULES_KEY);
  const packed = stored[MESSAGE_RULES_KEY] as PackedLexicon | null | undefined;
  // None (C8 turned off meanwhile), or packed by another version of Pausa (the background packs
  // again when it updates): nothing to read with.
  if (packed?.format !== PACKED_FORMAT) {
    options.early?.();
    return;
  }
  const lex = unpackLexicon(packed);
  const windows = new ConversationWindows(lex);
  watchMessages({
    ...options,
    onMessage: (text) => {
      const conversation = currentConversation();
      // A site read on some paths only (its direct messages): the page may have navigated away.
      if (options.paths && !options.paths.some((p) => conversation.path.startsWith(p))) return;
      const verdict = windows.add(conversation.key, text, Date.now());
      if (verdict.fire) void offerHelp(conversation.key, verdict.distress);
    },
  });
}

/** Each page address (path included) is its own conversation (SPEC §6.7). Read from `location`
 * at most every 200 ms: a burst of messages all belongs to the page they arrived on. */
let conversationCache = { at: 0, key: '', path: '' };
function currentConversation(): { key: string; path: string } {
  const now = Date.now();
  if (now - conversationCache.at > 200) {
    const { origin, pathname } = location;
    conversationCache = { at: now, key: `${origin}${pathname}`, path: pathname };
  }
  return conversationCache;
}

/** A short hash of the conversation's address: the address itself is never stored. (Not
 * WebCrypto: Firefox's content-script wrappers refuse its buffers here.) cyrb53, 53 bits. */
export function conversationId(conversation: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < conversation.length; i++) {
    const c = conversation.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

async function records(): Promise<Record<string, PanelRecord>> {
  const stored = (await browser.storage.local.get(PANELS_KEY))[PANELS_KEY];
  return stored && typeof stored === 'object' ? (stored as Record<string, PanelRecord>) : {};
}

async function remember(id: string, record: PanelRecord): Promise<void> {
  const now = Date.now();
  const all = await records();
  all[id] = { ...all[id], ...record };
  // Forget conversations not seen for a month (those marked "Not a threat" stay).
  const kept = Object.entries(all).filter(
    ([, value]) => value.dismissed || (value.shownAt ?? 0) >= now - KEEP_MS,
  );
  await browser.storage.local.set({ [PANELS_KEY]: Object.fromEntries(kept) });
}

let offering = false;

async function offerHelp(conversation: string, distress: boolean): Promise<void> {
  if (offering || isPanelOpen()) return;
  offering = true;
  try {
    const id = conversationId(conversation);
    const record = (await records())[id];
    if (record?.dismissed) return;
    if (record?.shownAt && Date.now() - record.shownAt < PANEL_INTERVAL_MS) return;
    await remember(id, { shownAt: Date.now() });
    const contacts = (await browser.runtime.sendMessage({
      type: 'helpContacts',
      distress,
    })) as Reply<'helpContacts'>;
    if ('error' in contacts) throw new Error(contacts.error);
    const texts = await translate(contacts);
    offering = false;
    const outcome = await showPanel({ texts, contacts: contacts.contacts, distress });
    if (outcome === 'not-threat') await remember(id, { dismissed: true });
    if (outcome === 'more-help') await browser.runtime.sendMessage({ type: 'openHelp' });
  } catch (error) {
    console.error(`Pausa: the help panel could not be shown: ${String(error)}`, error);
  } finally {
    offering = false;
  }
}

async function translate(contacts: HelpContacts): Promise<PanelTexts> {
  const load = async (locale: string) => {
    const reply = (await browser.runtime.sendMessage({
      type: 'getMessages',
      locale,
    })) as Reply<'getMessages'>;
    if ('error' in reply) throw new Error(reply.error);
    return reply.messages;
  };
  const t = await translator(contacts.language, load, (key, subs) => browser.i18n.getMessage(key, subs));
  return panelTexts(t, contacts.emergency);
}
