// Whether folders hold a photo or video, by their files' names: a dropped folder (its
// webkitGetAsEntry() entries) and one chosen with showDirectoryPicker() (its handles).
import { hasMedia } from './util';

/** A folder's children (a file has none): the same walk serves entries and handles. */
type ChildrenOf<T> = (node: T) => AsyncIterable<T> | Iterable<T> | false;

/**
 * Looks at 1000 files and folders at most, at any depth, for 2 seconds at most. A folder too big
 * or too slow to look through, or that cannot be read, counts as holding media: it gets the warning.
 */
export function folderHasMedia<T extends { name: string }>(
  list: T[],
  childrenOf: ChildrenOf<T>,
): Promise<boolean> {
  let budget = 1000;
  const end = Date.now() + 2000;
  const look = async (some: AsyncIterable<T> | Iterable<T>): Promise<boolean> => {
    for await (const node of some) {
      if (--budget < 0 || Date.now() > end) return true;
      const children = childrenOf(node);
      if (children ? await look(children) : hasMedia([{ name: node.name, type: '' } as File])) return true;
    }
    return false;
  };
  return look(list).catch(() => true);
}

/** A dropped folder's entries: readEntries gives them in batches, an empty one at the end. */
export async function* entriesOf(folder: FileSystemDirectoryEntry): AsyncGenerator<FileSystemEntry> {
  const reader = folder.createReader();
  for (
    let batch;
    (batch = await new Promise<FileSystemEntry[]>((ok, no) => reader.readEntries(ok, no))).length;
  )
    yield* batch;
}
