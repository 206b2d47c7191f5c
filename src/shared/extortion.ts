// C8: does a run of incoming messages read like sextortion? Pure logic, run in the page (the text
// never leaves it). The vocabulary, weights, threshold and the "core" that must be present are data
// in the signed rules (`messages`, see ./rules.ts): new phrases ship as a rules update.
//
// Text is normalised (case, accents, leetspeak, spaced-out letters, repeated letters, chat
// abbreviations; punctuation dropped, emoji named: 😂 → emoji1f602) into tokens, and every
// language's terms are looked up on every message through one index keyed by a term's first token:
// the cost is linear in the text's length whatever the rules say (terms are short token patterns,
// never regular expressions).
import type { MessageRules, MessageSignal } from './rules';

/** Longest text read from one message; the rest is ignored. */
export const MAX_MESSAGE_CHARS = 1000;
const MAX_EXPANSIONS = 1024;
const MAX_TERM_TOKENS = 8;

// ---------------------------------------------------------------- normalising

const NO_ALIASES: Readonly<Record<string, string>> = {};

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/**
 * Tokens of a text: lower case, no accents, currency symbols as the token `cur`, numbers as `#`,
 * digits inside words read as letters (n00dz → noodz), every1 → everyone, runs of one letter
 * ("n u d e s") joined, three or more repeated letters made one, emoji named (😂 → emoji1f602), then
 * the rules' aliases (ur → your).
 * It runs on every message C8 reads, in pages where this code is often still cold (interpreted):
 * the per-character work is left to the browser's own string and RegExp code, and the steps most
 * messages do not need (accents, money, digits, repeated letters) are skipped after one test.
 */
export function tokenize(
  text: string,
  aliases: ReadonlyMap<string, string> | Readonly<Record<string, string>> = NO_ALIASES,
): string[] {
  let plain = (text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) : text).toLowerCase();
  let ascii = !NON_ASCII.test(plain);
  // Most messages are plain ASCII words: nothing to fold, no digits, money or repeated letters,
  // found by one test, and the steps below are skipped.
  const special = !ascii || ASCII_SPECIAL.test(plain);
  if (special) {
    // Characters beyond ASCII folded one at a time, each worked out once (foldChar): most are
    // accented letters that become plain ones.
    if (!ascii) plain = plain.replace(NON_ASCII_CHARS, foldChar);
    if (CURRENCY.test(plain)) plain = plain.replace(CURRENCY_SIGNS, ' cur ');
    if (DECIMAL.test(plain)) plain = plain.replace(DECIMAL_MARKS, '$1');
    ascii = !NON_ASCII.test(plain);
  }
  // Words: runs of letters, digits, @ and $.
  const words = plain.match(ascii ? ASCII_WORDS : WORDS);
  if (!words) return [];
  const digits = special && DIGITISH.test(plain);
  const tripled = special && (ascii ? TRIPLED_ASCII : TRIPLED).test(plain);
  let raw: string[] = words;
  if (digits || tripled) {
    raw = [];
    for (const word of words)
      if (digits && DIGITISH.test(word) && !word.startsWith(EMOJI)) splitToken(word, raw);
      else raw.push(tripled ? squeeze(word) : word);
  }
  // Runs of single letters joined ("n u d e s"), then aliases. Most messages have neither: their
  // words are returned as they are, and a new list is begun only at the first token that changes.
  const isMap = aliases instanceof Map;
  const maxAlias = isMap ? longestKey(aliases as ReadonlyMap<string, string>) : MAX_ALIAS;
  let out: string[] | null = null;
  for (let i = 0; i < raw.length; i++) {
    let token = raw[i]!;
    let end = i + 1;
    if (token.length === 1 && token !== '#') {
      while (end < raw.length && raw[end]!.length === 1 && raw[end] !== '#') end++;
      if (end - i >= 3) token = raw.slice(i, end).join('');
      else end = i + 1;
    }
    const replacement =
      token.length > maxAlias
        ? undefined
        : isMap
          ? (aliases as ReadonlyMap<string, string>).get(token)
          : Object.hasOwn(aliases, token)
            ? (aliases as Record<string, string>)[token]
            : undefined;
    if (replacement === undefined && end === i + 1) {
      if (out) out.push(token);
      continue;
    }
    out ??= raw.slice(0, i);
    if (replacement === undefined) out.push(token);
    else for (const a of replacement.split(' ')) if (a) out.push(a);
    i = end - 1;
  }
  return out ?? raw;
}

/** The longest alias key the schema allows: longer tokens skip the alias lookup. */
const MAX_ALIAS = 20;
const longestKeys = new WeakMap<ReadonlyMap<string, string>, number>();
function longestKey(aliases: ReadonlyMap<string, string>): number {
  let longest = longestKeys.get(aliases);
  if (longest === undefined) {
    longest = Math.max(0, ...[...aliases.keys()].map((k) => k.length));
    longestKeys.set(aliases, longest);
  }
  return longest;
}
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
// eslint-disable-next-line no-control-regex
const NON_ASCII_CHARS = /[^\x00-\x7f]/gu;
const ASCII_WORDS = /[a-z0-9@$]+/g;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const PICTOGRAPHS = /\p{Extended_Pictographic}/gu;
/** An emoji's token: `emoji` and its code point in hex, kept whole (not read as leetspeak). */
const EMOJI = 'emoji';
const emojiName = (emoji: string) => ` ${EMOJI}${emoji.codePointAt(0)!.toString(16)} `;
const WORDS = /[\p{L}\p{N}@$]+/gu;
const TRIPLED = /(\p{L})\1\1/u;
const TRIPLED_ASCII = /([a-z])\1\1/;
/** In lower-case ASCII text: a digit, @ or $ (money, leetspeak, numbers) or a letter three times. */
const ASCII_SPECIAL = /[\d@$]|([a-z])\1\1/;
// (Each regular expression literal evaluated makes a new object: those used per message or per
// word are made once, here.)
const DIGITISH = /[\d@$]/;
const ALL_DIGITISH = /^[\d@$]+$/;
const DIGIT = /\d/;
const CURRENCY = /[$€£]/;
const CURRENCY_SIGNS = /r\$|[$€£](?=\s*\d)|(?<=\d\s*)[$€£]/g;
const DECIMAL = /\d[.,]\d/;
const DECIMAL_MARKS = /(\d)[.,](?=\d)/g;
const THOUSANDS = /^\d+k$/;
const NUMBER_WORD = /^(\d+)(\p{L}+)$/u;
const WORD_ONE = /^(\p{L}+)1$/u;
const LEET_CHARS = /[\d@$]/g;
const RUNS = /(\p{L})\1{2,}/gu;

/** One character beyond ASCII as the matcher reads it: no accents (NFKD, marks dropped), ß as
 * ss, lower case again (letters with no lower case of their own, 𝐍 or ℕ, decompose to N), emoji
 * named by code point (😂 → emoji1f602) so rules name them in plain words and the word model
 * weighs them. Each character worked out once per page (bounded). */
const folded = new Map<string, string>();
function foldChar(char: string): string {
  let out = folded.get(char);
  if (out === undefined) {
    // The ligatures NFKD leaves whole are spelt out as people type them without: French "sœur"
    // is "soeur" (rules revision 112; before, "ta sœur" matched no term written "soeur").
    out = char
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/ß/g, 'ss')
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .toLowerCase();
    if (PICTOGRAPH.test(out)) out = out.replace(PICTOGRAPHS, emojiName);
    if (folded.size >= 5000) folded.clear();
    folded.set(char, out);
  }
  return out;
}

/** A word with digits, @ or $ in it. */
function splitToken(piece: string, out: string[]): void {
  if (ALL_DIGITISH.test(piece)) {
    if (DIGIT.test(piece)) out.push('#');
    return;
  }
  // 40k: a number (thousands), not a number and a word.
  if (THOUSANDS.test(piece)) return void out.push('#');
  // 24h, 10min, 500euros: a number and a word.
  const lead = NUMBER_WORD.exec(piece);
  if (lead) return void out.push('#', squeeze(lead[2]!));
  // every1, some1
  const one = WORD_ONE.exec(piece);
  if (one) return void out.push(`${squeeze(one[1]!)}one`);
  out.push(squeeze(piece.replace(LEET_CHARS, leet)));
}

const leet = (c: string) => LEET[c] ?? c;

/** nuuuudes → nudes (three or more of a letter become one; doubles stay: "cool"). A word that is
 * one letter repeated is laughter or a sound ("kkkkk", "hhhh"), not that letter: it becomes three of
 * it, so Brazilian laughter is "kkk" and stays apart from a lone "k" ("k, see you", "5k views"). */
function squeeze(word: string): string {
  for (let i = 2; i < word.length; i++)
    if (word[i] === word[i - 1] && word[i] === word[i - 2]) {
      const squeezed = word.replace(RUNS, '$1');
      return squeezed.length === 1 ? squeezed.repeat(3) : squeezed;
    }
  return word;
}

// ---------------------------------------------------------------- terms

/** One token of a term: a word, one of several words (a group of single words), a word prefix
 * (`send*`), any number (`#`) or any token (`*`). */
type Part =
  { word: string } | { oneOf: ReadonlySet<string> } | { prefix: string } | { number: true } | { any: true };

const groupKey = (n: number) => String.fromCharCode(97 + (n % 26)).repeat(Math.floor(n / 26) + 1);
const groupIndex = (key: string) => (key.length - 1) * 26 + key.charCodeAt(0) - 97;

/**
 * A term's phrases: `(a|b|c)` groups (not nested, `?` after a group makes it optional) are
 * expanded, at most 64 phrases per term; each phrase is tokenized like message text.
 */
export function expandTerm(
  term: string,
  aliases: Readonly<Record<string, string>> = {},
): Part[][] | { error: string } {
  if (term.length > 600) return { error: 'longer than 600 characters' };
  let phrases = [''];
  // A group of single words standing as a word of its own, "(mom|dad|sister)", stays one part
  // that matches any of them, instead of multiplying the phrases.
  const groups: Array<Set<string>> = [];
  const re = /\(([^()]*)\)(\?)?|([^()]+)/gy;
  let consumed = 0;
  for (let match = re.exec(term); match; match = re.exec(term)) {
    const before = term[match.index - 1];
    const after = term[re.lastIndex];
    consumed = re.lastIndex;
    if (match[1] !== undefined && !match[2] && (before ?? ' ') === ' ' && (after ?? ' ') === ' ') {
      const words = match[1].split('|').map((o) => (/[*#\s]/.test(o.trim()) ? [] : tokenize(o, aliases)));
      if (words.every((w) => w.length === 1)) {
        phrases = phrases.map((p) => `${p}qqgrp${groupKey(groups.length)}qq`);
        groups.push(new Set(words.map((w) => w[0]!)));
        continue;
      }
    }
    const options = match[1] !== undefined ? match[1].split('|') : [match[3]!];
    if (match[2]) options.push('');
    phrases = phrases.flatMap((p) => options.map((o) => p + o));
    if (phrases.length > MAX_EXPANSIONS) return { error: `more than ${MAX_EXPANSIONS} phrases` };
  }
  if (consumed !== term.length) return { error: 'unbalanced or nested parentheses' };
  const out: Part[][] = [];
  for (const phrase of phrases) {
    const parts = phrase
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .flatMap<Part>((word) => {
        if (word === '#') return [{ number: true }];
        if (word === '*') return [{ any: true }];
        if (word.endsWith('*')) {
          const [stem] = tokenize(word.slice(0, -1), aliases);
          return stem && stem.length >= 3 ? [{ prefix: stem }] : [{ word: '\u0000' }];
        }
        return tokenize(word, aliases).map((w): Part => {
          if (w === '#') return { number: true };
          const group = /^qqgrp([a-z]+)qq$/.exec(w);
          return group ? { oneOf: groups[groupIndex(group[1]!)]! } : { word: w };
        });
      });
    if (parts.some((p) => 'word' in p && p.word === '\u0000'))
      return { error: `a prefix needs at least 3 letters: "${phrase}"` };
    if (!parts.length) continue;
    if (parts.length > MAX_TERM_TOKENS) return { error: `more than ${MAX_TERM_TOKENS} words: "${phrase}"` };
    if (parts.length === 1 && 'any' in parts[0]!) return { error: 'a term cannot be only "*"' };
    out.push(parts);
  }
  return out.length ? out : { error: 'no words' };
}

// ---------------------------------------------------------------- compiled lexicon

/**
 * The vocabulary compiled once, in plain JSON, by the background (expanding and tokenizing every
 * term takes tens of milliseconds): what a page stores and hydrates in a few milliseconds. A part
 * is a word, `word*` (a prefix), `#` (a number), `*` (any token) or a list (one of these words).
 */
export type PackedPart = string | string[];
/** The packed form's version: a page refuses another (the background packs again on update). */
export const PACKED_FORMAT = 9;
export interface PackedLexicon {
  format: typeof PACKED_FORMAT;
  window: MessageRules['window'];
  threshold: number;
  core: MessageRules['core'];
  aliases: Record<string, string>;
  signals: Array<Pick<MessageSignal, 'id' | 'weight' | 'effect'>>;
  /** Every term once: [signal index, anchor (see `anchorOf`), ...its parts' numbers in `parts`]. */
  terms: number[][];
  /** Each distinct part once (terms share them: "your", "(send|post)", `#`): a page makes one
   * object of each the first time a term needs it, by number, and nothing per term. */
  parts: PackedPart[];
  /** Term numbers by the token that anchors them: a word (each word of a group anchor), the first
   * three letters of a prefix anchor, or a number. A page tries only the terms the tokens of its
   * messages look up. */
  byWord: Record<string, number[]>;
  byPrefix: Record<string, number[]>;
  byNumber: number[];
  /** The concepts of each word of the vocabulary's terms: the signals whose terms hold it, as bits
   * (words found in the terms of more than CONCEPT_SIGNALS signals are left out). */
  conceptWords: Record<string, number>;
  /** The word model with its features numbered: `weights[n]` is feature n's weight; `stems`
   * numbers the words it weighs (alone or in a pair), `words` and the `pair…` lists give their
   * features by those numbers, `signals` a pair of signals' (by their ids, `pay+possess`: both are
   * in the window), `concepts` a pair of concepts' (the same way). */
  model?: PackedModel;
}

export interface PackedModel {
  bias: number;
  threshold: number;
  guard: string[];
  /** Words are weighed by their first `stem` letters (0: whole words). */
  stem: number;
  weights: number[];
  /** Every word the model weighs, alone or in a pair, by number (sorted, from 0). */
  stems: Record<string, number>;
  /** By a word's number: its own feature's number (-1: it counts only in pairs). */
  words: number[];
  /** The pairs starting with word s are pairSecond[pairStart[s] .. pairStart[s + 1]) (their
   * second words' numbers, ascending), with their features' numbers in pairFeature: a page looks a
   * pair up with two numbers, and builds nothing when it first meets a word. */
  pairStart: number[];
  pairSecond: number[];
  pairFeature: number[];
  signals: Record<string, number>;
  /** Pairs of concepts (`pay+spread`: a word of each in the window), by number. */
  concepts: Record<string, number>;
}

export function packLexicon(rules: MessageRules): PackedLexicon {
  const terms: PackedLexicon['terms'] = [];
  const byWord: Record<string, number[]> = {};
  const byPrefix: Record<string, number[]> = {};
  const byNumber: number[] = [];
  const packedParts: PackedPart[] = [];
  const partNumbers = new Map<string, number>();
  const partOf = (part: PackedPart) => {
    // (A group's key cannot be a word's: words have no "|".)
    const key = Array.isArray(part) ? `|${part.join('|')}` : part;
    let n = partNumbers.get(key);
    if (n === undefined) {
      n = packedParts.length;
      packedParts.push(part);
      partNumbers.set(key, n);
    }
    return n;
  };
  const add = (index: Record<string, number[]>, key: string, id: number) => {
    if (Object.hasOwn(index, key)) index[key]!.push(id);
    else index[key] = [id];
  };
  // Every term's phrases, expanded once.
  const phrases: Array<[signal: number, parts: Part[]]> = [];
  rules.signals.forEach((signal, index) => {
    for (const list of Object.values(signal.terms))
      for (const term of list) {
        const expanded = expandTerm(term, rules.aliases);
        if ('error' in expanded) continue; // refused by the schema already
        for (const parts of expanded) phrases.push([index, parts]);
      }
  });
  const uses = partUses(phrases.map(([, parts]) => parts));
  for (const [index, parts] of phrases) {
    const anchor = anchorOf(parts, uses);
    const id = terms.length;
    terms.push([
      index,
      anchor,
      ...parts.map((part) => {
        if ('word' in part) return partOf(part.word);
        if ('oneOf' in part) return partOf([...part.oneOf]);
        if ('prefix' in part) return partOf(`${part.prefix}*`);
        return partOf('number' in part ? '#' : '*');
      }),
    ]);
    const at = parts[anchor]!;
    if ('word' in at) add(byWord, at.word, id);
    else if ('oneOf' in at) for (const word of at.oneOf) add(byWord, word, id);
    else if ('prefix' in at) add(byPrefix, at.prefix.slice(0, 3), id);
    else if ('number' in at) byNumber.push(id);
  }
  const { window, threshold, core, aliases } = rules;
  return {
    format: PACKED_FORMAT,
    window,
    threshold,
    core,
    aliases,
    signals: rules.signals.map(({ id, weight, effect }) => ({ id, weight, effect })),
    terms,
    parts: packedParts,
    byWord,
    byPrefix,
    byNumber,
    conceptWords: conceptWords(phrases),
    ...(rules.model ? { model: packModel(rules.model) } : {}),
  };
}

/** A word stands for the concepts of at most this many signals (more: a word like "your" or "or"). */
const CONCEPT_SIGNALS = 2;

/** Each word of the vocabulary's terms, with the signals whose terms hold it, as bits: a message's
 * words say what it is about even when no term matches in full ("the clip", "your uncle", "Western
 * Union" in a new order). Words of more than CONCEPT_SIGNALS signals, and of one letter, are left
 * out. From the phrases packLexicon has expanded already (expanding every term takes tens of ms). */
function conceptWords(
  phrases: ReadonlyArray<readonly [signal: number, parts: readonly Part[]]>,
): Record<string, number> {
  const masks = new Map<string, number>();
  for (const [index, parts] of phrases) {
    if (index >= MAX_SIGNALS) continue;
    for (const part of parts)
      for (const word of wordsOf(part) ?? [])
        if (word.length > 1) masks.set(word, (masks.get(word) ?? 0) | (1 << index));
  }
  const out: Record<string, number> = {};
  for (const [word, mask] of [...masks].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (bitCount(mask) <= CONCEPT_SIGNALS) out[word] = mask;
  return out;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

function packModel(model: NonNullable<MessageRules['model']>): PackedModel {
  const features = Object.keys(model.weights).sort();
  const words = new Map<string, number>();
  const pairs: Array<[first: string, second: string, feature: number]> = [];
  const signals: Record<string, number> = {};
  const concepts: Record<string, number> = {};
  features.forEach((feature, n) => {
    if (feature.startsWith(SIGNAL_FEATURE)) {
      signals[feature.slice(SIGNAL_FEATURE.length)] = n;
      return;
    }
    if (feature.startsWith(CONCEPT_FEATURE)) {
      concepts[feature.slice(CONCEPT_FEATURE.length)] = n;
      return;
    }
    const space = feature.indexOf(' ');
    if (space < 0) words.set(feature, n);
    else pairs.push([feature.slice(0, space), feature.slice(space + 1), n]);
  });
  const names = [
    ...new Set([...words.keys(), ...pairs.flatMap(([first, second]) => [first, second])]),
  ].sort();
  const stems = Object.fromEntries(names.map((name, i) => [name, i]));
  const numbered = pairs
    .map(([first, second, feature]) => [stems[first]!, stems[second]!, feature] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pairStart = names.map(() => 0);
  for (const [first] of numbered) pairStart[first]!++;
  // Counts to offsets: pairStart[s] is where word s's pairs begin, one more entry for the end.
  let offset = 0;
  for (let s = 0; s < names.length; s++) [pairStart[s], offset] = [offset, offset + pairStart[s]!];
  pairStart.push(offset);
  return {
    bias: model.bias,
    threshold: model.threshold,
    guard: model.guard,
    stem: model.stem ?? 0,
    weights: features.map((feature) => model.weights[feature]!),
    stems,
    words: names.map((name) => words.get(name) ?? -1),
    pairStart,
    pairSecond: numbered.map(([, second]) => second),
    pairFeature: numbered.map(([, , feature]) => feature),
    signals,
    concepts,
  };
}

/**
 * Terms that add nothing to the signal a message gets: every phrase of the term holds, at some
 * place, a phrase of another term of the same signal and language that matches whatever it
 * matches ("apago o rascunho" under "apago", "send your nudes" under "(send|post) your nudes").
 * `npm run train:messages` lists them so rounds stop adding them; they are not refused, since
 * their words still count as the signal's concepts for the word model.
 */
export function coveredTerms(
  rules: Pick<MessageRules, 'signals' | 'aliases'>,
): Array<{ signal: string; language: string; term: string; by: string }> {
  const out: Array<{ signal: string; language: string; term: string; by: string }> = [];
  for (const signal of rules.signals)
    for (const [language, list] of Object.entries(signal.terms)) {
      const expanded = list.map((term) => {
        const phrases = expandTerm(term, rules.aliases);
        return 'error' in phrases ? [] : phrases;
      });
      list.forEach((term, t) => {
        if (!expanded[t]!.length) return;
        const by = list.find(
          (other, o) =>
            o !== t && expanded[t]!.every((phrase) => expanded[o]!.some((shorter) => holds(phrase, shorter))),
        );
        if (by !== undefined) out.push({ signal: signal.id, language, term, by });
      });
    }
  return out;
}

/** Whether `phrase` holds `shorter` somewhere, each of its parts matching at least what the
 * phrase's part there matches (a message that matches `phrase` then matches `shorter`). Two equal
 * phrases hold each other: of two identical terms, both are listed. */
function holds(phrase: readonly Part[], shorter: readonly Part[]): boolean {
  for (let at = 0; at + shorter.length <= phrase.length; at++)
    if (shorter.every((part, i) => covers(part, phrase[at + i]!))) return true;
  return false;
}

/** Every token `part` matches, `wide` matches too. */
function covers(wide: Part, part: Part): boolean {
  if ('any' in wide) return true;
  if ('number' in wide) return 'number' in part;
  const words = wordsOf(part);
  if ('word' in wide) return words !== null && words.every((w) => w === wide.word);
  if ('oneOf' in wide) return words !== null && words.every((w) => wide.oneOf.has(w));
  if ('prefix' in part) return part.prefix.startsWith(wide.prefix);
  return words !== null && words.every((w) => w.startsWith(wide.prefix));
}

/** The words a part matches, if it names them (a word, a group's words); null for a prefix, a
 * number or any token. */
const wordsOf = (part: Part): string[] | null =>
  'word' in part ? [part.word] : 'oneOf' in part ? [...part.oneOf] : null;

/** How many of the vocabulary's phrases hold each word, and each prefix's first three letters
 * (`sen*`): a word that many terms share ("your", "de", "to") is a common word of chat too. */
function partUses(phrases: readonly (readonly Part[])[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const parts of phrases) {
    const keys = new Set<string>();
    for (const part of parts)
      if ('word' in part) keys.add(part.word);
      else if ('oneOf' in part) for (const word of part.oneOf) keys.add(word);
      else if ('prefix' in part) keys.add(`${part.prefix.slice(0, 3)}*`);
    for (const key of keys) uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  return uses;
}

/**
 * The part a term is indexed under: the one the fewest phrases of the vocabulary share (a word; a
 * group counts all its words; a prefix, every phrase with a prefix of the same first three letters,
 * twice and one more, since it stands for many words), the longer on a tie; a number or `*` only when nothing
 * else is there. A term is tried wherever its anchor's token appears: under "your" or "de" it was
 * tried in most messages, under its rarest word in few. Which part is chosen never changes what
 * matches, only how often it is tried. Chosen when packing, so a page does not.
 */
function anchorOf(parts: readonly Part[], uses: ReadonlyMap<string, number>): number {
  const count = (key: string) => uses.get(key) ?? 1;
  let best = -1;
  let bestCost = Infinity;
  let bestLength = -1;
  parts.forEach((part, i) => {
    let cost: number;
    let length = 0;
    if ('word' in part) {
      cost = count(part.word);
      length = part.word.length;
    } else if ('oneOf' in part) {
      cost = 0;
      for (const word of part.oneOf) cost += count(word);
    } else if ('prefix' in part) {
      cost = 2 * count(`${part.prefix.slice(0, 3)}*`) + 1;
      length = part.prefix.length;
    } else if ('number' in part) cost = 1e9;
    else cost = 1e12; // any token: only if the term had nothing else (the schema refuses "*" alone)
    if (cost < bestCost || (cost === bestCost && length > bestLength)) {
      best = i;
      bestCost = cost;
      bestLength = length;
    }
  });
  return best;
}

/** A term's part kinds, as the page matches them. */
const WORD = 0;
const ONE_OF = 1;
const PREFIX = 2;
const NUMBER = 3;
const ANY = 4;

/** A term as packed: [signal index, anchor, ...part numbers] (the index holds it under its part
 * number `anchor`: it is tried where that part's token appears, starting `anchor` tokens
 * earlier). */
type Term = readonly number[];

/** A core rule with its signals as bits (an unknown id in `all` or `also`: the rule never holds;
 * in `any` or `none`, that one signal is left out). `any` 0: no such condition. */
interface CoreRule {
  message: boolean;
  all: number;
  also: number;
  any: number;
  none: number;
  /** The most consecutive messages the rule's signals may be spread over (0: the whole window). */
  span: number;
  /** The word model's probability the window must be above for the rule to hold (0: not asked). */
  confirm: number;
  possible: boolean;
}

// What the page keeps about each distinct token it meets, in flat typed arrays rather than an
// object per token: a chat's messages are read one burst at a time, each after the page has done
// other work, so what costs is memory the caches no longer hold, and a token's facts in a few
// neighbouring integers cost one or two cache lines where objects, arrays and sets cost one each
// (npm run bench:chat, README "Cost"). A token's number is given the first time it is met.
/** By token number, INFO integers: */
const INFO = 8;
/** the model's number for it (its first `stem` letters, PackedModel `stems`; -1: none), */
const STEM = 0;
/** its own feature's number (-1: none), */
const FEATURE = 1;
/** where the model's pairs starting with it are (PackedModel `pairSecond`, from PAIRS to
 * PAIRS_END), */
const PAIRS = 2;
const PAIRS_END = 3;
/** its concepts as signal bits (PackedLexicon.conceptWords), */
const CONCEPT = 4;
/** where the terms anchored on it are, compiled, in `code` (from TERMS to TERMS_END), */
const TERMS = 5;
const TERMS_END = 6;
/** and 1 once all that is filled in (a token numbered as a term's word, not yet met: 0). */
const FILLED = 7;

export interface Lexicon {
  rules: Pick<PackedLexicon, 'window' | 'threshold' | 'core'>;
  core: CoreRule[];
  signals: PackedLexicon['signals'];
  aliases: ReadonlyMap<string, string>;
  /** Signals whose effect is to ignore the message, or to show distress, as bits. */
  ignoreBits: number;
  distressBits: number;
  /** The packed vocabulary: its terms are compiled for a token the first time it is met. */
  packed: PackedLexicon;
  /** Every distinct token met, in a message or as a word of a term, by its number: chat repeats
   * its words, so most tokens cost one lookup. Bounded: past MEMO_SIZE, all below is forgotten and
   * begun again. */
  memo: Map<string, number>;
  /** By token number (INFO integers each: STEM, FEATURE…). */
  info: Int32Array;
  /** The terms anchored on each token, compiled, one after another: the signal's index, the
   * anchor, the number of parts, then each part's kind and value (WORD: the word's token number;
   * ONE_OF: where its words' numbers are in `groups`, after their count; PREFIX: its number in
   * `prefixes`). */
  code: Int32Array;
  codeLength: number;
  groups: number[];
  prefixes: string[];
  /** By packed part number: the compiled kind (-1: not yet) and value. */
  partKind: Int32Array;
  partValue: Int32Array;
  /** A message's token numbers (reused). */
  numbers: Int32Array;
  /** The word model, its guard signals as bits, and the weights of pairs of signals in the window
   * (`signals[i * MAX_SIGNALS + j]`, i < j, for signals i and j) and of pairs of concepts (words of
   * two signals' terms, the same way); null when the rules have none. */
  model: {
    weights: number[];
    bias: number;
    threshold: number;
    guard: number;
    /** As in PackedModel, in typed arrays. */
    words: Int32Array;
    /** By feature: the number of the last message read that has it (readMessage's `seen`), so a
     * message lists each feature once without searching its list. */
    seen: Int32Array;
    readings: number;
    pairStart: Int32Array;
    pairSecond: Int32Array;
    pairFeature: Int32Array;
    signals: Float64Array;
    concepts: Float64Array;
    /** Sums of `signals` and `concepts` by mask (memoSum). */
    signalSums: Map<number, number>;
    conceptSums: Map<number, number>;
  } | null;
}

/** Signals a message can have: one bit each in a small integer. */
export const MAX_SIGNALS = 30;
const MEMO_SIZE = 20_000;

/** What a page does with the stored vocabulary: the rules' small parts now, the terms on demand
 * (a page start costs next to nothing, whatever the size of the vocabulary). */
export function unpackLexicon(packed: PackedLexicon): Lexicon {
  const indexOf = (id: string) => {
    const index = packed.signals.findIndex((s) => s.id === id);
    return index >= MAX_SIGNALS ? -1 : index;
  };
  const bitOf = (id: string) => {
    const index = indexOf(id);
    return index < 0 ? -1 : 1 << index;
  };
  /** The known ones of these signals as one mask (unknown ids left out). */
  const maskOf = (ids: readonly string[] = []) =>
    ids.map(bitOf).reduce((mask, bit) => (bit === -1 ? mask : mask | bit), 0);
  /** The model's weights for pairs of signals (`pay+possess`) in a table by their indexes (the
   * lower first); a pair naming an id the rules lack counts for nothing. */
  const pairWeights = (numbers: Record<string, number>) => {
    const table = new Float64Array(MAX_SIGNALS * MAX_SIGNALS);
    for (const [ids, n] of Object.entries(numbers)) {
      const [a, b, ...rest] = ids.split('+').map(indexOf);
      if (a === undefined || b === undefined || rest.length || a < 0 || b < 0 || a === b) continue;
      table[Math.min(a, b) * MAX_SIGNALS + Math.max(a, b)] = packed.model!.weights[n]!;
    }
    return table;
  };
  const bits = (effect: string) =>
    packed.signals.reduce((all, s, i) => (s.effect === effect && i < MAX_SIGNALS ? all | (1 << i) : all), 0);
  return {
    rules: { window: packed.window, threshold: packed.threshold, core: packed.core },
    core: packed.core.map((rule) => {
      const any = maskOf(rule.any);
      return {
        message: rule.scope === 'message',
        all: maskOf(rule.all),
        also: maskOf(rule.also),
        any,
        none: maskOf(rule.none),
        span: rule.span ?? 0,
        confirm: rule.confirm ?? 0,
        possible:
          [...rule.all, ...(rule.also ?? [])].every((id) => bitOf(id) !== -1) &&
          (!rule.any?.length || any !== 0),
      };
    }),
    signals: packed.signals,
    aliases: new Map(Object.entries(packed.aliases)),
    ignoreBits: bits('ignore-message'),
    distressBits: bits('distress'),
    packed,
    memo: new Map(),
    info: new Int32Array(1024 * INFO),
    code: new Int32Array(4096),
    codeLength: 0,
    groups: [],
    prefixes: [],
    partKind: new Int32Array(packed.parts.length).fill(-1),
    partValue: new Int32Array(packed.parts.length),
    numbers: new Int32Array(64),
    model: packed.model
      ? {
          weights: packed.model.weights,
          bias: packed.model.bias,
          threshold: packed.model.threshold,
          guard: maskOf(packed.model.guard),
          words: Int32Array.from(packed.model.words),
          seen: new Int32Array(packed.model.weights.length),
          readings: 0,
          pairStart: Int32Array.from(packed.model.pairStart),
          pairSecond: Int32Array.from(packed.model.pairSecond),
          pairFeature: Int32Array.from(packed.model.pairFeature),
          signals: pairWeights(packed.model.signals),
          concepts: pairWeights(packed.model.concepts),
          signalSums: new Map(),
          conceptSums: new Map(),
        }
      : null,
  };
}

export const compileLexicon = (rules: MessageRules): Lexicon => unpackLexicon(packLexicon(rules));

/** Whether a packed term can be tried (a packed lexicon from elsewhere may hold a signal beyond
 * MAX_SIGNALS, which the schema allows no more of, an anchor outside the term or a part it lacks):
 * checked once, when a token first looks the term up. */
function usable(lex: Lexicon, term: Term | undefined): term is Term {
  if (!term || term.length < 3) return false;
  const signal = term[0]!;
  const anchor = term[1]!;
  if (!Number.isInteger(signal) || signal < 0 || signal >= MAX_SIGNALS) return false;
  if (!Number.isInteger(anchor) || anchor < 0 || anchor >= term.length - 2) return false;
  for (let i = 2; i < term.length; i++) if (lex.packed.parts[term[i]!] === undefined) return false;
  return true;
}

/** The terms anchored on this token: its word's, its first three letters' (prefixes), or the
 * numbers'. Exported for the tests (the work per message is the sum of these). */
export function termsFor(lex: Lexicon, token: string): readonly Term[] {
  const { byWord, byPrefix, byNumber, terms } = lex.packed;
  const ids: number[] = [];
  if (token === '#') ids.push(...byNumber);
  else if (Object.hasOwn(byWord, token)) ids.push(...byWord[token]!);
  if (token.length >= 3) {
    const head = token.slice(0, 3);
    if (Object.hasOwn(byPrefix, head)) ids.push(...byPrefix[head]!);
  }
  const out: Term[] = [];
  for (const id of ids) {
    const term = terms[id];
    if (usable(lex, term)) out.push(term);
  }
  return out;
}

/** Forget every token (the memo is full): numbers, compiled terms and parts begin again. */
function forget(lex: Lexicon): void {
  lex.memo.clear();
  lex.codeLength = 0;
  lex.groups.length = 0;
  lex.prefixes.length = 0;
  lex.partKind.fill(-1);
}

/** The token's number, given now if it has none (its facts not yet filled in). */
function numberOf(lex: Lexicon, token: string): number {
  return lex.memo.get(token) ?? newNumber(lex, token);
}

/** The next number, for a token the memo does not hold, its facts not yet worked out. */
function newNumber(lex: Lexicon, token: string): number {
  const n = lex.memo.size;
  lex.memo.set(token, n);
  lex.info = room(lex.info, (n + 1) * INFO);
  lex.info[n * INFO + FILLED] = 0;
  return n;
}

/** `array` if it holds `size` integers, else a copy at least twice as long. */
function room(array: Int32Array, size: number): Int32Array {
  if (size <= array.length) return array;
  const grown = new Int32Array(Math.max(array.length * 2, size));
  grown.set(array);
  return grown;
}

/** A token met in a message: its number, its facts filled in the first time. */
function tokenNumber(lex: Lexicon, token: string): number {
  const n = lex.memo.get(token) ?? newNumber(lex, token);
  if (lex.info[n * INFO + FILLED] === 0) fill(lex, token, n);
  return n;
}

/** A token's facts (INFO), worked out once: the model's numbers for it, its concepts, and the
 * terms anchored on it, compiled. */
function fill(lex: Lexicon, token: string, n: number): void {
  const { model: packedModel, conceptWords } = lex.packed;
  const name = stemOf(token, packedModel?.stem ?? 0);
  const stem = packedModel && Object.hasOwn(packedModel.stems, name) ? packedModel.stems[name]! : -1;
  const start = lex.codeLength;
  for (const term of termsFor(lex, token)) compileTerm(lex, term);
  // (Compiling may have numbered new words and grown `info`.)
  const info = lex.info;
  const base = n * INFO;
  info[base + STEM] = stem;
  info[base + FEATURE] = stem >= 0 ? lex.model!.words[stem]! : -1;
  info[base + PAIRS] = stem >= 0 ? lex.model!.pairStart[stem]! : 0;
  info[base + PAIRS_END] = stem >= 0 ? lex.model!.pairStart[stem + 1]! : 0;
  info[base + CONCEPT] = Object.hasOwn(conceptWords, token) ? conceptWords[token]! : 0;
  info[base + TERMS] = start;
  info[base + TERMS_END] = lex.codeLength;
  info[base + FILLED] = 1;
}

/** A term appended to `code`: its signal's index, its anchor, its length, and each part's kind
 * and value (parts compiled the first time a term has them). */
function compileTerm(lex: Lexicon, term: Term): void {
  const length = term.length - 2;
  lex.code = room(lex.code, lex.codeLength + 3 + 2 * length);
  let at = lex.codeLength;
  const code = lex.code;
  code[at++] = term[0]!;
  code[at++] = term[1]!;
  code[at++] = length;
  for (let i = 0; i < length; i++) {
    const n = term[i + 2]!;
    if (lex.partKind[n] === -1) compilePart(lex, n);
    code[at++] = lex.partKind[n]!;
    code[at++] = lex.partValue[n]!;
  }
  lex.codeLength = at;
}

function compilePart(lex: Lexicon, n: number): void {
  const packed = lex.packed.parts[n]!;
  let kind: number;
  let value = 0;
  if (Array.isArray(packed)) {
    kind = ONE_OF;
    value = lex.groups.length;
    lex.groups.push(packed.length, ...packed.map((word) => numberOf(lex, word)));
  } else if (packed === '#') kind = NUMBER;
  else if (packed === '*') kind = ANY;
  else if (packed.endsWith('*')) {
    kind = PREFIX;
    value = lex.prefixes.length;
    lex.prefixes.push(packed.slice(0, -1));
  } else {
    kind = WORD;
    value = numberOf(lex, packed);
  }
  lex.partKind[n] = kind;
  lex.partValue[n] = value;
}

/** What one message says, in signals. */
export interface MessageReading {
  /** The signals found, one bit per index into the rules' signals (bit i: signal i). */
  mask: number;
  /** Reported speech, news, a warning: counts for nothing. */
  ignored: boolean;
  distress: boolean;
  /** The word model's words and word pairs in the message, by number, each once (none without a
   * model). */
  features: number[];
  /** The concepts of its words (PackedLexicon.conceptWords), as signal bits. */
  concepts: number;
}

export function readMessage(lex: Lexicon, text: string): MessageReading {
  const tokens = tokenize(text, lex.aliases);
  const count = tokens.length;
  // Numbers from one memo for the whole message: it is forgotten, when this message's tokens
  // would fill it, only here (so it holds at most MEMO_SIZE tokens and the words of the terms
  // they anchor).
  if (lex.memo.size + count > MEMO_SIZE) forget(lex);
  if (lex.numbers.length < count) lex.numbers = new Int32Array(Math.max(count, lex.numbers.length * 2));
  const numbers = lex.numbers;
  for (let at = 0; at < count; at++) numbers[at] = tokenNumber(lex, tokens[at]!);
  // (Read after every token has its number: numbering may grow them.)
  const { info, code, groups, prefixes } = lex;
  let mask = 0;
  let concepts = 0;
  const features: number[] = [];
  // This message's number: a feature whose `seen` holds it is in `features` already.
  const model = lex.model;
  let reading = 0;
  if (model) {
    if (model.readings === 0x7fffffff) {
      model.seen.fill(0);
      model.readings = 0;
    }
    reading = ++model.readings;
  }
  const seen = model?.seen;
  // The word pairs the model weighs that start with the token before.
  let pairs = 0;
  let pairsEnd = 0;
  for (let at = 0; at < count; at++) {
    const base = numbers[at]! * INFO;
    concepts |= info[base + CONCEPT]!;
    // Each term anchored here: its parts against the tokens from `anchor` tokens back. (One loop,
    // no call per term or part: in a page this code is often still interpreted, where a call
    // costs more than the comparison it makes.)
    for (let p = info[base + TERMS]!, end = info[base + TERMS_END]!; p < end;) {
      const bit = 1 << code[p]!;
      const from = at - code[p + 1]!;
      const length = code[p + 2]!;
      let q = p + 3;
      p = q + 2 * length;
      if ((mask & bit) !== 0 || from < 0 || from + length > count) continue;
      let k = from;
      for (; q < p; q += 2, k++) {
        const kind = code[q]!;
        const value = code[q + 1]!;
        if (kind === WORD) {
          if (numbers[k] !== value) break;
        } else if (kind === ONE_OF) {
          const number = numbers[k]!;
          let g = value + 1;
          const last = g + groups[value]!;
          while (g < last && groups[g] !== number) g++;
          if (g === last) break;
        } else if (kind === PREFIX) {
          if (!tokens[k]!.startsWith(prefixes[value]!)) break;
        } else if (kind === NUMBER && tokens[k] !== '#') break;
      }
      if (q === p) mask |= bit;
    }
    const word = info[base + FEATURE]!;
    if (word >= 0 && seen![word] !== reading) {
      seen![word] = reading;
      features.push(word);
    }
    const stem = info[base + STEM]!;
    if (pairsEnd > pairs && stem >= 0) {
      const pair = pairFeature(model!, pairs, pairsEnd, stem);
      if (pair >= 0 && seen![pair] !== reading) {
        seen![pair] = reading;
        features.push(pair);
      }
    }
    pairs = info[base + PAIRS]!;
    pairsEnd = info[base + PAIRS_END]!;
  }
  return {
    mask,
    ignored: (mask & lex.ignoreBits) !== 0,
    distress: (mask & lex.distressBits) !== 0,
    features,
    concepts,
  };
}

/** The feature of the pair whose second word is `stem`, among the pairs from `from` to `end` (one
 * first word's, ascending), by halving: -1, none. */
function pairFeature(model: NonNullable<Lexicon['model']>, from: number, end: number, stem: number): number {
  let low = from;
  let high = end - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const second = model.pairSecond[middle]!;
    if (second === stem) return model.pairFeature[middle]!;
    if (second < stem) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** A model feature that is two signals in the window, not words: `=`, then their ids in
 * alphabetical order joined by `+` (`=pay+possess`). */
export const SIGNAL_FEATURE = '=';
/** A model feature that is two concepts in the window (a word of each signal's terms): `~`, then
 * the ids as for signals (`~audience+spread`). */
export const CONCEPT_FEATURE = '~';

/** The first `stem` letters of a word longer than that (0: the whole word): how the word model
 * spells a word (MessageModel `stem`). Since rules revision 51, 6: leave-one-batch-out over the 47
 * batches of then, each with its own threshold by the rule (tests/fixtures/messages/train.ts),
 * caught 3,855 of 4,777 threats with stems of 6 letters, 3,791 with whole words, 3,813 with 7 and
 * 3,717 with 5, every language's benign conversations at the bar; with 6, more in every language. */
export const stemOf = (token: string, stem: number): string =>
  stem > 0 && token.length > stem ? token.slice(0, stem) : token;

/** The features of a window of messages, each once: its words and word pairs (as `tokenize` spells
 * them, cut to their first `stem` letters), each pair of the vocabulary's signals found in them (`=pay+possess`; reported speech
 * counts for none, as in the verdict) and each pair of concepts (`~audience+spread`). Pairs, not
 * single signals: one signal ("I have your photos from the party" is a possession claim) is
 * everyday chat; the research finds threats where they meet. What the word model is trained on
 * (scripts/train-messages.mjs) and weighs in the page; `lex` is the vocabulary (its own model, if
 * any, plays no part). */
export function modelFeatures(lex: Lexicon, messages: readonly string[], stem = 0): string[] {
  const features = new Set<string>();
  let present = 0;
  let concepts = 0;
  for (const message of messages) {
    const tokens = tokenize(message, lex.aliases).map((token) => stemOf(token, stem));
    for (let at = 0; at < tokens.length; at++) {
      features.add(tokens[at]!);
      if (at + 1 < tokens.length) features.add(`${tokens[at]!} ${tokens[at + 1]!}`);
    }
    const reading = readMessage(lex, message);
    if (!reading.ignored) {
      present |= reading.mask;
      concepts |= reading.concepts;
    }
  }
  for (const [prefix, mask] of [
    [SIGNAL_FEATURE, present],
    [CONCEPT_FEATURE, concepts],
  ] as const) {
    const ids = signalIds(lex, mask);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) features.add(`${prefix}${ids[i]!}+${ids[j]!}`);
  }
  return [...features];
}

/** The word model's probability for a window of messages (0 without a model). */
export function modelProbability(lex: Lexicon, window: readonly MessageReading[]): number {
  if (!lex.model) return 0;
  let present = 0;
  let concepts = 0;
  for (const reading of window)
    if (!reading.ignored) {
      present |= reading.mask;
      concepts |= reading.concepts;
    }
  return windowProbability(lex.model, window, present, concepts, undefined);
}

/** The model's weights for the pairs of signals, and of concepts, in the window: a window has few
 * of either, so this goes over their pairs, not over the model's. */
function pairSum(model: NonNullable<Lexicon['model']>, present: number, concepts: number): number {
  return (
    memoSum(model.signalSums, model.signals, present) + memoSum(model.conceptSums, model.concepts, concepts)
  );
}

/** A window's masks change little from one message to the next: each mask's sum is worked out
 * once (bounded), a lookup instead of a loop over its pairs. */
function memoSum(memo: Map<number, number>, table: Float64Array, mask: number): number {
  let z = memo.get(mask);
  if (z === undefined) {
    z = tableSum(table, mask);
    if (memo.size >= SUMS_SIZE) memo.clear();
    memo.set(mask, z);
  }
  return z;
}
const SUMS_SIZE = 4096;

function tableSum(table: Float64Array, mask: number): number {
  let z = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) {
    const i = 31 - Math.clz32(rest & -rest);
    for (let others = rest & (rest - 1); others !== 0; others &= others - 1)
      z += table[i * MAX_SIGNALS + 31 - Math.clz32(others & -others)]!;
  }
  return z;
}

/** The model's sum for a window's words: its bias and each word and word pair once. */
function modelLogit(model: NonNullable<Lexicon['model']>, window: readonly MessageReading[]): number {
  let z = model.bias;
  const seen = new Set<number>();
  for (const { features } of window)
    for (const feature of features)
      if (!seen.has(feature)) {
        seen.add(feature);
        z += model.weights[feature]!;
      }
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Whether a new message can change the verdict: it has a signal, a word the model weighs or a
 * concept, and is not reported speech (news, a warning) with no distress in it. */
export const canFire = (reading: MessageReading): boolean =>
  (reading.mask !== 0 || reading.features.length > 0 || reading.concepts !== 0) &&
  (!reading.ignored || reading.distress);

/** The ids of the signals in a mask, sorted (the evaluation's report, tests). */
export function signalIds(lex: Lexicon, mask: number): string[] {
  return lex.signals
    .filter((_, i) => i < MAX_SIGNALS && mask & (1 << i))
    .map((s) => s.id)
    .sort();
}

export interface Verdict {
  /** Show the help panel. */
  fire: boolean;
  score: number;
  /** The signals that counted, by id (for tests and the eval report; never stored or sent). */
  signals: string[];
  /** The thread shows distress (the person's own words, or a taunt after them). */
  distress: boolean;
}

/** Score a window of messages (oldest first). `explain`: list the signals that counted (the
 * evaluation's report); the page does without. `logit`: the word model's sum for this window when
 * the caller keeps it (ConversationWindows), else it is worked out here. */
export function judgeWindow(
  lex: Lexicon,
  window: readonly MessageReading[],
  explain = true,
  logit?: number,
): Verdict {
  let present = 0;
  let concepts = 0;
  let distress = false;
  for (const reading of window) {
    if (reading.distress) distress = true;
    if (!reading.ignored) {
      present |= reading.mask;
      concepts |= reading.concepts;
    }
  }
  // (A message's bits are all below MAX_SIGNALS and the number of signals: see `usable`.)
  let score = 0;
  for (let rest = present; rest !== 0; rest &= rest - 1)
    score += lex.signals[31 - Math.clz32(rest & -rest)]!.weight;
  const signals = explain ? signalIds(lex, present) : [];
  // The core is looked at only when the score is there: most windows stop here.
  if (score < lex.rules.threshold)
    return { fire: modelFires(lex, window, present, concepts, logit), score, signals, distress };
  // The model's probability, worked out only for a rule that asks for it (`confirm`), and then
  // once: modelFires below takes it rather than working it out again.
  let probability = -1;
  const core = lex.core.some((rule) => {
    if (!coreHolds(rule, window, present)) return false;
    if (rule.confirm === 0 || !lex.model) return true;
    if (probability < 0) probability = windowProbability(lex.model, window, present, concepts, logit);
    return probability > rule.confirm;
  });
  return {
    fire: core || modelFires(lex, window, present, concepts, logit, probability),
    score,
    signals,
    distress,
  };
}

/** A core rule in a window whose messages' signals (reported speech left out) are `present`. Its
 * `all` and `also` must be in `present` before any message is looked at: most rules stop there.
 * With a `span` shorter than the window, each stretch of that many messages is tried alone. */
function coreHolds(rule: CoreRule, window: readonly MessageReading[], present: number): boolean {
  if (!rule.possible || (present & rule.all) !== rule.all || (present & rule.also) !== rule.also)
    return false;
  if (rule.span === 0 || rule.span >= window.length) return holdsIn(rule, window, 0, window.length);
  for (let start = 0; start + rule.span <= window.length; start++)
    if (holdsIn(rule, window, start, start + rule.span)) return true;
  return false;
}

/** The rule in the window's messages from `start` up to `end`. */
function holdsIn(rule: CoreRule, window: readonly MessageReading[], start: number, end: number): boolean {
  // The messages that hold none of `none`: a possession claim in a joke, "I still have the pics
  // from 2019 😂", neither meets a payment in another message nor stands as `also`. (A message rule
  // without `also` needs none of this: it looks at one message at a time.)
  if (!rule.message || rule.also !== 0) {
    let counted = 0;
    for (let i = start; i < end; i++) {
      const reading = window[i]!;
      if (!reading.ignored && (reading.mask & rule.none) === 0) counted |= reading.mask;
    }
    if ((counted & rule.also) !== rule.also) return false;
    // `all`, one of `any` and none of `none` across those messages.
    if (!rule.message) return ruleHoldsIn(rule, counted);
  }
  // … or in one message.
  for (let i = start; i < end; i++) {
    const reading = window[i]!;
    if (!reading.ignored && ruleHoldsIn(rule, reading.mask)) return true;
  }
  return false;
}

/** `all`, one of `any` and none of `none` in these signals. */
const ruleHoldsIn = (rule: CoreRule, mask: number): boolean =>
  (mask & rule.all) === rule.all && (rule.any === 0 || (mask & rule.any) !== 0) && (mask & rule.none) === 0;

/** The word model's say: above its threshold, with one of its guard signals in the window, as a
 * signal or as a concept (a word of its terms: "Zahlung", "skins", "Kopie"), since rules revision
 * 19 (leave-one-batch-out over fresh11/ to fresh14/: 290 against 270 of 384 caught, 5 false
 * positives of 384 either way). `probability`: the model's, when the caller has it already. */
function modelFires(
  lex: Lexicon,
  window: readonly MessageReading[],
  present: number,
  concepts: number,
  logit: number | undefined,
  probability = -1,
): boolean {
  const model = lex.model;
  if (!model || (model.guard !== 0 && ((present | concepts) & model.guard) === 0)) return false;
  return (
    (probability >= 0 ? probability : windowProbability(model, window, present, concepts, logit)) >
    model.threshold
  );
}

/** The word model's probability for a window whose signals and concepts are `present` and
 * `concepts`, its sum `logit` when the caller keeps it. */
const windowProbability = (
  model: NonNullable<Lexicon['model']>,
  window: readonly MessageReading[],
  present: number,
  concepts: number,
  logit: number | undefined,
): number => sigmoid((logit ?? modelLogit(model, window)) + pairSum(model, present, concepts));

/** Score a whole conversation as given (the evaluation's unit): its last window. */
export function judgeConversation(lex: Lexicon, messages: readonly string[]): Verdict {
  const window = messages.slice(-lex.rules.window.messages).map((m) => readMessage(lex, m));
  return judgeWindow(lex, window);
}

// ---------------------------------------------------------------- conversations over time

/** At most one panel per conversation per hour (SPEC §6.7). */
export const PANEL_INTERVAL_MS = 60 * 60 * 1000;

const QUIET: Verdict = { fire: false, score: 0, signals: [], distress: false };

/**
 * Recent messages per conversation, kept as readings only (signal bits and the model's words,
 * never the text), within the rules' window of messages and minutes. `add` returns the verdict
 * after a new message. The word model's sum is kept up to date as messages enter and leave (how
 * many messages in the window have each word), so a message costs its own words, not the window's.
 */
interface Window {
  at: number[];
  readings: MessageReading[];
  /** How many messages in the window have each of the model's features (by number). */
  counts: Uint8Array;
  logit: number;
}

export class ConversationWindows {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly lex: Lexicon) {}

  add(conversation: string, text: string, now: number): Verdict {
    const { messages, minutes } = this.lex.rules.window;
    let window = this.windows.get(conversation);
    if (!window) {
      const model = this.lex.model;
      window = {
        at: [],
        readings: [],
        counts: new Uint8Array(model ? model.weights.length : 0),
        logit: model?.bias ?? 0,
      };
      this.windows.set(conversation, window);
      if (this.windows.size > 50) this.windows.delete(this.windows.keys().next().value!);
    }
    const since = now - minutes * 60_000;
    while (window.at.length && (window.at[0]! < since || window.at.length >= messages)) {
      window.at.shift();
      this.count(window, window.readings.shift()!, -1);
    }
    const reading = readMessage(this.lex, text);
    window.at.push(now);
    window.readings.push(reading);
    this.count(window, reading, 1);
    // A message that adds nothing cannot make the window fire (most messages say nothing): the
    // judgement runs only after one that does.
    if (!canFire(reading)) return QUIET;
    return judgeWindow(this.lex, window.readings, false, window.logit);
  }

  private count(window: Window, reading: MessageReading, delta: 1 | -1): void {
    const model = this.lex.model;
    if (!model) return;
    const { features } = reading;
    for (let i = 0; i < features.length; i++) {
      const feature = features[i]!;
      const before = window.counts[feature]!;
      window.counts[feature] = before + delta;
      if (before === 0) window.logit += model.weights[feature]!;
      else if (before === 1 && delta < 0) window.logit -= model.weights[feature]!;
    }
    // An empty window starts again from the bias (no rounding left over).
    if (window.readings.length === 0) window.logit = model.bias;
  }
}
