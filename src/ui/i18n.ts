import browser from 'webextension-polyfill';

/** A message from _locales in the browser's language. */
export const t = (key: string, substitutions?: string | string[]): string =>
  browser.i18n.getMessage(key, substitutions) || key;
