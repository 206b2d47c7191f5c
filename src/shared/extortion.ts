// C8: does a run of incoming messages read like sextortion? Pure logic, run in the page (the text
// never leaves it). The vocabulary, weights, threshold and the "core" that must be present are data
// in the signed rules (`messages`, see ./rules.ts): new phrases ship as a rules update.
//
// Text is normalised (case, accents, leetspeak, spaced-out letters, repeated letters, chat
// abbreviations; emoji and punctuation dropped) into tokens, and every language's terms are looked
// up on every message through one index keyed by a term's first token: the cost is linear in the
// text's length whatever the rules say (terms are short token patterns, never regular expressions).
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
 * ("n u d e s") joined, three or more repeated letters made one, then the rules' aliases (ur → your).
 * It runs on every message C8 reads: plain ASCII skips the Unicode steps.
 */
export function tokenize(
  text: string,
  aliases: ReadonlyMap<string, string> | Readonly<Record<string, string>> = NO_ALIASES,
): string[] {
  const isMap = aliases instanceof Map;
  const maxAlias = isMap ? longestKey(aliases as ReadonlyMap<string, string>) : MAX_ALIAS;
  let plain = (text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) : text).toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(plain)) plain = plain.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
  if (/[$€£]/.test(plain)) plain = plain.replace(/r\$|[$€£](?=\s*\d)|(?<=\d\s*)[$€£]/g, ' cur ');
  if (/\d[.,]\d/.test(plain)) plain = plain.replace(/(\d)[.,](?=\d)/g, '$1');
  const out: string[] = [];
  const emit = (token: string) => {
    const replacement =
      token.length > maxAlias
        ? undefined
        : isMap
          ? (aliases as ReadonlyMap<string, string>).get(token)
          : (aliases as Record<string, string>)[token];
    if (replacement === undefined) out.push(token);
    else for (const a of replacement.split(' ')) if (a) out.push(a);
  };
  let letters: string[] = [];
  const push = (token: string) => {
    if (token.length === 1 && token !== '#') {
      letters.push(token);
      return;
    }
    // (A new list only after a run of single letters: most tokens have none before them.)
    if (letters.length) {
      if (letters.length >= 3) emit(letters.join(''));
      else for (const letter of letters) emit(letter);
      letters = [];
    }
    if (token) emit(token);
  };
  // One pass over the characters: runs of letters, digits, @ and $ are the words. The same pass
  // notes whether a word has a letter three times in a row (only then is it squeezed) and digits.
  let start = -1;
  let digits = 0;
  let run = 0;
  let tripled = false;
  for (let i = 0, previous = -1; i <= plain.length; i++) {
    const c = i < plain.length ? plain.charCodeAt(i) : 32;
    const digit = (c >= 48 && c <= 57) || c === 64 || c === 36;
    const word = digit || (c >= 97 && c <= 122) || (c > 127 && WORD_CHAR.test(plain[i]!));
    if (word) {
      if (start < 0) {
        start = i;
        digits = 0;
        run = 0;
        tripled = false;
      }
      if (digit) digits++;
      run = c === previous ? run + 1 : 1;
      if (run === 3) tripled = true;
      previous = c;
    } else if (start >= 0) {
      const piece = plain.slice(start, i);
      // Most words are letters only, with no letter tripled: as they are.
      if (digits === 0) push(tripled ? squeeze(piece) : piece);
      else splitToken(piece, digits, push);
      start = -1;
      previous = -1;
    }
  }
  push('');
  return out;
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
const WORD_CHAR = /[\p{L}\p{N}]/u;

function splitToken(piece: string, digits: number, push: (token: string) => void): void {
  if (digits === 0) return push(squeeze(piece));
  if (digits === piece.length) return /\d/.test(piece) ? push('#') : undefined;
  // 24h, 10min, 500euros: a number and a word.
  const lead = /^(\d+)(\p{L}+)$/u.exec(piece);
  if (lead) {
    push('#');
    return push(squeeze(lead[2]!));
  }
  // every1, some1
  const one = /^(\p{L}+)1$/u.exec(piece);
  if (one) return push(`${squeeze(one[1]!)}one`);
  push(squeeze(piece.replace(/[\d@$]/g, (c) => LEET[c] ?? c)));
}

/** nuuuudes → nudes (three or more of a letter become one; doubles stay: "cool"). */
function squeeze(word: string): string {
  for (let i = 2; i < word.length; i++)
    if (word[i] === word[i - 1] && word[i] === word[i - 2]) return word.replace(/(\p{L})\1{2,}/gu, '$1');
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
export const PACKED_FORMAT = 2;
export interface PackedLexicon {
  format: typeof PACKED_FORMAT;
  window: MessageRules['window'];
  threshold: number;
  core: MessageRules['core'];
  aliases: Record<string, string>;
  signals: Array<Pick<MessageSignal, 'id' | 'weight' | 'effect'>>;
  /** [signal index, anchor (see `anchorOf`), ...parts] */
  terms: Array<[number, number, ...PackedPart[]]>;
}

export function packLexicon(rules: MessageRules): PackedLexicon {
  const terms: PackedLexicon['terms'] = [];
  rules.signals.forEach((signal, index) => {
    for (const list of Object.values(signal.terms))
      for (const term of list) {
        const expanded = expandTerm(term, rules.aliases);
        if ('error' in expanded) continue; // refused by the schema already
        for (const parts of expanded)
          terms.push([
            index,
            anchorOf(parts),
            ...parts.map((part): PackedPart => {
              if ('word' in part) return part.word;
              if ('oneOf' in part) return [...part.oneOf];
              if ('prefix' in part) return `${part.prefix}*`;
              return 'number' in part ? '#' : '*';
            }),
          ]);
      }
  });
  const { window, threshold, core, aliases } = rules;
  return {
    format: PACKED_FORMAT,
    window,
    threshold,
    core,
    aliases,
    signals: rules.signals.map(({ id, weight, effect }) => ({ id, weight, effect })),
    terms,
  };
}

/**
 * The part a term is indexed under: its longest single word (long words are rare in chat, so the
 * term is tried at few places), else a prefix, else a group of words, else a number. Indexing
 * every term under its first token instead made each "you", "your" or "if" in a message try
 * hundreds of terms. Which part is chosen never changes what matches, only how often it is tried.
 * Chosen when packing, so a page does not.
 */
function anchorOf(parts: readonly Part[]): number {
  let best = -1;
  let bestRank = -1;
  parts.forEach((part, i) => {
    const rank =
      'word' in part
        ? 100 + part.word.length
        : 'prefix' in part
          ? 50 + part.prefix.length
          : 'oneOf' in part
            ? 20 - Math.min(part.oneOf.size, 19)
            : 'number' in part
              ? 1
              : 0;
    if (rank > bestRank) {
      best = i;
      bestRank = rank;
    }
  });
  return best;
}

/** A term's part as the page matches it: one shape for every kind (a word, one of several words, a
 * prefix, a number, any token), so matching stays on V8's fast path. */
const WORD = 0;
const ONE_OF = 1;
const PREFIX = 2;
const NUMBER = 3;
const ANY = 4;
interface CompiledPart {
  kind: number;
  /** The word, or the prefix. */
  text: string;
  words: ReadonlySet<string> | null;
}

interface CompiledTerm {
  signal: number;
  parts: CompiledPart[];
  /** Which part the index holds the term under: the term is tried where that part's token
   * appears, starting `anchor` tokens earlier. */
  anchor: number;
}

export interface Lexicon {
  rules: Pick<PackedLexicon, 'window' | 'threshold' | 'core'>;
  /** The core rules with signal numbers instead of ids (unknown ids: the rule never holds). */
  core: Array<{ message: boolean; all: number[]; also: number[] }>;
  signals: PackedLexicon['signals'];
  byWord: Map<string, CompiledTerm[]>;
  /** Terms anchored on a prefix, keyed by its first three letters. */
  byPrefix: Map<string, CompiledTerm[]>;
  /** Terms anchored on a number. */
  byNumber: CompiledTerm[];
  aliases: ReadonlyMap<string, string>;
}

export function unpackLexicon(packed: PackedLexicon): Lexicon {
  const lex: Lexicon = {
    rules: { window: packed.window, threshold: packed.threshold, core: packed.core },
    core: packed.core.map((rule) => ({
      message: rule.scope === 'message',
      all: rule.all.map((id) => packed.signals.findIndex((s) => s.id === id)),
      also: (rule.also ?? []).map((id) => packed.signals.findIndex((s) => s.id === id)),
    })),
    signals: packed.signals,
    byWord: new Map(),
    byPrefix: new Map(),
    byNumber: [],
    aliases: new Map(Object.entries(packed.aliases)),
  };
  const add = (map: Map<string, CompiledTerm[]>, key: string, term: CompiledTerm) => {
    const list = map.get(key);
    if (list) list.push(term);
    else map.set(key, [term]);
  };
  // Parts repeat across terms (the same word, the same group): one object each.
  const parts = new Map<string, CompiledPart>();
  const unpack = (packedPart: PackedPart): CompiledPart => {
    const key = Array.isArray(packedPart) ? `|${packedPart.join('|')}` : packedPart;
    let part = parts.get(key);
    if (!part) {
      part = Array.isArray(packedPart)
        ? { kind: ONE_OF, text: '', words: new Set(packedPart) }
        : packedPart === '#'
          ? { kind: NUMBER, text: '', words: null }
          : packedPart === '*'
            ? { kind: ANY, text: '', words: null }
            : packedPart.endsWith('*')
              ? { kind: PREFIX, text: packedPart.slice(0, -1), words: null }
              : { kind: WORD, text: packedPart, words: null };
      parts.set(key, part);
    }
    return part;
  };
  for (const [signal, anchor, ...packedParts] of packed.terms) {
    const term = { signal, parts: packedParts.map(unpack), anchor };
    const part = term.parts[anchor];
    if (!part) continue;
    if (part.kind === WORD) add(lex.byWord, part.text, term);
    else if (part.kind === ONE_OF) for (const word of part.words!) add(lex.byWord, word, term);
    else if (part.kind === PREFIX) add(lex.byPrefix, part.text.slice(0, 3), term);
    else if (part.kind === NUMBER) lex.byNumber.push(term);
  }
  return lex;
}

export const compileLexicon = (rules: MessageRules): Lexicon => unpackLexicon(packLexicon(rules));

function partMatches(part: CompiledPart, token: string): boolean {
  switch (part.kind) {
    case WORD:
      return part.text === token;
    case ONE_OF:
      return part.words!.has(token);
    case PREFIX:
      return token.startsWith(part.text);
    case NUMBER:
      return token === '#';
    default:
      return true;
  }
}

function matchesAt(tokens: readonly string[], at: number, parts: readonly CompiledPart[]): boolean {
  if (at + parts.length > tokens.length) return false;
  for (let i = 0; i < parts.length; i++) if (!partMatches(parts[i]!, tokens[at + i]!)) return false;
  return true;
}

/** What one message says, in signals. */
export interface MessageReading {
  /** Indexes into the rules' signals. */
  signals: Set<number>;
  /** Reported speech, news, a warning: counts for nothing. */
  ignored: boolean;
  distress: boolean;
}

export function readMessage(lex: Lexicon, text: string): MessageReading {
  const tokens = tokenize(text, lex.aliases);
  const found = new Set<number>();
  const check = (terms: readonly CompiledTerm[] | undefined, at: number) => {
    if (!terms) return;
    for (const term of terms)
      if (!found.has(term.signal) && at >= term.anchor && matchesAt(tokens, at - term.anchor, term.parts))
        found.add(term.signal);
  };
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (token === '#') check(lex.byNumber, at);
    else {
      check(lex.byWord.get(token), at);
      if (token.length >= 3) check(lex.byPrefix.get(token.slice(0, 3)), at);
    }
  }
  let ignored = false;
  let distress = false;
  for (const index of found) {
    const effect = lex.signals[index]!.effect;
    if (effect === 'ignore-message') ignored = true;
    else if (effect === 'distress') distress = true;
  }
  return { signals: found, ignored, distress };
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
 * evaluation's report); the page does without. */
export function judgeWindow(lex: Lexicon, window: readonly MessageReading[], explain = true): Verdict {
  const present = new Set<number>();
  let distress = false;
  for (const reading of window) {
    if (reading.distress) distress = true;
    if (reading.ignored) continue;
    for (const s of reading.signals) present.add(s);
  }
  let score = 0;
  for (const s of present) score += lex.signals[s]!.weight;
  const signals = () => (explain ? [...present].map((s) => lex.signals[s]!.id).sort() : []);
  // The core is looked at only when the score is there: most windows stop here.
  if (score < lex.rules.threshold) return { fire: false, score, signals: signals(), distress };
  const core = lex.core.some(
    (rule) =>
      rule.also.every((s) => present.has(s)) &&
      (rule.message
        ? window.some((reading) => !reading.ignored && rule.all.every((s) => reading.signals.has(s)))
        : rule.all.every((s) => present.has(s))),
  );
  return { fire: core, score, signals: signals(), distress };
}

/** Score a whole conversation as given (the evaluation's unit): its last window. */
export function judgeConversation(lex: Lexicon, messages: readonly string[]): Verdict {
  const window = messages.slice(-lex.rules.window.messages).map((m) => readMessage(lex, m));
  return judgeWindow(lex, window);
}

// ---------------------------------------------------------------- conversations over time

/** At most one panel per conversation per hour (SPEC §6.7). */
export const PANEL_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Recent messages per conversation, kept as readings only (signal numbers, never the text), within
 * the rules' window of messages and minutes. `add` returns the verdict after a new message.
 */
const QUIET: Verdict = { fire: false, score: 0, signals: [], distress: false };

interface Window {
  entries: Array<{ at: number; reading: MessageReading }>;
  /** How many messages in the window have each signal (not ignored ones): the score follows. */
  counts: Map<number, number>;
  score: number;
}

export class ConversationWindows {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly lex: Lexicon) {}

  add(conversation: string, text: string, now: number): Verdict {
    const { messages, minutes } = this.lex.rules.window;
    let window = this.windows.get(conversation);
    if (!window) {
      window = { entries: [], counts: new Map(), score: 0 };
      this.windows.set(conversation, window);
      if (this.windows.size > 50) this.windows.delete(this.windows.keys().next().value!);
    }
    const since = now - minutes * 60_000;
    while (window.entries.length && (window.entries[0]!.at < since || window.entries.length >= messages))
      this.count(window, window.entries.shift()!.reading, -1);
    const reading = readMessage(this.lex, text);
    window.entries.push({ at: now, reading });
    this.count(window, reading, 1);
    // A message that adds nothing cannot make the window fire (most messages say nothing), and
    // below the threshold nothing fires: the full judgement runs only past both.
    if (!reading.signals.size || (reading.ignored && !reading.distress)) return QUIET;
    if (window.score < this.lex.rules.threshold) return QUIET;
    return judgeWindow(
      this.lex,
      window.entries.map((m) => m.reading),
      false,
    );
  }

  private count(window: Window, reading: MessageReading, delta: 1 | -1): void {
    if (reading.ignored) return;
    for (const s of reading.signals) {
      const before = window.counts.get(s) ?? 0;
      const after = before + delta;
      window.counts.set(s, after);
      if (before === 0 && after > 0) window.score += this.lex.signals[s]!.weight;
      else if (before > 0 && after === 0) window.score -= this.lex.signals[s]!.weight;
    }
  }
}
