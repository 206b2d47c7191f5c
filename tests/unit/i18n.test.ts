import { describe, expect, it } from 'vitest';
import { format } from '../../src/shared/i18n';

describe('format', () => {
  it('substitutes named placeholders as browser.i18n does', () => {
    const entry = { message: 'Call $NUMBER$ now ($$5).', placeholders: { number: { content: '$1' } } };
    expect(format(entry, '112')).toBe('Call 112 now ($5).');
    expect(format(entry, ['999'])).toBe('Call 999 now ($5).');
    expect(format(undefined)).toBe('');
  });
});
