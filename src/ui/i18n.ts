// The extension pages' translate function: the browser's language, or the one chosen in the
// options or by policy, set once with `useLanguage` before the page renders.
import browser from 'webextension-polyfill';
import { fetchMessages, resolveLocale, translator, type Translate } from '../shared/i18n';

const browserT: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key;
let current: Translate = browserT;

export const t: Translate = (key, substitutions) => current(key, substitutions);

/** The language in force for this page, from the background (options or policy `language`). */
export async function useLanguage(): Promise<string> {
  try {
    const status = (await browser.runtime.sendMessage({ type: 'getStatus' })) as {
      config?: { language?: string };
    };
    const language = status.config?.language ?? 'auto';
    current = await translator(language, fetchMessages(browser.runtime.getURL), browserT);
    const locale = resolveLocale(language, navigator.languages);
    return locale ? locale.replace('_', '-') : browser.i18n.getUILanguage();
  } catch {
    return browser.i18n.getUILanguage();
  }
}
