// Drag-and-drop and paste: the files ride on the event itself. Pausa stops a trusted event that
// carries media before any page listener, and on Continue dispatches the same kind of event at
// the same target with a DataTransfer holding the same File objects and text. On Go back a drop
// zone gets `dragleave`, so it does not stay highlighted; a paste simply does not happen.
import { ask } from './link';
import { hasMedia, hook, stop, transferOf } from './util';

// Where the drop happened and which keys were held, so the page's drop zone sees the same drop.
const POINTER_KEYS = 'clientX clientY screenX screenY ctrlKey shiftKey altKey metaKey'.split(' ');

type Item = DataTransferItem & { getAsFileSystemHandle?(): Promise<unknown> };

/**
 * Chromium: a dropped file's FileSystemHandle, which libraries read from the drop's items
 * (react-dropzone's file-selector does, and fails without it). Asked for during the person's drop,
 * the only moment the browser gives it, and handed out again for the same File after Continue.
 */
const handles = new WeakMap<File, Promise<unknown>>();

function take(dt: DataTransfer | null) {
  const strings: Array<[string, string]> = [];
  const fileItems: Item[] = [];
  for (const item of Array.from(dt?.items ?? [])) {
    if (item.kind === 'string') strings.push([item.type, dt!.getData(item.type)]);
    else fileItems.push(item);
  }
  return { files: Array.from(dt?.files ?? []), strings, fileItems };
}

/** A synthetic event whose dataTransfer/clipboardData the page reads as ours. Firefox drops a
 * DataTransfer passed in the constructor of a ClipboardEvent, so the property is defined on the
 * event itself, which both browsers honour for page scripts. */
function withData<E extends Event>(event: E, key: string, dt: DataTransfer): E {
  Object.defineProperty(event, key, { value: dt, configurable: true });
  return event;
}

function onDropOrPaste(event: Event): void {
  if (!event.isTrusted) return;
  const drop = event.type === 'drop';
  const key = drop ? 'dataTransfer' : 'clipboardData';
  const held = take((event as unknown as Record<string, DataTransfer | null>)[key] ?? null);
  if (!hasMedia(held.files)) return;
  stop(event);
  // Only for a drop Pausa holds, and now: the browser gives handles only during the event.
  for (const item of held.fileItems) {
    const handle = item.getAsFileSystemHandle?.();
    if (handle) handles.set(item.getAsFile()!, handle);
  }
  const target = event.composedPath()[0] ?? event.target ?? document;
  const init: Record<string, unknown> = { bubbles: true, cancelable: true, composed: true };
  if (drop) for (const k of POINTER_KEYS) init[k] = (event as unknown as Record<string, unknown>)[k];
  void ask('files', drop ? 'drop' : 'paste', held.files).then((go) => {
    if (!go && !drop) return;
    const dt = (init[key] = go ? transferOf(held.files, held.strings) : new DataTransfer());
    const next = drop ? new DragEvent(go ? 'drop' : 'dragleave', init) : new ClipboardEvent('paste', init);
    target.dispatchEvent(withData(next, key, dt));
  });
}

export function hookDropAndPaste(win: Window & typeof globalThis): void {
  win.addEventListener('drop', onDropOrPaste, true);
  win.addEventListener('paste', onDropOrPaste, true);
  hook(
    win.DataTransferItem.prototype as Item,
    'getAsFileSystemHandle',
    (original) =>
      ({
        getAsFileSystemHandle(this: Item) {
          return handles.get(this.getAsFile()!) ?? original!.call(this);
        },
      }).getAsFileSystemHandle,
  );
}
