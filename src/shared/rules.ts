// The rules: which sites are covered, which controls start a video call, which files count as
// media (SPEC C6). Data, not code: a bundled copy ships, signed updates replace it.
import { MessageRules } from './extortion';
import { expandLabel } from './phrases';
import { z } from './zod';

/**
 * A WebExtension match pattern for http(s) pages
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns): the only kind
 * content scripts can be registered for. One definition for the rules and for policy.
 */
export const MATCH_PATTERN_RE = /^(\*|https?):\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*)\/.*$/i;
export const MatchPattern = z.string().max(300).regex(MATCH_PATTERN_RE, 'not an http(s) match pattern');

export const CallControl = z.object({
  /** The control's accessible label, as plain phrases: text, groups, `|`, `?`, `^`, `$` (case-
   * insensitive; see ./phrases.ts). Never run as a regular expression. */
  label: z
    .string()
    .max(200)
    .superRefine((label, ctx) => {
      const expanded = expandLabel(label);
      if ('error' in expanded) ctx.addIssue({ code: 'custom', message: expanded.error });
    }),
  /** Optional CSS selector the control must match as well. */
  selector: z.string().max(300).optional(),
});
export type CallControl = z.infer<typeof CallControl>;

export const Site = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(80),
  category: z.string().max(40).optional(),
  matches: z.array(MatchPattern).min(1).max(50),
  callControls: z.array(CallControl).max(30).optional(),
  /** C8 on a site whose category is not a messaging one: only these paths are read (the site's
   * direct messages), optionally only inside these containers (CSS selectors). */
  messages: z
    .object({
      paths: z
        .array(z.string().regex(/^\/[^\s]{0,99}$/))
        .max(20)
        .optional(),
      containers: z.array(z.string().max(200)).max(20).optional(),
    })
    .optional(),
});
export type Site = z.infer<typeof Site>;

export const MediaRules = z.object({
  mimePrefixes: z.array(z.string().max(40)).max(20),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(200),
});
export type MediaRules = z.infer<typeof MediaRules>;

export const Rules = z.object({
  format: z.literal(1),
  revision: z.number().int().nonnegative(),
  published: z.iso.datetime().optional(),
  expires: z.iso.datetime(),
  media: MediaRules,
  sites: z.array(Site).min(1).max(1000),
  /** C8: the extortion-message matcher's vocabulary, weights and threshold. */
  messages: MessageRules.optional(),
});
export type Rules = z.infer<typeof Rules>;
