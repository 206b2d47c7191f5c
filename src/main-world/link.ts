// The main world's end of the private channel (see ../shared/bridge.ts).
import { HELLO_EVENT, LINK_EVENT, TO_CONTENT, TO_MAIN, type ShareVia, type ToMain } from '../shared/bridge';
import { transferOf } from './util';

// Saved before any page script runs, so a page that later replaces them cannot read our messages.
const dispatch = EventTarget.prototype.dispatchEvent;
const PageCustomEvent = CustomEvent;
const { parse, stringify } = JSON;

/** Media rules: the content script sends them as it links (the bundled ones, then any newer).
 * Empty until then, when nothing could show a warning anyway (see `ask`): every byte here loads on
 * every covered page, so the list is not bundled twice. */
export const media: { mimePrefixes: string[]; extensions: string[] } = { mimePrefixes: [], extensions: [] };

const node = document.createElement('pausa-link');
let linked = false;
let nextId = 1;
const waiting = new Map<number, (go: boolean) => void>();

function announce(): void {
  const parent = document.documentElement ?? document;
  parent.appendChild(node);
  dispatch.call(node, new PageCustomEvent(LINK_EVENT, { bubbles: true }));
  node.remove();
}

function onMessage(event: Event): void {
  let msg: ToMain;
  try {
    msg = parse((event as CustomEvent<string>).detail) as ToMain; // (parse makes a string of anything)
  } catch {
    return;
  }
  if (!linked) {
    linked = true;
    document.removeEventListener(HELLO_EVENT, announce);
  }
  if (msg.t === 'answer') {
    waiting.get(msg.id)?.(msg.go === true);
    waiting.delete(msg.id);
  } else {
    // `media`, the only other message. Only the content script holds the link element: its
    // messages need no second check. It carries the two lists (and its `t`, which nothing reads).
    Object.assign(media, msg);
  }
}

export function startLink(): void {
  node.addEventListener(TO_MAIN, onMessage);
  document.addEventListener(HELLO_EVENT, announce);
  announce();
}

/**
 * Ask the content script whether this share may go on. Resolves true for Continue, false for Go
 * back. Without a linked content script nothing can show the warning, so the share goes on
 * (holding the person's files with no way to release them would lose them); this happens only if
 * the extension's isolated script failed to load, and is logged.
 */
export function ask(via: ShareVia, files: File[] = []): Promise<boolean> {
  if (!linked) {
    console.warn('Pausa: not linked');
    return Promise.resolve(true);
  }
  const id = nextId++;
  // The files themselves, for smart mode's check, ride on a file input inside the link element,
  // which only the two scripts hold: the content script takes them while this event is dispatched.
  const input = document.createElement('input');
  input.type = 'file';
  input.files = transferOf(files as File[]).files;
  node.replaceChildren(input);
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    const detail = stringify({ t: 'ask', id, via, n: files.length });
    dispatch.call(node, new PageCustomEvent(TO_CONTENT, { detail }));
    node.replaceChildren();
  });
}
