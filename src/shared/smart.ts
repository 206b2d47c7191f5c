// Smart mode's decision (SPEC C9, §4), pure: what the on-device check said about each file of a
// share, and whether that share gets the warning. The check itself runs in the classifier
// (../classifier/), never in the page.
import { z } from './zod';

/** How readily smart mode warns. The thresholds are on P(Porn)+P(Hentai)+P(Sexy). */
export const Sensitivity = z.enum(['low', 'standard', 'high']);
export type Sensitivity = z.infer<typeof Sensitivity>;

/**
 * Chosen from the false-positive rates measured on benign photos (README, "Smart mode: how well
 * it works"): `standard` is the lowest threshold that kept the tuning set's false positives at or
 * below 2 %; `high` warns more (parents who want a wider net), `low` only when the model is
 * nearly sure.
 */
export const THRESHOLDS: Record<Sensitivity, number> = { low: 0.8, standard: 0.5, high: 0.2 };

/** The model's five classes, in its output order. */
export const CLASSES = ['drawing', 'hentai', 'neutral', 'porn', 'sexy'] as const;

/** The score smart mode judges: how likely the picture is intimate. */
export const intimateScore = (probabilities: ArrayLike<number>): number =>
  (probabilities[1] ?? 0) + (probabilities[3] ?? 0) + (probabilities[4] ?? 0);

/** Why a file could not be checked. */
export type UnsureReason = 'format' | 'decode' | 'failed' | 'timeout';

/** The check of one file: its score (the highest over a video's frames), or why there is none. */
export type FileCheck = { score: number } | { unsure: UnsureReason };

/** The whole share's answer. `reason` says which words the warning uses. */
export interface SmartVerdict {
  warn: boolean;
  reason?: 'intimate' | 'unsure';
}

/** Several files: warn if any one would; "may be intimate" wins over "could not check". */
export function judge(checks: readonly FileCheck[], sensitivity: Sensitivity): SmartVerdict {
  const threshold = THRESHOLDS[sensitivity];
  if (checks.some((check) => 'score' in check && check.score >= threshold)) {
    return { warn: true, reason: 'intimate' };
  }
  if (checks.length === 0 || checks.some((check) => 'unsure' in check))
    return { warn: true, reason: 'unsure' };
  return { warn: false };
}

/** How long the whole check of a share may take before it counts as "could not check". */
export const CHECK_TIMEOUT_MS = 3000;

/**
 * Runs the check with a deadline. Whatever does not answer in time (or throws) is "unsure": a
 * slow or broken check can only bring the warning, never take it away.
 */
export async function withDeadline(
  check: () => Promise<FileCheck[]>,
  count: number,
  ms = CHECK_TIMEOUT_MS,
): Promise<FileCheck[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<FileCheck[]>((resolve) => {
    timer = setTimeout(
      () => resolve(Array.from({ length: Math.max(1, count) }, () => ({ unsure: 'timeout' }))),
      ms,
    );
  });
  try {
    return await Promise.race([
      check().catch((): FileCheck[] =>
        Array.from({ length: Math.max(1, count) }, () => ({ unsure: 'failed' })),
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Camera in smart mode: the first request per site per day (SPEC §4). Days are local dates. */
export function dayKey(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether this site already had its camera warning today; and the record with today's entry. */
export function cameraSeenToday(
  seen: Record<string, string>,
  site: string,
  now: Date,
): { seen: boolean; next: Record<string, string> } {
  const today = dayKey(now);
  if (seen[site] === today) return { seen: true, next: seen };
  // Older days are dropped: the record never grows past the sites used today.
  const next: Record<string, string> = {};
  for (const [key, day] of Object.entries(seen)) if (day === today) next[key] = day;
  next[site] = today;
  return { seen: false, next };
}
