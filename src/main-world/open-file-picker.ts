// window.showOpenFilePicker() (Chromium): the picker opens at once, as the page asked, with the
// page's user activation; once the person has chosen, Pausa warns if any file is media. Continue
// resolves with the same handles; Go back rejects with AbortError, as a cancelled picker does.
import { ask } from './link';
import { abortError, hasMedia, hook } from './util';

type Handle = { name: string; getFile(): Promise<File> };
type Picker = (options?: unknown) => Promise<Handle[]>;

/** A handle's file; one unreadable now (moved, permission) is judged by its name alone (and smart
 * mode cannot check it). */
const metaOf = (handle: Handle) => handle.getFile().catch(() => new File([], handle.name));

export function hookOpenFilePicker(win: Window & typeof globalThis): void {
  hook(
    win as unknown as { showOpenFilePicker: Picker },
    'showOpenFilePicker',
    (original) =>
      async function (this: unknown, options?: unknown) {
        const handles = await original.call(this, options);
        const files = await Promise.all(handles.map(metaOf));
        if (!hasMedia(files)) return handles;
        if (await ask('files', 'picker', files)) return handles;
        throw abortError();
      },
  );
}
