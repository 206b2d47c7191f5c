// Smart mode in the background (SPEC §4, C9): the share's media files go through the on-device
// check; the camera warns the first time per site per day.
import browser from 'webextension-polyfill';
import type { FileResult } from '../classifier/check';
import type { Config } from '../shared/config';
import { isMediaFile } from '../shared/media';
import type { ShareRequest } from '../shared/messages';
import type { MediaRules } from '../shared/rules';
import {
  cameraSeenToday,
  judge,
  THRESHOLDS,
  withDeadline,
  type FileCheck,
  type SmartVerdict,
} from '../shared/smart';
import { checkFiles } from './smart';

const CAMERA_KEY = 'smartCameraSeen';

/** Each media file's check, within the deadline. Files whose bytes did not arrive (say, a picked
 * handle that could not be read) count as "could not check". */
export async function checkShare(
  share: ShareRequest,
  data: readonly Blob[],
  media: MediaRules,
  check: (files: Blob[]) => Promise<FileResult[]> = checkFiles,
): Promise<FileCheck[]> {
  const metas = share.files.map((meta, i) => ({ meta, blob: data[i] }));
  const wanted = metas.filter(({ meta }) => isMediaFile(meta, media));
  const blobs = wanted.flatMap(({ blob }) => (blob && blob.size > 0 ? [blob] : []));
  const missing = wanted.length - blobs.length;
  const checks = blobs.length
    ? await withDeadline(async () => (await check(blobs)).map((result) => result.check), blobs.length)
    : [];
  return [...checks, ...Array.from({ length: missing }, (): FileCheck => ({ unsure: 'decode' }))];
}

export async function smartFiles(
  share: ShareRequest,
  data: readonly Blob[],
  media: MediaRules,
  config: Pick<Config, 'sensitivity'>,
): Promise<SmartVerdict> {
  const checks = await checkShare(share, data, media);
  const verdict = judge(checks, config.sensitivity);
  console.info('Pausa: smart mode', { checks, threshold: THRESHOLDS[config.sensitivity], ...verdict });
  return verdict;
}

/** The camera in smart mode: true if this site already had its camera warning today. */
export async function cameraAlreadyWarned(url: string, now = new Date()): Promise<boolean> {
  const site = new URL(url).hostname;
  const stored = (await browser.storage.local.get(CAMERA_KEY))[CAMERA_KEY];
  const seen = stored && typeof stored === 'object' ? (stored as Record<string, string>) : {};
  const result = cameraSeenToday(seen, site, now);
  if (!result.seen) await browser.storage.local.set({ [CAMERA_KEY]: result.next });
  return result.seen;
}
