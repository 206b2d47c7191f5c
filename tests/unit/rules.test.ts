// Meta-tests on the bundled rules: they parse, every site is well formed, and the sites SPEC §5
// names are all covered.
import { describe, expect, it } from 'vitest';
import bundled from '../../src/rules/rules.json';
import { matchesPattern, siteForUrl } from '../../src/shared/match';
import { expandLabel } from '../../src/shared/phrases';
import { Rules } from '../../src/shared/rules';

describe('bundled rules', () => {
  const rules = Rules.parse(bundled);

  it('parse with the schema and have unique site ids', () => {
    const ids = rules.sites.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('have call-control labels that are plain phrase patterns', () => {
    for (const site of rules.sites) {
      for (const control of site.callControls ?? [])
        expect(expandLabel(control.label)).not.toHaveProperty('error');
    }
  });

  it.each([
    'https://www.instagram.com/',
    'https://www.facebook.com/',
    'https://www.messenger.com/',
    'https://web.whatsapp.com/',
    'https://web.telegram.org/k/',
    'https://discord.com/channels/@me',
    'https://x.com/messages',
    'https://twitter.com/',
    'https://www.tiktok.com/',
    'https://www.snapchat.com/web',
    'https://www.reddit.com/',
    'https://tinder.com/app',
    'https://bumble.com/app',
    'https://badoo.com/',
    'https://ome.tv/',
    'https://chatroulette.com/',
  ])('cover %s (SPEC §5)', (url) => {
    expect(siteForUrl(rules, url)).toBeDefined();
  });

  it('do not cover video-meeting tools schools use every day (SPEC C2)', () => {
    for (const url of [
      'https://meet.google.com/abc',
      'https://teams.microsoft.com/',
      'https://zoom.us/j/1',
    ]) {
      expect(rules.sites.some((s) => s.matches.some((p) => matchesPattern(p, url)))).toBe(false);
    }
  });

  it('name the video-call controls of Messenger, Instagram, WhatsApp, Telegram and Discord', () => {
    const label = (id: string, text: string) =>
      (rules.sites.find((s) => s.id === id)?.callControls ?? []).some((c) =>
        new RegExp(c.label, 'iu').test(text),
      );
    expect(label('messenger', 'Start a video call')).toBe(true);
    expect(label('instagram', 'Video call')).toBe(true);
    expect(label('whatsapp', 'Video call')).toBe(true);
    expect(label('telegram', 'Video Call')).toBe(true);
    expect(label('discord', 'Start Video Call')).toBe(true);
    expect(label('messenger', 'Voice call')).toBe(false);
    expect(label('instagram', 'Iniciar videochamada')).toBe(true);
  });

  it('reject a rules file with a bad pattern, a bad regex, or no sites', () => {
    const bad = (patch: object) => Rules.safeParse({ ...bundled, ...patch }).success;
    expect(bad({ sites: [] })).toBe(false);
    expect(bad({ sites: [{ id: 'x', name: 'X', matches: ['javascript:alert(1)'] }] })).toBe(false);
    expect(
      bad({ sites: [{ id: 'x', name: 'X', matches: ['*://x.example/*'], callControls: [{ label: '(' }] }] }),
    ).toBe(false);
    expect(bad({ revision: -1 })).toBe(false);
    expect(Rules.safeParse({ ...bundled, futureField: { anything: true } }).success).toBe(true);
  });
});
