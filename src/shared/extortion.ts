// C8: does a run of incoming messages read like sextortion? Pure logic, run in the page (the text
// never leaves it). The vocabulary, weights, threshold and the "core" that must be present are data
// in the signed rules (`messages`, see ./rules.ts): new phrases ship as a rules update.
//
// Text is normalised (case, accents, leetspeak, spaced-out letters, repeated letters, chat
// abbreviations; emoji and punctuation dropped) into tokens, and every language's terms are looked
// up on every message through one index keyed by a term's first token: the cost is linear in the
// text's length whatever the rules say (terms are short token patterns, never regular expressions).

/** Longest text read from one message; the rest is ignored. */
export const MAX_MESSAGE_CHARS = 1000;
const MAX_EXPANSIONS = 1024;
const MAX_TERM_TOKENS = 8;

// ---------------------------------------------------------------- normalising

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
 */
export function tokenize(text: string, aliases: Readonly<Record<string, string>> = {}): string[] {
  const plain = text
    .slice(0, MAX_MESSAGE_CHARS)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/r\$|[$€£](?=\s*\d)|(?<=\d\s*)[$€£]/g, ' cur ')
    .replace(/(\d)[.,](?=\d)/g, '$1');
  const raw = plain.split(/[^\p{L}\p{N}@$]+/u);
  const out: string[] = [];
  let letters: string[] = [];
  const flushLetters = () => {
    if (letters.length >= 3) out.push(letters.join(''));
    else out.push(...letters);
    letters = [];
  };
  for (const piece of raw) {
    if (!piece) continue;
    for (const token of splitToken(piece)) {
      if (/^\p{L}$/u.test(token)) {
        letters.push(token);
        continue;
      }
      flushLetters();
      out.push(token);
    }
  }
  flushLetters();
  return out.flatMap((token) => {
    const alias = aliases[token];
    return alias === undefined ? [token] : alias.split(' ').filter(Boolean);
  });
}

function splitToken(piece: string): string[] {
  const hasDigit = /[\d@$]/.test(piece);
  const hasLetter = /\p{L}/u.test(piece);
  if (!hasLetter) return /\d/.test(piece) ? ['#'] : [];
  if (!hasDigit) return [squeeze(piece)];
  // 24h, 10min, 500euros: a number and a word.
  const lead = /^(\d+)(\p{L}+)$/u.exec(piece);
  if (lead) return ['#', squeeze(lead[2]!)];
  // every1, some1
  const one = /^(\p{L}+)1$/u.exec(piece);
  if (one) return [`${squeeze(one[1]!)}one`];
  return [squeeze(piece.replace(/[\d@$]/g, (c) => LEET[c] ?? c))];
}

/** nuuuudes → nudes (three or more of a letter become one; doubles stay: "cool"). */
const squeeze = (word: string) => word.replace(/(\p{L})\1{2,}/gu, '$1');

// ---------------------------------------------------------------- terms

/** One token of a term: a word, a word prefix (`send*`), any number (`#`) or any token (`*`). */
type Part = { word: string } | { prefix: string } | { number: true } | { any: true };

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
  const re = /\(([^()]*)\)(\?)?|([^()]+)/gy;
  let consumed = 0;
  for (let match = re.exec(term); match; match = re.exec(term)) {
    consumed = re.lastIndex;
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
        return tokenize(word, aliases).map((w) => (w === '#' ? { number: true as const } : { word: w }));
      });
    if (parts.some((p) => 'word' in p && p.word === '\u0000'))
      return { error: `a prefix needs at least 3 letters: "${phrase}"` };
    if (!parts.length) continue;
    if (parts.length > MAX_TERM_TOKENS) return { error: `more than ${MAX_TERM_TOKENS} words: "${phrase}"` };
    if (!('word' in parts[0]!) && !('prefix' in parts[0]!) && parts.length === 1 && 'any' in parts[0]!)
      return { error: 'a term cannot be only "*"' };
    out.push(parts);
  }
  return out.length ? out : { error: 'no words' };
}

/** The rules' `messages` section (its schema, with the limits, is in ./rules.ts). */
export interface MessageSignal {
  id: string;
  /** Added to a conversation's score once when any message in the window has the signal. */
  weight: number;
  /** `ignore-message`: a message with this signal (news, a warning, someone retelling what
   * happened to them) counts for nothing. `distress`: the thread shows distress, crisis lines come
   * first in the panel. */
  effect: 'score' | 'ignore-message' | 'distress';
  /** Terms per language (en, pt_PT, …); every language is checked on every page. */
  terms: Record<string, string[]>;
}

export interface MessageRules {
  /** The sliding window of recent messages a conversation is scored on. */
  window: { messages: number; minutes: number };
  threshold: number;
  /** Whole-token replacements applied after normalising (chat spellings: ur → your, vc → voce). */
  aliases: Record<string, string>;
  /** Site categories where C8 reads every page; other sites only on their `messages.paths`. */
  categories: string[];
  signals: MessageSignal[];
  /** Fire only when one of these holds: every signal of `all` in one message (`message`) or
   * anywhere in the window (`window`), and every signal of `also` anywhere in the window.
   * Money, deadlines or "answer me" alone never fire. */
  core: Array<{ scope: 'message' | 'window'; all: string[]; also?: string[] }>;
}

// ---------------------------------------------------------------- compiled lexicon

interface CompiledTerm {
  signal: number;
  parts: Part[];
}

export interface Lexicon {
  rules: MessageRules;
  signals: MessageSignal[];
  byWord: Map<string, CompiledTerm[]>;
  /** Terms whose first token is a prefix, keyed by its first three letters. */
  byPrefix: Map<string, CompiledTerm[]>;
  /** Terms starting with a number. */
  byNumber: CompiledTerm[];
  aliases: Record<string, string>;
}

export function compileLexicon(rules: MessageRules): Lexicon {
  const lex: Lexicon = {
    rules,
    signals: rules.signals,
    byWord: new Map(),
    byPrefix: new Map(),
    byNumber: [],
    aliases: rules.aliases,
  };
  const add = (map: Map<string, CompiledTerm[]>, key: string, term: CompiledTerm) => {
    const list = map.get(key);
    if (list) list.push(term);
    else map.set(key, [term]);
  };
  rules.signals.forEach((signal, index) => {
    for (const terms of Object.values(signal.terms))
      for (const term of terms) {
        const expanded = expandTerm(term, rules.aliases);
        if ('error' in expanded) continue; // refused by the schema already
        for (const parts of expanded) {
          const first = parts[0]!;
          const compiled = { signal: index, parts };
          if ('word' in first) add(lex.byWord, first.word, compiled);
          else if ('prefix' in first) add(lex.byPrefix, first.prefix.slice(0, 3), compiled);
          else if ('number' in first) lex.byNumber.push(compiled);
        }
      }
  });
  return lex;
}

const partMatches = (part: Part, token: string): boolean =>
  'word' in part
    ? part.word === token
    : 'prefix' in part
      ? token.startsWith(part.prefix)
      : 'number' in part
        ? token === '#'
        : true;

function matchesAt(tokens: readonly string[], at: number, parts: readonly Part[]): boolean {
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
      if (!found.has(term.signal) && matchesAt(tokens, at, term.parts)) found.add(term.signal);
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

/** Score a window of messages (oldest first). */
export function judgeWindow(lex: Lexicon, window: readonly MessageReading[]): Verdict {
  const present = new Set<number>();
  let distress = false;
  for (const reading of window) {
    if (reading.distress) distress = true;
    if (reading.ignored) continue;
    for (const s of reading.signals) present.add(s);
  }
  let score = 0;
  for (const s of present) score += lex.signals[s]!.weight;
  const idOf = (s: number) => lex.signals[s]!.id;
  const ids = [...present].map(idOf);
  const idSet = new Set(ids);
  const core = lex.rules.core.some(
    (rule) =>
      (rule.also ?? []).every((id) => idSet.has(id)) &&
      (rule.scope === 'window'
        ? rule.all.every((id) => idSet.has(id))
        : window.some((reading) => {
            if (reading.ignored) return false;
            const own = new Set([...reading.signals].map(idOf));
            return rule.all.every((id) => own.has(id));
          })),
  );
  return { fire: core && score >= lex.rules.threshold, score, signals: ids.sort(), distress };
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
export class ConversationWindows {
  private readonly windows = new Map<string, Array<{ at: number; reading: MessageReading }>>();

  constructor(private readonly lex: Lexicon) {}

  add(conversation: string, text: string, now: number): Verdict {
    const { messages, minutes } = this.lex.rules.window;
    const since = now - minutes * 60_000;
    const list = (this.windows.get(conversation) ?? []).filter((m) => m.at >= since);
    list.push({ at: now, reading: readMessage(this.lex, text) });
    while (list.length > messages) list.shift();
    this.windows.set(conversation, list);
    if (this.windows.size > 50) this.windows.delete(this.windows.keys().next().value!);
    return judgeWindow(
      this.lex,
      list.map((m) => m.reading),
    );
  }
}
