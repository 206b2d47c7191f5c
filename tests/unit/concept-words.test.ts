import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type MessageRules, Rules } from '../../src/shared/rules';
import { conceptChanges } from '../fixtures/messages/concept-words';

const bundled = Rules.parse(
  JSON.parse(readFileSync(new URL('../../src/rules/rules.json', import.meta.url), 'utf8')),
).messages!;

/** Small rules of three signals (the bundled rules' other sections, no model). */
function rules(pay: string[], deadline: string[], spread: string[]): MessageRules {
  return {
    ...bundled,
    model: undefined,
    signals: [
      { id: 'pay', weight: 1.5, effect: 'score', terms: { en: pay } },
      { id: 'deadline', weight: 1, effect: 'score', terms: { en: deadline } },
      { id: 'spread', weight: 1, effect: 'score', terms: { en: spread } },
    ],
  };
}

describe('concept words a change to the terms moves (npm run train:messages)', () => {
  const before = rules(['pay now', 'before friday'], ['before the deadline'], ['post it']);
  it('lists a word of two signals that a new term takes to three, with the term', () => {
    const after = rules(['pay now', 'before friday'], ['before the deadline'], ['post it', 'post it before']);
    expect(conceptChanges(before, after).lost).toEqual([
      { word: 'before', before: ['pay', 'deadline'], after: [], terms: ['spread/en: post it before'] },
    ]);
  });
  it('lists a word that comes to stand for another signal, and words new to the terms', () => {
    const after = rules(['pay now', 'before friday', 'post the pics'], ['before the deadline'], ['post it']);
    const found = conceptChanges(before, after);
    expect(found.lost).toEqual([]);
    expect(found.widened).toEqual([
      { word: 'post', before: ['spread'], after: ['pay', 'spread'], terms: ['pay/en: post the pics'] },
      { word: 'the', before: ['deadline'], after: ['pay', 'deadline'], terms: ['pay/en: post the pics'] },
    ]);
    expect(found.added).toEqual([
      { word: 'pics', before: [], after: ['pay'], terms: ['pay/en: post the pics'] },
    ]);
  });
  it('says nothing when the terms are the same, and nothing of the bundled rules against themselves', () => {
    expect(conceptChanges(before, before)).toEqual({ lost: [], widened: [], added: [] });
    expect(conceptChanges(bundled, bundled)).toEqual({ lost: [], widened: [], added: [] });
  });
});
