// <input type=file>: the person picks, the browser fires `input` then `change`. Pausa warns after
// the choice (it needs the file types: a PDF alone passes), holds the files, and on Continue puts
// the same File objects back and fires the events again; on Go back the page sees a cancelled
// picker (`cancel`, as the browser fires it) and an empty input.
import { ask } from './link';
import { hasMedia, hook, stop, transferOf } from './util';

const held = new WeakSet<HTMLInputElement>();
/** Closed shadow roots by host: events from inside reach the window retargeted to the host, so a
 * drop or paste there is handed back to the element inside (see drop-paste.ts). */
export const closedRoots = new WeakMap<Element, ShadowRoot>();

// Duck-typed: an input from another realm (a same-origin frame) fails `instanceof`.
export const fileInputOf = (target: unknown): HTMLInputElement | undefined =>
  (target as HTMLInputElement | null)?.type === 'file' && (target as Element).localName === 'input'
    ? (target as HTMLInputElement)
    : undefined;

/** The same File objects into the input, and the events a choice fires (also for a drop onto it). */
export function deliver(input: HTMLInputElement, files: File[]): void {
  input.files = transferOf(files).files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function onPicked(event: Event): void {
  // Events the page (or Pausa, on Continue) dispatches carry no new choice by the person.
  if (!event.isTrusted) return;
  const input = fileInputOf(event.composedPath()[0]);
  if (!input) return;
  if (held.has(input)) {
    stop(event); // the `change` that follows the held `input`
    return;
  }
  const files = [...(input.files ?? [])];
  if (!hasMedia(files)) return;
  stop(event);
  held.add(input);
  input.value = ''; // empties a file input's files
  // `change` does not cross shadow roots, so the window listener may not see it: stop it here too.
  listen(input);
  void ask('input', files).then((go) => {
    held.delete(input);
    // Go back: the input stays empty, as after a cancelled picker.
    if (go) deliver(input, files);
    else input.dispatchEvent(new Event('cancel', { bubbles: true }));
  });
}

/**
 * Inputs that are detached from the document, or inside a shadow root, never send their events to
 * the window. When the page opens their picker (click() or showPicker()), Pausa listens on the input
 * itself, in the capture phase, which runs before the page's own non-capture listeners. (Adding
 * the same listener again adds nothing. Where the window's listener sees the event first and holds
 * it, it stops it there, so the input's never runs; where it lets it pass, the input's finds the
 * same files and lets it pass too.)
 */
export const listen = (target: EventTarget): void => {
  for (const type of ['input', 'change']) target.addEventListener(type, onPicked, true);
};

export function hookFileInputs(win: Window & typeof globalThis): void {
  listen(win);
  // Inside a closed shadow root, events reach the window retargeted to the host, so the window's
  // listeners cannot see the input: every shadow root the page makes gets the listeners too.
  hook(
    win.Element.prototype,
    'attachShadow',
    (attach) =>
      function (this: Element, init: ShadowRootInit) {
        const root = attach.call(this, init);
        listen(root);
        if (init.mode === 'closed') closedRoots.set(this, root);
        return root;
      },
  );
  // click() lives on HTMLElement.prototype; the wrapper only looks at file inputs.
  hook(
    win.HTMLElement.prototype,
    'click',
    (click) =>
      function (this: HTMLElement) {
        const input = fileInputOf(this);
        if (input) listen(input);
        return click.call(this);
      },
  );
  hook(
    win.HTMLInputElement.prototype,
    'showPicker',
    (showPicker) =>
      function (this: HTMLInputElement) {
        if (this.type === 'file') listen(this);
        return showPicker.call(this);
      },
  );
  // A click event the page dispatches at a file input opens its picker as click() does (also for
  // an input that is not on the page, whose events never reach the window).
  hook(
    win.EventTarget.prototype,
    'dispatchEvent',
    (dispatch) =>
      function (this: EventTarget, event: Event) {
        const input = fileInputOf(this);
        if (input && event.type === 'click') listen(input);
        return dispatch.call(this, event);
      },
  );
}
