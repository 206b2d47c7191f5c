// Which files count as media (SPEC C1): image/* and video/*, and files whose extension says
// image or video when the browser gives no type (HEIC and MOV often arrive with type "").
import type { MediaRules } from './rules';

export interface FileMeta {
  name: string;
  type: string;
  size: number;
}

export function isMediaFile(file: FileMeta, media: MediaRules): boolean {
  const type = file.type.toLowerCase();
  if (media.mimePrefixes.some((prefix) => type.startsWith(prefix))) return true;
  // Short: this also runs in the main-world script, where every byte counts.
  const ext = /\.([^.]+)$/.exec(file.name)?.[1];
  return !!ext && media.extensions.includes(ext.toLowerCase());
}

export const anyMedia = (files: readonly FileMeta[], media: MediaRules): boolean =>
  files.some((file) => isMediaFile(file, media));
