// Page APIs that resolve with what the person chose: Pausa lets the browser's own call run (the
// picker opens at once, with the page's user activation) and, once there is a choice, warns if
// any of it is media. Continue resolves with exactly what the browser gave; Go back rejects as a
// cancelled picker (AbortError) or a refused clipboard (NotAllowedError) does.
//   showOpenFilePicker() (Chromium): the chosen files' handles.
//   showDirectoryPicker() (Chromium): a folder's handle; the folder is looked into by names.
//   navigator.clipboard.read(): clipboard items; an image among them is media.
import type { ShareVia } from '../shared/bridge';
import { folderHasMedia } from './folders';
import { ask } from './link';
import { abortError, hasMedia, hook, notAllowedError } from './util';

type Handle = { kind: string; name: string; getFile(): Promise<File>; values(): AsyncIterable<Handle> };
type Item = { types: string[]; getType(type: string): Promise<Blob> };
type Api<T> = (...args: unknown[]) => Promise<T>;

/** Wraps `key` of `target`: `filesOf` says what the choice holds, or nothing if no media. */
function afterChoice<T>(
  target: object,
  key: string,
  via: ShareVia,
  filesOf: (chosen: T) => Promise<File[] | false>,
  refused: () => DOMException,
): void {
  hook(
    target as Record<string, Api<T>>,
    key,
    (original) =>
      async function (this: unknown, ...args: unknown[]) {
        const chosen = await original.apply(this, args);
        const files = await filesOf(chosen);
        if (!files || (await ask(via, files))) return chosen;
        throw refused();
      },
  );
}

/** Files judged by what they are: media among them, or nothing. */
const ifMedia = (files: File[]): File[] | false => hasMedia(files) && files;

/** A handle's file; one unreadable now (moved, permission) is judged by its name alone (and smart
 * mode cannot check it). */
const fileOf = (handle: Handle) => handle.getFile().catch(() => new File([], handle.name));

export function hookPickers(win: Window & typeof globalThis): void {
  afterChoice<Handle[]>(
    win,
    'showOpenFilePicker',
    'picker',
    async (handles) => ifMedia(await Promise.all(handles.map(fileOf))),
    abortError,
  );
  // A folder is shared as a whole: the warning has it as one file with its name (smart mode
  // cannot check a folder, so there it warns as "could not check"), as for a dropped folder.
  afterChoice<Handle>(
    win,
    'showDirectoryPicker',
    'picker',
    async (folder) =>
      (await folderHasMedia([folder], (h) => h.kind === 'directory' && h.values())) && [
        new File([], folder.name),
      ],
    abortError,
  );
  afterChoice<Item[]>(
    win.Clipboard?.prototype ?? {},
    'read',
    'paste',
    async (items) =>
      ifMedia(
        await Promise.all(
          items.flatMap((item) =>
            // A type the browser cannot hand over is judged by its name alone (and smart mode
            // cannot check it); the page still gets its items.
            item.types.map((type) =>
              item.getType(type).then(
                (blob) => new File([blob], '', { type }),
                () => new File([], '', { type }),
              ),
            ),
          ),
        ),
      ),
    notAllowedError,
  );
}
