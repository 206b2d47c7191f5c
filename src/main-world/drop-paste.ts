// Drag-and-drop and paste: the files ride on the event itself. Pausa stops a trusted event that
// carries media before any page listener, and on Continue dispatches the same kind of event at
// the same target with a DataTransfer holding the same File objects and text. On Go back a drop
// zone gets `dragleave`, so it does not stay highlighted; a paste simply does not happen.
import { ask } from './link';
import { hasMedia, stop, transferOf } from './util';

// Where the drop happened and which keys were held, so the page's drop zone sees the same drop.
const POINTER_KEYS = [
  'clientX',
  'clientY',
  'screenX',
  'screenY',
  'ctrlKey',
  'shiftKey',
  'altKey',
  'metaKey',
] as const;

type Held = { files: File[]; strings: Array<[string, string]> };

function take(dt: DataTransfer | null): Held {
  const strings: Array<[string, string]> = [];
  if (!dt) return { files: [], strings };
  for (const item of Array.from(dt.items)) {
    if (item.kind === 'string') strings.push([item.type, dt.getData(item.type)]);
  }
  return { files: Array.from(dt.files), strings };
}

/** A synthetic event whose dataTransfer/clipboardData the page reads as ours. Firefox drops a
 * DataTransfer passed in the constructor of a ClipboardEvent, so the property is defined on the
 * event itself, which both browsers honour for page scripts. */
function withData<E extends Event>(event: E, key: 'dataTransfer' | 'clipboardData', dt: DataTransfer): E {
  Object.defineProperty(event, key, { value: dt, configurable: true });
  return event;
}

export function hookDropAndPaste(win: Window & typeof globalThis): void {
  win.addEventListener(
    'drop',
    (event) => {
      if (!event.isTrusted) return;
      const held = take(event.dataTransfer);
      if (!hasMedia(held.files)) return;
      stop(event);
      const target = event.composedPath()[0] ?? event.target ?? win.document;
      const init: DragEventInit = { bubbles: true, cancelable: true, composed: true };
      for (const key of POINTER_KEYS) (init as Record<string, unknown>)[key] = event[key];
      void ask('files', 'drop', held.files).then((go) => {
        const dt = go ? transferOf(held.files, held.strings) : new DataTransfer();
        const type = go ? 'drop' : 'dragleave';
        target.dispatchEvent(
          withData(new DragEvent(type, { ...init, dataTransfer: dt }), 'dataTransfer', dt),
        );
      });
    },
    true,
  );
  win.addEventListener(
    'paste',
    (event) => {
      if (!event.isTrusted) return;
      const held = take(event.clipboardData);
      if (!hasMedia(held.files)) return;
      stop(event);
      const target = event.composedPath()[0] ?? event.target ?? win.document;
      void ask('files', 'paste', held.files).then((go) => {
        if (!go) return;
        const dt = transferOf(held.files, held.strings);
        const init = { bubbles: true, cancelable: true, composed: true, clipboardData: dt };
        target.dispatchEvent(withData(new ClipboardEvent('paste', init), 'clipboardData', dt));
      });
    },
    true,
  );
}
