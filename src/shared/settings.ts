// The person's settings (SPEC C5), and the defaults. A broken field falls back to its default on
// its own, so one bad value never wipes the rest.
import { LOCALES } from './locales';
import { Sensitivity } from './smart';
import { z } from './zod';

export { LOCALES, type Locale } from './locales';

export const Mode = z.enum(['every-share', 'smart', 'strict', 'off']);
export type Mode = z.infer<typeof Mode>;

export const AgeGroup = z.enum(['unknown', 'under18', 'adult']);
export type AgeGroup = z.infer<typeof AgeGroup>;

export const Settings = z.object({
  version: z.literal(1).catch(1),
  // A person's own install warns when the on-device check thinks a photo may be intimate, or
  // cannot check it (SPEC §4); parents and schools choose every-share or strict.
  mode: Mode.catch('smart'),
  /** Smart mode: how readily it warns. */
  sensitivity: Sensitivity.catch('standard'),
  extraSites: z.array(z.string()).catch([]),
  disabledSites: z.array(z.string()).catch([]),
  /** 'auto' follows the browser. */
  language: z.enum(['auto', ...LOCALES]).catch('auto'),
  /** ISO 3166-1 alpha-2, or 'auto' (from the browser's language). */
  country: z
    .string()
    .regex(/^([A-Z]{2}|auto)$/)
    .catch('auto'),
  ageGroup: AgeGroup.catch('unknown'),
  /** C8: read incoming messages on covered messaging and dating sites for extortion (on this
   * device, in the page) and offer help. */
  detectExtortionMessages: z.boolean().catch(true),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = Settings.parse({});

export function readSettings(stored: unknown): Settings {
  const result = Settings.safeParse(stored ?? {});
  return result.success ? result.data : defaultSettings;
}
