// Messages from _locales in the language in force — chosen in the options or by policy, or the
// first of the browser's preferred languages that Pausa speaks — falling back to the browser's
// own i18n (its UI language). Substitutions work as in browser.i18n: named placeholders whose content
// is $1, $2….
import { LOCALES, type Locale } from './locales';

export type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

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

/**
 * The supported locale for the browser's languages (navigator.languages: the person's preferred
 * languages, in order): pt-BR → pt_BR, pt or pt-PT → pt_PT, es-MX → es. Null if none is supported.
 */
export function pickLocale(languages: readonly string[]): Locale | null {
  for (const tag of languages) {
    const [lang = '', region = ''] = tag.replace('_', '-').split('-');
    const exact = `${lang.toLowerCase()}_${region.toUpperCase()}`;
    if ((LOCALES as readonly string[]).includes(exact)) return exact as Locale;
    if (lang.toLowerCase() === 'pt') return 'pt_PT';
    if ((LOCALES as readonly string[]).includes(lang.toLowerCase())) return lang.toLowerCase() as Locale;
  }
  return null;
}

/** The locale in force: the chosen one, or 'auto' resolved from the browser's languages. */
export function resolveLocale(language: string | undefined, languages: readonly string[]): string | null {
  return !language || language === 'auto' ? pickLocale(languages) : language;
}

/** A translate function for `language` ('auto' or missing: the browser's preferred languages). */
export async function translator(
  language: string | undefined,
  load: (locale: string) => Promise<Messages>,
  fallback: Translate,
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Promise<Translate> {
  const locale = resolveLocale(language, languages);
  if (!locale) return fallback;
  try {
    const messages = await load(locale);
    return (key, subs) => (messages[key] ? format(messages[key], subs) : fallback(key, subs));
  } catch (error) {
    console.error(`Pausa: no messages for ${locale}; using the browser's language`, error);
    return fallback;
  }
}

/** An extension page or the background reading a locale's messages from the extension. */
export const fetchMessages =
  (getURL: (path: string) => string) =>
  async (locale: string): Promise<Messages> => {
    if (!(LOCALES as readonly string[]).includes(locale)) throw new Error(`unknown locale ${locale}`);
    const response = await fetch(getURL(`_locales/${locale}/messages.json`));
    return (await response.json()) as Messages;
  };
