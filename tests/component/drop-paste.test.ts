// The main-world drop and paste hooks, in happy-dom. Firefox's driver cannot produce a trusted
// drop or a paste that carries files, so this is where those paths are checked for Firefox; the
// same code runs in Chromium's e2e tests with real events.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const ask = vi.fn<(via: string, files: unknown[]) => Promise<boolean>>();
vi.mock('../../src/main-world/link', async () => {
  const { media } = await import('../../src/rules/rules.json');
  return { media, ask: (...args: [string, unknown[]]) => ask(...args) };
});
const { hookDropAndPaste } = await import('../../src/main-world/drop-paste');

const trusted = <E extends Event>(event: E): E => {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
};
const photo = () =>
  new File([new Uint8Array([1, 2, 3, 4])], 'photo.jpg', { type: 'image/jpeg', lastModified: 5 });
const pdf = () => new File([new Uint8Array([9])], 'doc.pdf', { type: 'application/pdf' });

function withFiles(files: File[]): DataTransfer {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  return dt;
}

let zone: HTMLElement;
const seen: Array<{ type: string; files: File[]; trusted: boolean }> = [];
// happy-dom has no webkitGetAsEntry: a stand-in, per file, that the tests fill, put in place
// before the hook wraps it (as the browsers' own is).
type FakeEntry = { isDirectory: boolean; name: string; createReader?: () => unknown };
const fakeEntries = new Map<string, FakeEntry>();
const dir = (name: string, children: FakeEntry[]): FakeEntry => ({
  isDirectory: true,
  name,
  createReader: () => {
    let done = false;
    return {
      readEntries: (ok: (e: FakeEntry[]) => void) => {
        ok(done ? [] : children);
        done = true;
      },
    };
  },
});
const fileEntry = (name: string): FakeEntry => ({ isDirectory: false, name });
beforeAll(() => {
  Object.defineProperty(DataTransferItem.prototype, 'webkitGetAsEntry', {
    configurable: true,
    writable: true,
    value(this: DataTransferItem) {
      return fakeEntries.get(this.getAsFile()?.name ?? '') ?? null;
    },
  });
  hookDropAndPaste(window as unknown as Window & typeof globalThis);
});
beforeEach(() => {
  ask.mockReset();
  seen.length = 0;
  document.body.innerHTML = '<div id="zone" contenteditable="true"></div>';
  zone = document.getElementById('zone')!;
  for (const type of ['drop', 'dragleave', 'paste']) {
    zone.addEventListener(type, (e) => {
      const data = (e as DragEvent).dataTransfer ?? (e as ClipboardEvent).clipboardData;
      seen.push({ type, files: Array.from(data?.files ?? []), trusted: e.isTrusted });
    });
  }
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

// happy-dom's DragEvent ignores `dataTransfer` in its init, so the test sets it as browsers do.
const dragWith = (dt: DataTransfer, init: EventInit = {}) => {
  const event = new DragEvent('drop', { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'dataTransfer', { value: dt });
  return event;
};

describe.each([
  ['drop', (dt: DataTransfer) => trusted(dragWith(dt))],
  [
    'paste',
    (dt: DataTransfer) =>
      trusted(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: dt })),
  ],
] as const)('%s', (via, make) => {
  it('holds media from the page, and Continue delivers the same File objects', async () => {
    const file = photo();
    ask.mockResolvedValue(true);
    const event = make(withFiles([file, pdf()]));
    zone.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    expect(ask).toHaveBeenCalledWith(via, expect.arrayContaining([file]));
    await flush();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.type).toBe(via);
    expect(seen[0]?.files[0]).toBe(file);
    expect(seen[0]?.files.map((f) => f.name)).toEqual(['photo.jpg', 'doc.pdf']);
  });

  it('Go back delivers no files', async () => {
    ask.mockResolvedValue(false);
    zone.dispatchEvent(make(withFiles([photo()])));
    await flush();
    expect(seen.filter((s) => s.type === via)).toEqual([]);
    expect(seen.every((s) => s.files.length === 0)).toBe(true);
  });

  it('lets non-media and untrusted events through untouched', async () => {
    zone.dispatchEvent(make(withFiles([pdf()])));
    const untrusted =
      via === 'drop'
        ? dragWith(withFiles([photo()]))
        : new ClipboardEvent('paste', { bubbles: true, clipboardData: withFiles([photo()]) });
    zone.dispatchEvent(untrusted);
    expect(ask).not.toHaveBeenCalled();
    expect(seen).toHaveLength(2);
  });
});

describe('a dropped folder (read through its entries, as in Firefox and Chromium)', () => {
  const folderFile = (name: string) => new File([], name);

  it('with a photo inside, one level down: the warning; Continue hands back the same entry', async () => {
    const album = folderFile('album');
    const entry = dir('album', [fileEntry('notes.txt'), dir('trip', [fileEntry('IMG_0001.HEIC')])]);
    fakeEntries.set('album', entry);
    ask.mockResolvedValue(true);
    const event = trusted(dragWith(withFiles([album])));
    zone.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await flush();
    await flush();
    expect(ask).toHaveBeenCalledWith('drop', [album]);
    expect(seen).toHaveLength(1);
    // The page reads the folder through the re-dispatched drop's item, as it would have.
    const redispatched = withFiles(seen[0]!.files);
    const item = redispatched.items[0] as DataTransferItem & { webkitGetAsEntry(): unknown };
    expect(item.webkitGetAsEntry()).toBe(entry);
  });

  it('with documents only: no warning, the drop goes on', async () => {
    fakeEntries.set('papers', dir('papers', [fileEntry('doc.pdf'), fileEntry('letter.docx')]));
    zone.dispatchEvent(trusted(dragWith(withFiles([folderFile('papers')]))));
    await flush();
    await flush();
    expect(ask).not.toHaveBeenCalled();
    expect(seen.map((s) => s.type)).toEqual(['drop']);
  });

  it('a folder that cannot be read counts as holding media', async () => {
    fakeEntries.set('locked', {
      isDirectory: true,
      name: 'locked',
      createReader: () => ({
        readEntries: (_ok: unknown, fail: (e: Error) => void) => fail(new Error('denied')),
      }),
    });
    ask.mockResolvedValue(false);
    zone.dispatchEvent(trusted(dragWith(withFiles([folderFile('locked')]))));
    await flush();
    await flush();
    expect(ask).toHaveBeenCalled();
    expect(seen.map((s) => s.type)).toEqual(['dragleave']);
  });
});
