// Drag-and-drop and paste: the files ride on the event itself. Pausa stops a trusted event that
// carries media before any page listener, and on Continue dispatches the same kind of event at
// the same target with a DataTransfer holding the same File objects and text. On Go back a drop
// zone gets `dragleave`, so it does not stay highlighted; a paste simply does not happen.
import { closedRoots, deliver, fileInputOf } from './file-input';
import { ask } from './link';
import { hasMedia, hook, stop, transferOf } from './util';

// Where the drop happened and which keys were held, so the page's drop zone sees the same drop.
const POINTER_KEYS = 'clientX clientY ctrlKey shiftKey altKey metaKey'.split(' ');

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

/**
 * Whether dropped folders hold a photo or video, by their files' names, looking at 1000 entries
 * at most (files and folders, at any depth). A folder too big to look through, or that cannot be read, counts
 * as holding media: it gets the warning.
 */
function folderHasMedia(list: FileSystemEntry[]): Promise<boolean> {
  let budget = 1000;
  const look = async (some: FileSystemEntry[]): Promise<boolean> => {
    for (const entry of some) {
      if (--budget < 0) return true;
      if (!entry.isDirectory) {
        if (hasMedia([{ name: entry.name, type: '' } as File])) return true;
        continue;
      }
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries gives a folder's entries in batches, an empty one at the end.
      for (
        let batch;
        (batch = await new Promise<FileSystemEntry[]>((ok, no) => reader.readEntries(ok, no))).length;
      ) {
        if (await look(batch)) return true;
      }
    }
    return false;
  };
  return look(list).catch(() => true);
}

/** The event's files, its text items (type, value) and its file items (a tuple: fewer bytes). */
function take(dt: DataTransfer | null): [File[], Array<[string, string]>, Item[]] {
  const strings: Array<[string, string]> = [];
  const fileItems: Item[] = [];
  for (const item of Array.from(dt?.items ?? [])) {
    if (item.kind === 'string') strings.push([item.type, dt!.getData(item.type)]);
    else fileItems.push(item);
  }
  return [[...(dt?.files ?? [])], strings, fileItems];
}

/** A synthetic event whose dataTransfer/clipboardData the page reads as ours. Firefox drops a
 * DataTransfer passed in the constructor of a ClipboardEvent, so the property is defined on the
 * event itself, which both browsers honour for page scripts. */
const withData = <E extends Event>(event: E, key: string, dt: DataTransfer): E =>
  Object.defineProperty(event, key, { value: dt, configurable: true });

function onDropOrPaste(event: Event): void {
  if (!event.isTrusted) return;
  const drop = event.type === 'drop';
  const key = drop ? 'dataTransfer' : 'clipboardData';
  const [files, strings, fileItems] = take(
    (event as unknown as Record<string, DataTransfer | null>)[key] ?? null,
  );
  // (A pasted file has no entry: its folders list stays empty.)
  const dropped = fileItems.map((item) => [item, item.webkitGetAsEntry?.()] as const);
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
  const init: Record<string, unknown> = { bubbles: true, cancelable: true, composed: true };
  if (drop) for (const k of POINTER_KEYS) init[k] = (event as unknown as Record<string, unknown>)[k];
  // Inside a closed shadow root the path stops at its host: the element dropped on (at the same
  // point) or pasted into (focused) is found inside, at any depth, so it gets the event on Continue.
  for (let root, inner; (root = closedRoots.get(target as Element)); target = inner) {
    inner = drop ? root.elementFromPoint(init.clientX as number, init.clientY as number) : root.activeElement;
    if (!inner || inner === target) break;
  }
  // A drop of folders only: looked into first; without media inside, it goes on with no warning.
  const via = event.type as 'drop' | 'paste';
  const asked = media
    ? ask('files', via, files)
    : folderHasMedia(folders).then((inside) => !inside || ask('files', via, files));
  void asked.then((go) => {
    if (!go && !drop) return;
    const dt = (init[key] = go ? transferOf(files, strings) : new DataTransfer());
    const next = drop ? new DragEvent(go ? 'drop' : 'dragleave', init) : new ClipboardEvent('paste', init);
    target.dispatchEvent(withData(next, key, dt));
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
