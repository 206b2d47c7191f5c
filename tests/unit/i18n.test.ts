import { describe, expect, it } from 'vitest';
import { format, pickLocale } from '../../src/shared/i18n';

describe('format', () => {
  it('substitutes named placeholders as browser.i18n does', () => {
    const entry = { message: 'Call $NUMBER$ now ($$5).', placeholders: { number: { content: '$1' } } };
    expect(format(entry, '112')).toBe('Call 112 now ($5).');
    expect(format(entry, ['999'])).toBe('Call 999 now ($5).');
    expect(format(undefined)).toBe('');
  });
});

describe('pickLocale', () => {
  it('maps the browser languages to a supported locale', () => {
    expect(pickLocale(['pt-PT', 'en'])).toBe('pt_PT');
    expect(pickLocale(['pt-BR'])).toBe('pt_BR');
    expect(pickLocale(['pt'])).toBe('pt_PT');
    expect(pickLocale(['es-MX', 'en'])).toBe('es');
    expect(pickLocale(['ja', 'de-AT'])).toBe('de');
    expect(pickLocale(['ja'])).toBeNull();
    expect(pickLocale(['en-US'])).toBe('en');
  });
});
