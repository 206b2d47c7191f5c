// The rules: which sites are covered, which controls start a video call, which files count as
// media (SPEC C6). Data, not code: a bundled copy ships, signed updates replace it.
import { expandTerm } from './extortion';
import { expandLabel } from './phrases';
import { z } from './zod';

/**
 * A WebExtension match pattern for http(s) pages
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns): the only kind
 * content scripts can be registered for. One definition for the rules and for policy.
 */
export const MATCH_PATTERN_RE = /^(\*|https?):\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*)\/.*$/i;
export const MatchPattern = z.string().max(300).regex(MATCH_PATTERN_RE, 'not an http(s) match pattern');

// C8: the extortion-message matcher's data (see ./extortion.ts for what each field does).
const Term = z.string().superRefine((term, ctx) => {
  const expanded = expandTerm(term);
  if ('error' in expanded) ctx.addIssue({ code: 'custom', message: expanded.error });
});

export const MessageSignal = z.object({
  id: z.string().regex(/^[a-z][a-z-]{0,29}$/),
  /** Added to a conversation's score once when any message in the window has the signal. */
  weight: z.number().min(-20).max(20).default(0),
  /** `ignore-message`: a message with this signal (news, a warning, someone retelling what
   * happened to them) counts for nothing. `distress`: the thread shows distress, crisis lines come
   * first in the panel. */
  effect: z.enum(['score', 'ignore-message', 'distress']).default('score'),
  /** Terms per language (en, pt_PT, …); every language is checked on every page. */
  terms: z.record(z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/), z.array(Term).max(400)),
});
export type MessageSignal = z.infer<typeof MessageSignal>;

/** The most weights a word model may have: 40,000 since rules revision 142 was re-encoded, when
 * the rules file began to hold them grouped by weight (`WeightGroups`), about half the bytes each
 * (20,000 before, of one `"feature": weight` entry each). No released Pausa reads the word model (C8 is unreleased,
 * CHANGELOG), so no installed copy holds the older limit. */
export const MAX_MODEL_WEIGHTS = 40_000;

/** A feature of the word model: a word, a word pair ("a b"), or a pair of signals or concepts. */
const MAX_FEATURE_CHARS = 81;
const Feature = z.string().min(1).max(MAX_FEATURE_CHARS);
/** A weight of the word model, or its bias. */
const Weight = z.number().min(-50).max(50);

/**
 * The weights as the rules file holds them since rules revision 142's re-encoding
 * (scripts/rules-json.mjs writes them so): each weight, as a number in text (`"-0.49"`), with every feature that has it, joined by
 * `|` (`"# abonne|lekker"`; no feature has a `|`: tokens are letters, digits, `#`, `@` and `$`).
 * About half the bytes of one `"feature": weight` entry per feature (revision 142's 19,488 weights:
 * 324,994 bytes one by one, 185,222 grouped). Read into one weight per feature; an empty feature, a
 * feature given two weights, or a key that is not a number from -50 to 50 is refused.
 */
const WeightGroups = z
  .record(z.string().regex(/^-?\d{1,2}(\.\d{1,3})?$/, 'not a weight'), z.string().min(1))
  .transform((groups, ctx) => {
    const weights = new Map<string, number>();
    for (const [key, joined] of Object.entries(groups)) {
      const weight = Number(key);
      if (!Weight.safeParse(weight).success) {
        ctx.addIssue({ code: 'custom', message: `weight ${key} is beyond ±50` });
        return z.NEVER;
      }
      for (const feature of joined.split('|')) {
        // (Feature's own checks, made directly: a rules file holds tens of thousands of features.)
        const refused =
          !feature || feature.length > MAX_FEATURE_CHARS
            ? `a feature of weight ${key} is empty or longer than ${MAX_FEATURE_CHARS} characters`
            : weights.has(feature)
              ? `"${feature}" has two weights`
              : null;
        if (refused) {
          ctx.addIssue({ code: 'custom', message: refused });
          return z.NEVER;
        }
        weights.set(feature, weight);
      }
    }
    return Object.fromEntries(weights);
  });

/** C8's word model (scripts/train-messages.mjs): a logistic regression over the words and word
 * pairs of the recent messages and the pairs of the vocabulary's signals in them, for threats
 * worded in ways the vocabulary's core rules do not catch. */
export const MessageModel = z.object({
  /** Weight of each word and word pair ("a b"), as `tokenize` spells them, and of each pair of
   * signals ("=pay+possess": both are in the window; ids in alphabetical order; a pair naming an
   * id the rules do not have counts for nothing), and of each pair of concepts ("~audience+spread":
   * a word of each signal's terms is in the window, see extortion.ts `conceptWords`). In the rules
   * file since revision 142's re-encoding grouped by weight (`WeightGroups`); one entry per
   * feature is still read (earlier revisions, the evaluation's pooled figures, tests). */
  weights: z
    .union([z.record(Feature, Weight), WeightGroups])
    .refine(
      (weights) => Object.keys(weights).length <= MAX_MODEL_WEIGHTS,
      `at most ${MAX_MODEL_WEIGHTS.toLocaleString('en')} weights`,
    ),
  bias: Weight,
  /** The panel when the recent messages' probability is above this (and `guard` holds). */
  threshold: z.number().min(0).max(1),
  /** And one of these signals is in the window, as a signal or as a concept (a word of its terms;
   * Pausa before rules revision 19 counted signals only, so it speaks less), none given: no such
   * condition. */
  guard: z.array(z.string()).max(30).default([]),
  /** Words longer than this are weighed by their first `stem` letters ("enviaremos", "enviar"
   * and "enviado" are one word to the model: `envia`…), in its words and word pairs alike; none:
   * whole words (rules before revision 51; Pausa before then ignores it and looks up whole words). */
  stem: z.number().int().min(3).max(20).optional(),
});
export type MessageModel = z.infer<typeof MessageModel>;

export const MessageRules = z.object({
  /** The sliding window of recent messages a conversation is scored on. */
  window: z.object({
    messages: z.number().int().min(1).max(50),
    minutes: z
      .number()
      .min(1)
      .max(24 * 60),
  }),
  threshold: z.number().min(0).max(100),
  /** Whole-token replacements applied after normalising (chat spellings: ur → your, vc → voce). */
  aliases: z.record(z.string().regex(/^[\p{Ll}\p{N}]{1,20}$/u), z.string().max(60)).default({}),
  /** Site categories (rules `sites[].category`) where C8 reads every page; sites of other
   * categories only on their `messages.paths`. Sites added by policy: always. */
  categories: z.array(z.string().max(40)).max(20),
  /** At most 30: a message's signals are one bit each in a small integer (extortion.ts MAX_SIGNALS). */
  signals: z.array(MessageSignal).min(1).max(30),
  /** Fire only when one of these holds: every signal of `all` in one message (`message`) or
   * anywhere in the window (`window`), every signal of `also` anywhere in the window, and, when
   * `any` is given, at least one of its signals with them (in that same message for `message`),
   * and none of the signals of `none` there: for `window`, a message holding one of `none` counts
   * for nothing in the rule (Pausa before rules revision 18 read it as "nowhere in the window",
   * which only fires less), and since revision 21 nor does it give `also` its signals. Money,
   * deadlines or "answer me" alone never fire. `span` (since rules revision 70): the signals the
   * rule joins across messages (`all` and `any` for `window`, `also` for both) must meet within
   * that many consecutive messages of the window; without it, anywhere in the window. A Pausa
   * older than `span` reads the whole window, which only fires more. `confirm` (since rules
   * revision 89): the rule holds only where the word model (`model`) gives the window more than
   * this probability, below its own threshold but above chance: for rules that join two messages,
   * where two unrelated look-alikes side by side ("I still have the video from that night at the
   * lake", "pay me back the 20 by friday") meet the vocabulary as a threat does. Without a model
   * the rule holds alone; a Pausa older than `confirm` does not ask, which only fires more. */
  core: z
    .array(
      z.object({
        scope: z.enum(['message', 'window']),
        all: z.array(z.string()).min(1).max(6),
        also: z.array(z.string()).max(6).optional(),
        any: z.array(z.string()).min(1).max(20).optional(),
        none: z.array(z.string()).min(1).max(6).optional(),
        span: z.number().int().min(1).max(50).optional(),
        confirm: z.number().gt(0).lt(1).optional(),
      }),
    )
    .min(1)
    .max(40),
  model: MessageModel.optional(),
});
export type MessageRules = z.infer<typeof MessageRules>;

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
