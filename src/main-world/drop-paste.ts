// Drag-and-drop and paste: the files ride on the event itself. Pausa stops a trusted event that
// carries media before any page listener, and on Continue dispatches the same kind of event at
// the same target with a DataTransfer holding the same File objects and text. On Go back a drop
// zone gets `dragleave`, so it does not stay highlighted; a paste simply does not happen.
import { closedRoots, deliver, fileInputOf } from './file-input';
import { entriesOf, folderHasMedia } from './folders';
import { ask } from './link';
import { hasMedia, hook, stop, transferOf } from './util';

type Item = DataTransferItem & { getAsFileSystemHandle?(): Promise<unknown> };

/**
 * What the browser hands out for a dropped file only during the person's drop, kept per File and
 * handed out again, by the same methods, for the same File on the drop Pausa re-dispatches after
 * Continue: Chromium's FileSystemHandle (react-dropzone's file-selector reads it, and fails without
 * it) and the entry of `webkitGetAsEntry()` (Dropzone and any site that accepts folders read it;
 * for a folder it is the only way in). Asked for only for a drop Pausa holds.
 */
const KEPT = ['getAsFileSystemHandle', 'webkitGetAsEntry'] as const;
const kept = new WeakMap<File, unknown[]>();

function onDropOrPaste(event: Event): void {
  if (!event.isTrusted) return;
  const drop = event.type === 'drop';
  const key = drop ? 'dataTransfer' : 'clipboardData';
  const dt = (event as unknown as Record<string, DataTransfer | null>)[key];
  const files = [...(dt?.files ?? [])];
  // Its text items (type, value), and its file items with their entries (a pasted file has none).
  const strings: Array<[string, string]> = [];
  const dropped: Array<[Item, FileSystemEntry | null | undefined]> = [];
  for (const item of [...(dt?.items ?? [])] as Item[]) {
    if (item.kind === 'string') strings.push([item.type, dt!.getData(item.type)]);
    else dropped.push([item, item.webkitGetAsEntry?.()]);
  }
  const folders = dropped.flatMap(([, entry]) => (entry?.isDirectory ? [entry] : []));
  const media = hasMedia(files);
  if (!media && !folders.length) return;
  stop(event);
  // Only for a drop Pausa holds, and now: the browser gives these only during the event.
  for (const [item, entry] of dropped) {
    kept.set(item.getAsFile()!, [item.getAsFileSystemHandle?.(), entry]);
  }
  // A trusted event's path starts at its target.
  let target = event.composedPath()[0]!;
  // The same event again: every field the browser gave it (where it happened, the keys held,
  // bubbles, cancelable, composed) goes into the new one, whose constructor reads what it knows.
  const init: Record<string, unknown> = {};
  for (const k in event) init[k] = (event as unknown as Record<string, unknown>)[k];
  // Inside a closed shadow root the path stops at its host: the element dropped on (at the same
  // point) or pasted into (focused) is found inside, at any depth, so it gets the event on Continue.
  for (let root, inner; (root = closedRoots.get(target as Element)); target = inner) {
    inner = drop ? root.elementFromPoint(init.clientX as number, init.clientY as number) : root.activeElement;
    if (!inner || inner === target) break;
  }
  // A drop of folders only: looked into first; without media inside, it goes on with no warning.
  const via = event.type as 'drop' | 'paste';
  const asked = media
    ? ask(via, files)
    : folderHasMedia(folders, (e) => e.isDirectory && entriesOf(e as FileSystemDirectoryEntry)).then(
        (inside) => !inside || ask(via, files),
      );
  void asked.then((go) => {
    if (!go && !drop) return;
    const data = (init[key] = go ? transferOf(files, strings) : new DataTransfer());
    const next = drop ? new DragEvent(go ? 'drop' : 'dragleave', init) : new ClipboardEvent('paste', init);
    // Firefox drops a DataTransfer passed in the constructor of a ClipboardEvent, so the page
    // reads it from a property of the event itself, which both browsers honour for page scripts.
    target.dispatchEvent(Object.defineProperty(next, key, { value: data }));
    // A drop onto a file input (the usual invisible overlay) fills it by the browser's default
    // action, which a dispatched drop does not have: Pausa does what the browser would have done.
    const input = fileInputOf(target);
    if (go && input && !next.defaultPrevented) deliver(input, files);
  });
}

/** The window's listeners (again after document.open(), which removes them: see index.ts). */
export function listenForDrops(win: Window): void {
  win.addEventListener('drop', onDropOrPaste, true);
  win.addEventListener('paste', onDropOrPaste, true);
}

export function hookDropAndPaste(win: Window & typeof globalThis): void {
  listenForDrops(win);
  KEPT.forEach((name, i) =>
    hook(
      win.DataTransferItem.prototype as Item,
      name,
      (original) =>
        function (this: Item) {
          return kept.get(this.getAsFile()!)?.[i] ?? (original as () => unknown).call(this);
        } as never,
    ),
  );
}
