import type { FileMeta } from '../shared/media';
import { isMediaFile } from '../shared/media';
import { media } from './link';

export const hasMedia = (files: readonly FileMeta[]): boolean =>
  files.some((file) => isMediaFile(file, media));

/** Stop an event before the page sees it. */
export function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

export const abortError = (): DOMException => new DOMException('Aborted', 'AbortError');
export const notAllowedError = (): DOMException => new DOMException('Permission denied', 'NotAllowedError');

/** Replace a method on a prototype, keeping its property flags (not its name: bytes). */
export function hook<T extends object, K extends keyof T>(
  target: T,
  key: K,
  make: (original: T[K]) => T[K],
): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (typeof descriptor?.value !== 'function') return;
  Object.defineProperty(target, key, { ...descriptor, value: make(descriptor.value as T[K]) });
}

/** A DataTransfer holding the same File objects (and the text items) the person gave. */
export function transferOf(files: readonly File[], strings: ReadonlyArray<[string, string]> = []) {
  const dt = new DataTransfer();
  for (const [type, value] of strings) dt.setData(type, value);
  for (const file of files) dt.items.add(file);
  return dt;
}
