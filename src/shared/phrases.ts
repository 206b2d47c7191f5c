// Call-control labels (SPEC C2) are matched as plain phrases, never by running a regular expression
// from the rules on every click: a rules file could otherwise freeze a page with a pattern that
// backtracks (`^(a|a)+$`). The rules keep their `label` field, written in a small regular-expression
// subset — literal text, groups, `|`, `?`, `^` and `$` — which is expanded once into the finite list
// of phrases it matches. Anything else (`*`, `+`, `{}`, `[]`, `.`) is refused when the rules are
// signed and when they are loaded. Matching is then a handful of startsWith/includes calls on a
// label of at most MAX_LABEL characters: linear, whatever the rules or the page say.

export const MAX_PHRASES = 256;
export const MAX_LABEL = 200;

export interface PhraseMatcher {
  phrases: string[];
  /** `^`: the label starts with a phrase; `$`: ends with one; both: equals one. */
  start: boolean;
  end: boolean;
}

const ESCAPES: Record<string, string> = { s: ' ' };
const SPECIAL = new Set(['*', '+', '{', '}', '[', ']', '.']);

/** The phrases a label pattern matches, or why it is not a plain phrase pattern. */
export function expandLabel(pattern: string): PhraseMatcher | { error: string } {
  let source = pattern;
  const start = source.startsWith('^');
  if (start) source = source.slice(1);
  const end = source.endsWith('$') && !source.endsWith('\\$');
  if (end) source = source.slice(0, -1);
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i + (start ? 1 : 0)}`);
  };
  const limit = (set: string[]) => (set.length > MAX_PHRASES ? fail('more than 256 phrases') : set);
  // alt := seq ('|' seq)*   seq := (atom '?'?)*   atom := char | '\' char | '(' ['?:'] alt ')'
  const alt = (): string[] => {
    let out = seq();
    while (source[i] === '|') {
      i++;
      out = limit([...out, ...seq()]);
    }
    return out;
  };
  const seq = (): string[] => {
    let out = [''];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let part: string[];
      const c = source[i]!;
      if (c === '(') {
        i += source.startsWith('(?:', i) ? 3 : 1;
        part = alt();
        if (source[i] !== ')') fail('unclosed group');
        i++;
      } else if (c === '\\') {
        const next = source[i + 1];
        if (next === undefined || (/[a-zA-Z0-9]/.test(next) && !(next in ESCAPES)))
          fail(`unsupported escape \\${next ?? ''}`);
        part = [ESCAPES[next!] ?? next!];
        i += 2;
      } else if (SPECIAL.has(c) || c === '^' || c === '$' || c === '?') {
        fail(`"${c}" is not allowed (plain phrases, groups, | and ? only)`);
        part = [];
      } else {
        part = [c];
        i++;
      }
      if (source[i] === '?') {
        i++;
        part = [...part, ''];
      }
      out = limit(out.flatMap((head) => part.map((tail) => head + tail)));
    }
    return out;
  };
  try {
    const phrases = alt();
    if (i !== source.length) fail('unmatched )');
    const unique = [...new Set(phrases.map(normalize))];
    if (unique.includes('')) return { error: `${pattern}: matches an empty label` };
    return { phrases: unique, start, end };
  } catch (error) {
    return { error: `${pattern}: ${(error as Error).message}` };
  }
}

/** Case and spacing as a person reads them; at most MAX_LABEL characters are looked at. */
export const normalize = (text: string): string =>
  text
    .slice(0, MAX_LABEL * 2)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LABEL);

export function matchesLabel(matcher: PhraseMatcher, label: string): boolean {
  const text = normalize(label);
  return matcher.phrases.some((phrase) =>
    matcher.start && matcher.end
      ? text === phrase
      : matcher.start
        ? text.startsWith(phrase)
        : matcher.end
          ? text.endsWith(phrase)
          : text.includes(phrase),
  );
}
