// Call-control labels as plain phrases (issue #10 item 2): the subset a rules file may use, the
// phrases it expands to, agreement with the regular expression it is written as, and the time a
// match takes on adversarial labels.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from '../../src/rules/rules.json';
import {
  expandLabel,
  MAX_LABEL,
  matchesLabel,
  normalize,
  type PhraseMatcher,
} from '../../src/shared/phrases';
import { Rules } from '../../src/shared/rules';
import { SitePattern } from '../../src/shared/policy';

const labels = [...new Set(bundled.sites.flatMap((s) => (s.callControls ?? []).map((c) => c.label)))];
const expand = (p: string) => expandLabel(p) as PhraseMatcher;

describe('expandLabel', () => {
  it('expands every bundled label', () => {
    for (const label of labels) expect(expandLabel(label), label).not.toHaveProperty('error');
    expect(expand('^(start (a )?)?video ?call').phrases.sort()).toEqual(
      [
        'start a video call',
        'start a videocall',
        'start video call',
        'start videocall',
        'video call',
        'videocall',
      ].sort(),
    );
  });

  it.each([
    ['^(a|a)+$', '"+"'],
    ['video.*call', '"."'],
    ['a{2}', '"{"'],
    ['[vV]ideo', '"["'],
    ['(video', 'unclosed group'],
    ['video)', 'unmatched )'],
    ['^(video)?', 'empty label'],
    ['\\d+', 'unsupported escape'],
    ['a?'.repeat(12), 'more than 256'],
  ])('refuses %s (%s)', (pattern, why) => {
    const result = expandLabel(pattern);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(why);
  });

  it('the rules schema refuses such a label, and match patterns other than http(s)', () => {
    const site = bundled.sites[0]!;
    const bad = (patch: object) => Rules.safeParse({ ...bundled, sites: [{ ...site, ...patch }] }).success;
    expect(bad({ callControls: [{ label: '^(a|a)+$' }] })).toBe(false);
    expect(bad({ matches: ['wss://chat.example.com/*'] })).toBe(false);
    expect(bad({ matches: ['https://chat.example.com/*'] })).toBe(true);
    // One definition for policy too.
    expect(SitePattern.safeParse('ws://chat.example.com/*').success).toBe(false);
  });
});

describe('matchesLabel', () => {
  it('agrees with the regular expression the label is written as (fast-check)', () => {
    const words = [
      'video',
      'call',
      'start',
      'a',
      'videochamada',
      'uma',
      'appel vidéo',
      'lancer un',
      'x',
      ' ',
      'Video Call',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...labels),
        fc.array(fc.constantFrom(...words), { maxLength: 6 }),
        (pattern, parts) => {
          const label = parts.join(' ');
          const regex = new RegExp(pattern, 'iu');
          expect(matchesLabel(expand(pattern), label)).toBe(regex.test(normalize(label)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('takes linear time on adversarial labels: a long run of near-misses matches in milliseconds', () => {
    const matcher = expand(`(${'a?'.repeat(8)})b`); // 256 phrases, many of them prefixes of each other
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'A', ' ', 'b'), minLength: 1000, maxLength: 20_000 }),
        (label) => {
          const started = performance.now();
          matchesLabel(matcher, label);
          expect(performance.now() - started).toBeLessThan(50);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('looks at MAX_LABEL characters at most', () => {
    const matcher = expand('video call$');
    expect(matchesLabel(matcher, `${'x'.repeat(MAX_LABEL)} video call`)).toBe(false);
    expect(matchesLabel(matcher, 'x video call')).toBe(true);
  });
});
