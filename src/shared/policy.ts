// Managed policy (SPEC C7, §6.6): what a school or company sets through the browser. Every key is
// optional and validated on its own: a bad value is dropped with a reason, never breaking the
// rest; unknown keys are ignored. Chrome checks `public/managed_schema.json` too; Firefox's
// policies.json `3rdparty` has no schema, so this is the only check there.
import { LOCALES, Mode } from './settings';
import { MATCH_PATTERN_RE } from './rules';
import { fromBase64 } from './signature';
import { Sensitivity } from './smart';
import { z } from './zod';

/** A site added by policy: a match pattern, or a bare host name (covering its subdomains). */
export const SitePattern = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .transform((value, ctx) => {
    const pattern = /^[a-z0-9.-]+$/i.test(value) ? `*://*.${value.replace(/^\*?\.?/, '')}/*` : value;
    if (!MATCH_PATTERN_RE.test(pattern)) {
      ctx.addIssue({ code: 'custom', message: `not a site or match pattern: ${value}` });
      return z.NEVER;
    }
    return pattern.toLowerCase();
  });

export const Resource = z.object({
  name: z.string().trim().min(1).max(120),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{2,30}$/, 'not a phone number')
    .optional(),
  description: z.string().trim().max(500).optional(),
});
export type Resource = z.infer<typeof Resource>;

export const policyKeys = {
  mode: Mode,
  locked: z.boolean(),
  extraSites: z.array(SitePattern).max(500),
  disabledSites: z.array(z.string().trim().min(1).max(300)).max(500),
  allSites: z.boolean(),
  allowContinue: z.boolean(),
  continueDelaySeconds: z.number().int().min(0).max(300),
  rulesUrl: z.url({ protocol: /^https$/ }).max(2000),
  rulesPublicKey: z.string().refine((v) => fromBase64(v)?.length === 32, 'not a base64 32-byte Ed25519 key'),
  rulesUpdateHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'not a two-letter country code')
    .transform((c) => c.toUpperCase()),
  language: z.enum(LOCALES),
  extraResources: z.array(Resource).max(20),
  detectExtortionMessages: z.boolean(),
  smartSensitivity: Sensitivity,
  /** An organisation's policy also loosens what a parent locked (see constrainPolicy). */
  overrideParentLock: z.boolean(),
} as const;

export type Policy = { -readonly [K in keyof typeof policyKeys]?: z.infer<(typeof policyKeys)[K]> };

export interface PolicyRead {
  policy: Policy;
  /** One line per value that was ignored, for the log and the options page. */
  problems: string[];
}

export function readPolicy(raw: unknown): PolicyRead {
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { policy, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy, problems: ['policy: not an object; ignored'] };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in policyKeys)) continue;
    const result = policyKeys[key as keyof typeof policyKeys].safeParse(value);
    if (result.success) policy[key] = result.data;
    else problems.push(`policy ${key}: ${result.error.issues[0]?.message ?? 'invalid'}; ignored`);
  }
  return { policy: policy as Policy, problems };
}
