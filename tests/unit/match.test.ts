import { describe, expect, it } from 'vitest';
import { matchesPattern, siteForUrl } from '../../src/shared/match';

describe('matchesPattern', () => {
  it.each([
    ['*://*.instagram.com/*', 'https://www.instagram.com/direct/inbox/', true],
    ['*://*.instagram.com/*', 'https://instagram.com/', true],
    ['*://*.instagram.com/*', 'https://www.instagram.com:8443/x', true],
    ['*://*.instagram.com/*', 'https://evilinstagram.com/', false],
    ['*://*.instagram.com/*', 'https://instagram.com.evil.example/', false],
    ['*://*.instagram.com/*', 'ftp://www.instagram.com/', false],
    ['*://web.whatsapp.com/*', 'https://web.whatsapp.com/', true],
    ['*://web.whatsapp.com/*', 'https://whatsapp.com/', false],
    ['https://x.com/messages/*', 'https://x.com/messages/123', true],
    ['https://x.com/messages/*', 'https://x.com/home', false],
    ['https://x.com/*', 'http://x.com/', false],
    ['<all_urls>', 'https://anything.example/', true],
    ['<all_urls>', 'chrome://settings', false],
    ['not a pattern', 'https://x.com/', false],
    ['*://*.instagram.com/*', 'not a url', false],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });
});

describe('siteForUrl', () => {
  const rules = {
    sites: [
      { id: 'a', matches: ['*://*.a.example/*'] },
      { id: 'b', matches: ['*://b.example/*', '*://*.b2.example/*'] },
    ],
  };
  it('finds the first site whose pattern matches', () => {
    expect(siteForUrl(rules, 'https://m.b2.example/')?.id).toBe('b');
    expect(siteForUrl(rules, 'https://www.a.example:444/')?.id).toBe('a');
    expect(siteForUrl(rules, 'https://c.example/')).toBeUndefined();
  });
});
