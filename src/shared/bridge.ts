// The private channel between the main-world hook and the isolated content script.
//
// Both scripts run at document_start, before any page script, in an order neither knows. Each
// listens first, then announces itself; whichever runs second completes the link. The main world
// then makes a detached element that only the two scripts hold, and every later message is a
// CustomEvent on that element, with a JSON string as detail (strings cross worlds in both
// browsers, objects do not). The page never holds the element, so it cannot read or forge these
// messages. The page can still replace our hooks in its own world; that only turns off its own
// warning, which it could do by not calling the hooked API at all.

export const HELLO_EVENT = 'pausa:hello';
export const LINK_EVENT = 'pausa:link';
// Short names: every byte of the main-world script loads on every covered page.
export const TO_CONTENT = 'pausa:c';
export const TO_MAIN = 'pausa:m';

/** What is being shared. `via` says which API the page used; what is shared follows from it
 * (`kindOf`), so the main world sends only `via`. */
export type ShareKind = 'files' | 'camera' | 'screen';
export type ShareVia = 'input' | 'drop' | 'paste' | 'picker' | 'camera' | 'screen';
export const kindOf = (via: ShareVia): ShareKind => (via === 'camera' || via === 'screen' ? via : 'files');

/** `n`: how many files the share holds; the File objects themselves ride on a file input inside
 * the link element (see ../main-world/link.ts), where the content script reads them. */
export type ToContent = { t: 'ask'; id: number; via: ShareVia; n: number };

export type ToMain =
  { t: 'answer'; id: number; go: boolean } | { t: 'media'; mimePrefixes: string[]; extensions: string[] };
