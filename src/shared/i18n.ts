// Messages from _locales in a chosen language (options or policy `language`), falling back to
// the browser's own i18n. Substitutions work as in browser.i18n: named placeholders whose content
// is $1, $2….
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export type Translate = (key: string, substitutions?: string | string[]) => string;

export function format(entry: Messages[string] | undefined, substitutions: string | string[] = []): string {
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  // "$$" is a literal dollar sign: keep it out of the placeholder passes.
  return entry.message
    .split('$$')
    .map((part) =>
      part
        .replace(/\$([a-z0-9_]+)\$/gi, (whole, name: string) => {
          const placeholder = entry.placeholders?.[name.toLowerCase()] ?? entry.placeholders?.[name];
          return placeholder ? placeholder.content : whole;
        })
        .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? ''),
    )
    .join('$');
}

/** A translate function for `language` ('auto' or missing: the browser's). */
export async function translator(
  language: string | undefined,
  getURL: (path: string) => string,
  fallback: Translate,
): Promise<Translate> {
  if (!language || language === 'auto') return fallback;
  try {
    const response = await fetch(getURL(`_locales/${language}/messages.json`));
    const messages = (await response.json()) as Messages;
    return (key, subs) => (messages[key] ? format(messages[key], subs) : fallback(key, subs));
  } catch (error) {
    console.error(`Pausa: no messages for ${language}; using the browser's language`, error);
    return fallback;
  }
}
