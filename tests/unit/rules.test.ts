// Meta-tests on the bundled rules: they parse, every site is well formed, and the sites SPEC §5
// names are all covered.
import { describe, expect, it } from 'vitest';
import bundled from '../../src/rules/rules.json';
import { matchesPattern, siteForUrl } from '../../src/shared/match';
import { expandLabel } from '../../src/shared/phrases';
import { MAX_MODEL_WEIGHTS, Rules } from '../../src/shared/rules';
import { groupWeights, rulesText } from '../../scripts/rules-json.mjs';

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

describe("the word model's weights in the rules file", () => {
  const model = (weights: object) => ({
    ...bundled,
    messages: { ...bundled.messages, model: { ...bundled.messages.model, weights } },
  });
  const read = (weights: object) => Rules.safeParse(model(weights));
  const one = { 'lekker eten': -0.49, '# abonne': -0.49, leak: 2.5, '=pay+possess': 3 };

  it('grouped by weight, read as one weight per feature, the same as one entry per feature', () => {
    const grouped = groupWeights(one);
    expect(grouped).toEqual({ '-0.49': '# abonne|lekker eten', '2.5': 'leak', '3': '=pay+possess' });
    expect(read(grouped).data?.messages?.model?.weights).toEqual(one);
    expect(read(one).data?.messages?.model?.weights).toEqual(one);
    // The bundled file, whichever way it holds them, and written back unchanged.
    const parsed = Rules.parse(bundled).messages!.model!.weights;
    const features = Object.keys(parsed);
    expect(features.length).toBeGreaterThan(1000);
    expect(read(groupWeights(parsed)).data?.messages?.model?.weights).toEqual(parsed);
    const text = rulesText(model(parsed));
    expect(rulesText(JSON.parse(text))).toBe(text);
    expect(Rules.parse(JSON.parse(text)).messages!.model!.weights).toEqual(parsed);
  });

  it('refuses a feature given two weights, an empty feature, a key that is not a weight, too many', () => {
    const reason = (weights: object) => {
      const result = read(weights);
      return result.success ? 'read' : JSON.stringify(result.error.issues);
    };
    expect(reason({ '1.5': 'leak|nudes', '-2': 'nudes' })).toContain('\\"nudes\\" has two weights');
    expect(reason({ '1.5': 'leak||nudes' })).toContain('empty or longer than 81');
    expect(reason({ '1.5': `leak|${'x'.repeat(82)}` })).toContain('empty or longer than 81');
    expect(reason({ '1.5': '' })).not.toBe('read');
    expect(reason({ lots: 'leak' })).not.toBe('read');
    expect(reason({ '60': 'leak' })).toContain('beyond ±50');
    expect(reason({ '1.5': 'leak', '2': 3 })).not.toBe('read');
    const many = Array.from({ length: MAX_MODEL_WEIGHTS + 1 }, (_, i) => `w${i}`).join('|');
    expect(reason({ '0.5': many })).toContain('at most');
    expect(reason({ '0.5': many.slice(0, many.lastIndexOf('|')) })).toBe('read');
  });
});
