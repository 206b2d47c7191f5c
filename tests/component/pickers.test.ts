// The main-world hooks on APIs that resolve with what the person chose (src/main-world/pickers.ts),
// in happy-dom with stand-ins for the browsers' own functions, put in place before the hooks wrap
// them as the browsers' are: showDirectoryPicker() (Chromium only), navigator.clipboard.read()
// (its images cannot be produced in headless Firefox) and showOpenFilePicker(). The real APIs are
// driven in Chromium's e2e tests (tests/e2e/share-chromium.test.ts).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const ask = vi.fn<(via: string, files: File[]) => Promise<boolean>>();
vi.mock('../../src/main-world/link', async () => {
  const { media } = await import('../../src/rules/rules.json');
  return { media, ask: (...args: [string, File[]]) => ask(...args) };
});
const { hookPickers } = await import('../../src/main-world/pickers');

type Handle = {
  kind: 'file' | 'directory';
  name: string;
  getFile?(): Promise<File>;
  values?(): AsyncIterable<Handle>;
};
const file = (name: string): Handle => ({ kind: 'file', name, getFile: async () => new File(['x'], name) });
const folder = (name: string, children: Handle[] | (() => AsyncIterable<Handle>)): Handle => ({
  kind: 'directory',
  name,
  values:
    typeof children === 'function'
      ? children
      : async function* () {
          yield* children;
        },
});

type Item = { types: string[]; getType(type: string): Promise<Blob> };
const item = (blobs: Record<string, Blob>): Item => ({
  types: Object.keys(blobs),
  getType: async (type) => blobs[type]!,
});

const win = window as unknown as Record<string, unknown>;
let chosen: unknown;
let clipboard: Item[] = [];
beforeAll(() => {
  const pick = async () => chosen;
  for (const key of ['showOpenFilePicker', 'showDirectoryPicker'])
    Object.defineProperty(window, key, { value: pick, writable: true, configurable: true });
  class Clipboard {
    async read() {
      return clipboard;
    }
  }
  win.Clipboard = Clipboard;
  win.__clipboard = new Clipboard();
  hookPickers(window as unknown as Window & typeof globalThis);
});
beforeEach(() => ask.mockReset());
afterEach(() => vi.restoreAllMocks());

const showDirectoryPicker = () => (win.showDirectoryPicker as () => Promise<Handle>)();
const read = () => (win.__clipboard as { read(): Promise<Item[]> }).read();

describe('showDirectoryPicker(): the chosen folder is looked into by names', () => {
  it('a photo two levels down: the warning names the folder; Go back rejects with AbortError', async () => {
    chosen = folder('Camera', [file('notes.txt'), folder('2026', [folder('May', [file('IMG_0042.JPG')])])]);
    ask.mockResolvedValue(false);
    const error = await showDirectoryPicker().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(ask).toHaveBeenCalledTimes(1);
    const [via, files] = ask.mock.calls[0]!;
    expect(via).toBe('picker');
    expect(files.map((f) => f.name)).toEqual(['Camera']);
  });

  it('Continue resolves with the very handle the browser gave', async () => {
    chosen = folder('Clips', [file('party.mp4')]);
    ask.mockResolvedValue(true);
    await expect(showDirectoryPicker()).resolves.toBe(chosen);
  });

  it('documents only: no warning, the same handle', async () => {
    chosen = folder('Papers', [file('tax.pdf'), folder('old', [file('letter.docx')])]);
    await expect(showDirectoryPicker()).resolves.toBe(chosen);
    expect(ask).not.toHaveBeenCalled();
  });

  it('a folder too big to look through (over 1000 entries) counts as holding media', async () => {
    chosen = folder(
      'Archive',
      Array.from({ length: 1500 }, (_, i) => file(`doc-${i}.pdf`)),
    );
    ask.mockResolvedValue(true);
    await expect(showDirectoryPicker()).resolves.toBe(chosen);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('a folder too slow to look through (over 2 s) counts as holding media', async () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    chosen = folder('Network drive', async function* () {
      for (let i = 0; i < 20; i++) {
        now += 500; // each entry takes half a second to arrive
        yield file(`doc-${i}.pdf`);
      }
    });
    ask.mockResolvedValue(false);
    await expect(showDirectoryPicker()).rejects.toMatchObject({ name: 'AbortError' });
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('a folder that cannot be read counts as holding media', async () => {
    chosen = folder('Locked', async function* () {
      yield* [];
      throw new DOMException('denied', 'NotAllowedError');
    });
    ask.mockResolvedValue(true);
    await expect(showDirectoryPicker()).resolves.toBe(chosen);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});

describe('navigator.clipboard.read(): an image the page reads itself', () => {
  const png = new Blob([new Uint8Array([137, 80, 78, 71, 9, 9])], { type: 'image/png' });

  it('an image: the warning gets the image itself; Go back rejects as a refused clipboard', async () => {
    clipboard = [item({ 'text/plain': new Blob(['hi'], { type: 'text/plain' }), 'image/png': png })];
    ask.mockResolvedValue(false);
    await expect(read()).rejects.toMatchObject({ name: 'NotAllowedError' });
    const [via, files] = ask.mock.calls[0]!;
    expect(via).toBe('paste');
    const image = files.find((f) => f.type === 'image/png')!;
    // The same bytes, for smart mode's check.
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(new Uint8Array(await png.arrayBuffer()));
  });

  it('Continue resolves with the same items', async () => {
    clipboard = [item({ 'image/png': png })];
    ask.mockResolvedValue(true);
    const got = await read();
    expect(got).toBe(clipboard);
    expect(await got[0]!.getType('image/png')).toBe(png);
  });

  it('a type the browser cannot hand over: judged by its type, the page still gets its items', async () => {
    clipboard = [
      {
        types: ['image/png', 'text/html'],
        getType: (type) =>
          type === 'image/png'
            ? Promise.reject(new DOMException('gone', 'NotFoundError'))
            : Promise.resolve(png),
      },
    ];
    ask.mockResolvedValue(true);
    await expect(read()).resolves.toBe(clipboard);
    const [, files] = ask.mock.calls[0]!;
    expect(files.map((f) => [f.type, f.size])).toEqual([
      ['image/png', 0],
      ['text/html', png.size],
    ]);
  });

  it('text only: no warning', async () => {
    clipboard = [item({ 'text/plain': new Blob(['hello'], { type: 'text/plain' }) })];
    await expect(read()).resolves.toBe(clipboard);
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('showOpenFilePicker()', () => {
  it('a PDF passes with no warning; a photo gets it and Continue gives the same handles', async () => {
    chosen = [file('tax.pdf')];
    await expect((win.showOpenFilePicker as () => Promise<unknown>)()).resolves.toBe(chosen);
    expect(ask).not.toHaveBeenCalled();
    chosen = [file('tax.pdf'), file('beach.jpg')];
    ask.mockResolvedValue(true);
    await expect((win.showOpenFilePicker as () => Promise<unknown>)()).resolves.toBe(chosen);
    expect(ask.mock.calls[0]![1].map((f) => f.name)).toEqual(['tax.pdf', 'beach.jpg']);
  });
});
