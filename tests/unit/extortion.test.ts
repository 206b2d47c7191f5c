// C8's matcher (src/shared/extortion.ts) with the bundled rules' vocabulary: normalising, the core
// that must be present, reported speech, windows over time, and properties on random chat.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canFire,
  ConversationWindows,
  compileLexicon,
  coveredTerms,
  expandTerm,
  judgeConversation,
  MAX_SIGNALS,
  modelFeatures,
  modelProbability,
  packLexicon,
  PACKED_FORMAT,
  readMessage,
  signalIds,
  termsFor,
  tokenize,
  unpackLexicon,
} from '../../src/shared/extortion';
import { MAX_MODEL_WEIGHTS, MessageRules, Rules } from '../../src/shared/rules';
import {
  BAR_FALSE_POSITIVES,
  BAR_RECALL,
  distanceFromBar,
  evaluate,
  longChat,
  longChatOffenders,
  longChatWith,
  readCases,
} from '../fixtures/messages/evaluate';
import { trainModel } from '../fixtures/messages/train';

const rules = Rules.parse(
  JSON.parse(readFileSync(new URL('../../src/rules/rules.json', import.meta.url), 'utf8')),
);
const lex = compileLexicon(rules.messages!);
const fires = (...messages: string[]) => judgeConversation(lex, messages).fire;

describe('tokenize', () => {
  it('folds case, accents, leetspeak, spaced letters, repeats and currency', () => {
    expect(tokenize('Já PAGUEI €50')).toEqual(['ja', 'paguei', 'cur', '#']);
    expect(tokenize('ur NUD3S go 2 every1!!! 😈', { ur: 'your' })).toEqual([
      'your',
      'nudes',
      'go',
      '#',
      'everyone',
      'emoji1f608',
    ]);
    expect(tokenize('n u d e s')).toEqual(['nudes']);
    // Emoji: a token each, named by code point and kept whole (not read as leetspeak); a variation
    // selector is dropped with the accents.
    expect(tokenize('😂😂 ok ❤️ ⏰30 min')).toEqual([
      'emoji1f602',
      'emoji1f602',
      'ok',
      'emoji2764',
      'emoji23f0',
      '#',
      'min',
    ]);
    expect(tokenize('emoji1f602')).toEqual(['emoji1f602']);
    expect(tokenize('nuuuudes, cool')).toEqual(['nudes', 'cool']);
    expect(tokenize('Fais un virement de 1.000,50 €')).toEqual(['fais', 'un', 'virement', 'de', '#', 'cur']);
    expect(tokenize('tens 24h')).toEqual(['tens', '#', 'h']);
    // Ligatures and ß spelt out, as people type them on a keyboard without them.
    expect(tokenize('Ta SŒUR, ex æquo, weiß')).toEqual(['ta', 'soeur', 'ex', 'aequo', 'weiss']);
    // A word of one repeated letter is laughter or a sound, kept apart from the letter alone: the
    // Brazilian "kkkk" (banter) is "kkk", never the "k" of "k, see you" or "5k views"; 40k is a number.
    expect(tokenize('40k members, kkkk')).toEqual(['#', 'members', 'kkk']);
    expect(tokenize('k see you, 5k views, KKKKKKK, hhhh')).toEqual([
      'k',
      'see',
      'you',
      '#',
      'views',
      'kkk',
      'hhh',
    ]);
    expect(tokenize("don't")).toEqual(['don', 't']);
    // Letters with no lower case of their own (mathematical bold, double-struck) still read.
    expect(tokenize('𝐍𝐔𝐃𝐄𝐒 ℕudes 𝐧𝐮𝐝𝐞𝐬')).toEqual(['nudes', 'nudes', 'nudes']);
    // An alias table is looked up for its own keys only, never an object's built-in names.
    expect(tokenize('constructor toString', {})).toEqual(['constructor', 'tostring']);
    expect(tokenize('b@@@ $$$ 5 @ aaa111 r$300')).toEqual(['ba', 'cur', '#', 'ai', 'cur', '#']);
  });
});

describe('the packed vocabulary (what the background stores for pages)', () => {
  const tiny = MessageRules.parse({
    ...rules.messages!,
    signals: [
      { ...rules.messages!.signals[0]!, id: 'spread', terms: { en: ['(send|post) your nudes to #'] } },
    ],
  });
  it("carries its format and each term's anchor, chosen when packing: the rarest part", () => {
    const packed = packLexicon(tiny);
    expect(packed.format).toBe(PACKED_FORMAT);
    // [signal, anchor, ...parts]: "your", "nudes" and "to" are each in one phrase, the group's
    // words in two: "nudes" (part 2) is the longest of the rarest. Parts are numbers in `parts`.
    expect(packed.terms[0]).toEqual([0, 2, 0, 1, 2, 3, 4]);
    expect(packed.parts).toEqual([['send', 'post'], 'your', 'nudes', 'to', '#']);
    // Survives storage (JSON) and matches where the anchor is, not only at a message's start.
    expect(packed.byWord).toEqual({ nudes: [0] });
    const lexicon = unpackLexicon(JSON.parse(JSON.stringify(packed)));
    expect(lexicon.codeLength).toBe(0); // terms compiled when a message needs them
    expect(termsFor(lexicon, 'nudes')).toHaveLength(1);
    expect(termsFor(lexicon, 'constructor')).toHaveLength(0); // own keys only
    expect(readMessage(lexicon, 'ok so I will POST your nudes to 300 people').mask).toBe(1);
    expect(readMessage(lexicon, 'post your photos to 3 people').mask).toBe(0);
  });
  it('a word many terms share ("your") anchors none of them when the term has a rarer part', () => {
    const packed = packLexicon(
      MessageRules.parse({
        ...tiny,
        signals: [
          {
            ...tiny.signals[0]!,
            terms: { en: ['your (mom|dad)', 'your pics', 'your vids', 'your snaps', 'send* your pics'] },
          },
        ],
      }),
    );
    // "your" is in five phrases; the group's words in one each (2), "pics" in two, "snaps" in one;
    // "send*" stands for many words (2 × 1 + 1).
    expect(packed.terms.map(([, anchor, ...parts]) => packed.parts[parts[anchor!]!])).toEqual([
      ['mom', 'dad'],
      'pics',
      'vids',
      'snaps',
      'pics',
    ]);
    expect(packed.byWord.your).toBeUndefined();
    const lexicon = unpackLexicon(packed);
    expect(termsFor(lexicon, 'your')).toHaveLength(0);
    expect(readMessage(lexicon, 'sending your pics').mask).toBe(1);
    expect(readMessage(lexicon, 'tell your dad').mask).toBe(1);
    expect(readMessage(lexicon, 'your turn').mask).toBe(0);
  });
  it('lists the terms another term of the same signal and language already matches', () => {
    const signal = (id: string, terms: Record<string, string[]>) => ({ ...tiny.signals[0]!, id, terms });
    const covered = coveredTerms({
      aliases: {},
      signals: [
        signal('delete', { pt_PT: ['apago', 'apago o rascunho'], en: ['apago o rascunho'] }),
        signal('spread', {
          en: [
            '(send|post) your nudes',
            'send your nudes',
            'send your (nudes|pics)',
            'post* it',
            'posting it now',
          ],
        }),
        signal('pay', { en: ['send * now', 'send it now', 'pay (now|today)', 'pay now or'] }),
      ],
    });
    expect(covered).toEqual([
      // Only under a term of the same language.
      { signal: 'delete', language: 'pt_PT', term: 'apago o rascunho', by: 'apago' },
      // A group covers one of its words; a wider group is not covered by a narrower one.
      { signal: 'spread', language: 'en', term: 'send your nudes', by: '(send|post) your nudes' },
      // A prefix covers the words it starts.
      { signal: 'spread', language: 'en', term: 'posting it now', by: 'post* it' },
      // "*" covers any word; a longer phrase holds a shorter one; "pay (now|today)" itself is not
      // covered by anything ("pay today" is in no other term).
      { signal: 'pay', language: 'en', term: 'send it now', by: 'send * now' },
      { signal: 'pay', language: 'en', term: 'pay now or', by: 'pay (now|today)' },
    ]);
  });
  it('the matcher tokens and parts agree on every kind of part', () => {
    const packed = packLexicon(
      MessageRules.parse({
        ...tiny,
        signals: [{ ...tiny.signals[0]!, terms: { en: ['leak* * (mom|dad) #'] } }],
      }),
    );
    const lexicon = unpackLexicon(packed);
    expect(readMessage(lexicon, 'leaking it to ur dad 2nite').mask).toBe(0); // no number
    expect(readMessage(lexicon, 'leaked to dad 5 times').mask).toBe(1);
    expect(readMessage(lexicon, 'LEAKAGE, to MOM 3').mask).toBe(1);
    expect(readMessage(lexicon, 'lea to dad 5').mask).toBe(0);
  });
});

describe('expandTerm', () => {
  it('expands groups, optional groups, prefixes and numbers; a group of single words stays one part', () => {
    const out = expandTerm('(send|post) (it )?now #');
    expect(out).toHaveLength(2);
    expect((out as Array<Array<Record<string, unknown>>>)[0]![0]).toEqual({
      oneOf: new Set(['send', 'post']),
    });
    expect(expandTerm('(send it|post it) now')).toHaveLength(2);
    expect(expandTerm('ultim(o|a) aviso')).toHaveLength(2);
    expect(expandTerm('leak*')).toEqual([[{ prefix: 'leak' }]]);
  });
  it('refuses nested or unbalanced groups, short prefixes and too many phrases', () => {
    expect(expandTerm('((a|b)|c)')).toHaveProperty('error');
    expect(expandTerm('(a|b')).toHaveProperty('error');
    expect(expandTerm('ab*')).toHaveProperty('error');
    const big = Array.from(
      { length: 6 },
      () => `(${['ab cd', 'ef gh', 'ij kl', 'mn op', 'qr st', 'uv wx', 'yz ab'].join('|')})`,
    ).join(' ');
    expect(expandTerm(big)).toHaveProperty('error');
  });
  it('the schema refuses a rules file with a bad term', () => {
    const bad = structuredClone(rules.messages!);
    bad.signals[0]!.terms.en = ['(unclosed'];
    expect(MessageRules.safeParse(bad).success).toBe(false);
  });
});

describe('core rules with `any`', () => {
  const base = MessageRules.parse({
    window: { messages: 5, minutes: 60 },
    threshold: 0,
    categories: ['messaging'],
    signals: [
      { id: 'spread', weight: 1, terms: { en: ['send'] } },
      { id: 'audience', weight: 1, terms: { en: ['(your|ur) mom'] } },
      { id: 'pay', weight: 1, terms: { en: ['pay'] } },
    ],
    core: [{ scope: 'message', all: ['spread', 'audience'], any: ['pay'] }],
  });
  it('a message-scope rule needs one of `any` in that same message', () => {
    const lex = compileLexicon(base);
    expect(judgeConversation(lex, ['pay or I send it to your mom']).fire).toBe(true);
    expect(judgeConversation(lex, ['pay me back', 'I send it to your mom']).fire).toBe(false);
    expect(judgeConversation(lex, ['I send it to your mom']).fire).toBe(false);
  });
  it('a window-scope rule takes `any` from anywhere in the window', () => {
    const lex = compileLexicon({
      ...base,
      core: [{ scope: 'window', all: ['spread', 'audience'], any: ['pay'] }],
    });
    expect(judgeConversation(lex, ['pay me back', 'I send it to your mom']).fire).toBe(true);
    expect(judgeConversation(lex, ['I send it to your mom']).fire).toBe(false);
  });
  it('`none`: a signal that keeps the rule from holding (in that message, or in the messages of the window that have it)', () => {
    const joking = MessageRules.parse({
      ...base,
      signals: [...base.signals, { id: 'banter', weight: 0, terms: { en: ['lol'] } }],
      core: [{ scope: 'message', all: ['spread', 'audience'], none: ['banter'] }],
    });
    const lex = compileLexicon(joking);
    expect(judgeConversation(lex, ['I send it to your mom']).fire).toBe(true);
    expect(judgeConversation(lex, ['lol I send it to your mom']).fire).toBe(false);
    expect(judgeConversation(lex, ['lol', 'I send it to your mom']).fire).toBe(true);
    const windowed = compileLexicon({
      ...joking,
      core: [{ scope: 'window', all: ['spread', 'audience'], none: ['banter'] }],
    });
    // Across the window, a message with a `none` signal counts for nothing: a joke's "lol I send it"
    // does not meet "your mom" in another message; a "lol" elsewhere does not silence a threat.
    expect(judgeConversation(windowed, ['lol I send it', 'to your mom']).fire).toBe(false);
    expect(judgeConversation(windowed, ['I send it', 'to your mom']).fire).toBe(true);
    expect(judgeConversation(windowed, ['lol', 'I send it to your mom']).fire).toBe(true);
    // `also` likewise: the signal it asks for must come from a message without a `none` signal.
    const also = compileLexicon({
      ...joking,
      core: [{ scope: 'message', all: ['spread', 'audience'], also: ['pay'], none: ['banter'] }],
    });
    expect(judgeConversation(also, ['pay me', 'I send it to your mom']).fire).toBe(true);
    expect(judgeConversation(also, ['pay me lol', 'I send it to your mom']).fire).toBe(false);
  });
  it('`span`: the signals a rule joins across messages must meet within that many consecutive messages', () => {
    const windowed = (span?: number) =>
      compileLexicon({
        ...base,
        core: [{ scope: 'window', all: ['spread', 'audience'], any: ['pay'], span }],
      });
    const apart = ['pay me back', 'ok', 'see you', 'I send it to your mom'];
    const close = ['ok', 'see you', 'pay me back', 'I send it to your mom'];
    // Without a span, the whole window (5 messages); with one, each stretch of that many alone.
    expect(judgeConversation(windowed(), apart).fire).toBe(true);
    expect(judgeConversation(windowed(4), apart).fire).toBe(true);
    expect(judgeConversation(windowed(3), apart).fire).toBe(false);
    expect(judgeConversation(windowed(2), close).fire).toBe(true);
    expect(judgeConversation(windowed(1), close).fire).toBe(false);
    // Any stretch of the window, not only the newest one (the evaluation judges a whole window).
    expect(judgeConversation(windowed(2), [...close, 'ok', 'bye']).fire).toBe(true);
    // `also` of a message-scope rule: from the stretch around the message holding `all`.
    const also = (span?: number) =>
      compileLexicon({
        ...base,
        core: [{ scope: 'message', all: ['spread', 'audience'], also: ['pay'], span }],
      });
    expect(judgeConversation(also(), apart).fire).toBe(true);
    expect(judgeConversation(also(3), apart).fire).toBe(false);
    expect(judgeConversation(also(2), close).fire).toBe(true);
    // In a page, message by message: the pieces three messages apart never meet under span 3.
    const windows = new ConversationWindows(windowed(3));
    expect(apart.map((text, i) => windows.add('chat', text, i * 1000).fire)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(MessageRules.safeParse({ ...base, core: [{ ...base.core[0]!, span: 0 }] }).success).toBe(false);
  });
  it('unknown ids in `any` are left out; none known: the rule never holds', () => {
    const some = compileLexicon({
      ...base,
      core: [{ scope: 'message', all: ['spread'], any: ['nope', 'pay'] }],
    });
    expect(judgeConversation(some, ['pay or I send it']).fire).toBe(true);
    const none = compileLexicon({ ...base, core: [{ scope: 'message', all: ['spread'], any: ['nope'] }] });
    expect(judgeConversation(none, ['pay or I send it']).fire).toBe(false);
  });
  it('the schema allows no more signals than a message has bits for', () => {
    const signals = Array.from({ length: MAX_SIGNALS + 1 }, (_, i) => ({
      id: `s${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`,
      terms: { en: ['word'] },
    }));
    expect(MessageRules.safeParse({ ...base, signals }).success).toBe(false);
    expect(MessageRules.safeParse({ ...base, signals: signals.slice(0, MAX_SIGNALS) }).success).toBe(true);
  });
});

describe('the word model', () => {
  const base = MessageRules.parse({
    window: { messages: 5, minutes: 60 },
    threshold: 10,
    categories: ['messaging'],
    signals: [{ id: 'pay', weight: 1, terms: { en: ['pay'] } }],
    core: [{ scope: 'window', all: ['pay'] }],
    model: { weights: { leak: 2, 'leak it': 2, pizza: -3 }, bias: -3, threshold: 0.5, guard: ['pay'] },
  });
  it('weighs the words and word pairs of the window, each once, and needs its guard signal', () => {
    const lex = compileLexicon(base);
    // leak + "leak it" = 4 - 3 = 1: p ≈ 0.73 > 0.5, with "pay" (the guard) in the window.
    expect(judgeConversation(lex, ['pay', 'I leak it']).fire).toBe(true);
    expect(judgeConversation(lex, ['I leak it']).fire).toBe(false); // no guard signal
    expect(judgeConversation(lex, ['pay', 'I leak it', 'leak it leak it']).fire).toBe(true);
    expect(
      modelProbability(
        lex,
        ['leak it', 'leak it'].map((t) => readMessage(lex, t)),
      ),
    ).toBeCloseTo(1 / (1 + Math.exp(-1)));
    expect(judgeConversation(lex, ['pay', 'I leak it', 'pizza?']).fire).toBe(false); // 1 - 3
  });
  it("its guard holds for a word of a guard signal's terms too (a concept), not for any word", () => {
    const lex = compileLexicon(
      MessageRules.parse({
        ...base,
        signals: [{ id: 'pay', weight: 1, terms: { en: ['pay (me|now)', 'bitcoin wallet'] } }],
      }),
    );
    expect(readMessage(lex, 'bitcoin').mask).toBe(0); // not the term "bitcoin wallet"…
    expect(judgeConversation(lex, ['bitcoin', 'I leak it']).fire).toBe(true); // …but its word
    expect(judgeConversation(lex, ['coins', 'I leak it']).fire).toBe(false);
  });
  const twoSignals = MessageRules.parse({
    ...base,
    signals: [
      ...base.signals,
      { id: 'leak', weight: 1, terms: { en: ['leak'] } },
      { id: 'news', weight: 0, effect: 'ignore-message', terms: { en: ['news'] } },
    ],
    model: {
      ...base.model!,
      weights: { pizza: -3, '=leak+pay': 3.5, '=nope+pay': 9, '=pay+pay': 9 },
      bias: -3,
    },
  });
  it('features are words and word pairs, as tokenize spells them, each once, and pairs of signals', () => {
    expect(modelFeatures(compileLexicon(base), ['Leak it', 'LEAK'])).toEqual(['leak', 'leak it', 'it']);
    expect(modelFeatures(compileLexicon(twoSignals), ['Pay', 'leak'])).toEqual([
      'pay',
      'leak',
      '=leak+pay',
      '~leak+pay',
    ]);
    // One signal is not a feature: "I have your photos from the party" is everyday chat.
    expect(modelFeatures(compileLexicon(twoSignals), ['pay up'])).toEqual(['pay', 'pay up', 'up']);
  });
  it('weighs a pair of signals in the window, reported speech left out; unknown ids count for nothing', () => {
    const lex = compileLexicon(twoSignals);
    // "=leak+pay" (3.5) - 3 = 0.5 > 0: fires; the unknown pair and "pay+pay" add nothing.
    expect(judgeConversation(lex, ['pay', 'leak']).fire).toBe(true);
    expect(
      modelProbability(
        lex,
        ['pay', 'leak'].map((t) => readMessage(lex, t)),
      ),
    ).toBeCloseTo(1 / (1 + Math.exp(-0.5)));
    expect(judgeConversation(lex, ['pay']).fire).toBe(false);
    expect(judgeConversation(lex, ['pay', 'leak', 'pizza']).fire).toBe(false); // 0.5 - 3
    // The same words as news: the pair does not count.
    expect(judgeConversation(lex, ['news: pay', 'leak']).fire).toBe(false);
    const windows = new ConversationWindows(lex);
    windows.add('c', 'pay', 0);
    expect(windows.add('c', 'leak', 1000).fire).toBe(true);
  });
  it("weighs pairs of concepts: words of two signals' terms in the window, no term matched in full", () => {
    const rules = MessageRules.parse({
      ...base,
      signals: [
        { id: 'pay', weight: 1, terms: { en: ['pay (now|today)'] } },
        { id: 'spread', weight: 1, terms: { en: ['leak (your|ur) pics', 'post your pics'] } },
        { id: 'audience', weight: 1, terms: { en: ['your mom', 'your followers'] } },
        { id: 'other', weight: 1, terms: { en: ['your life'] } },
      ],
      model: { weights: { '~pay+spread': 4 }, bias: -3, threshold: 0.5, guard: [] },
    });
    const lex = compileLexicon(rules);
    // "your" is in the terms of three signals: no concept; "pics" and "pay" are.
    expect(packLexicon(rules).conceptWords).toMatchObject({ pay: 1, pics: 2, leak: 2, mom: 4 });
    expect(packLexicon(rules).conceptWords).not.toHaveProperty('your');
    const reading = readMessage(lex, 'pics, pay');
    expect(reading.mask).toBe(0); // no term in full
    expect(reading.concepts).toBe(3);
    expect(judgeConversation(lex, ['the pics', 'pay']).fire).toBe(true); // 4 - 3 > 0
    expect(judgeConversation(lex, ['the pics', 'your mom']).fire).toBe(false);
    expect(modelFeatures(lex, ['the pics', 'pay'])).toContain('~pay+spread');
  });
  it('is packed with its words numbered and its pairs in lists by first word; a part once however many terms share it', () => {
    const rules = MessageRules.parse({
      ...base,
      signals: [{ id: 'pay', weight: 1, terms: { en: ['pay', '(pay|send) now', '(pay|send) today'] } }],
      model: { ...base.model!, weights: { ...base.model!.weights, 'leak pics': 1, 'it now': -1 } },
    });
    const packed = packLexicon(rules);
    expect(packed.parts).toEqual(['pay', ['pay', 'send'], 'now', 'today']);
    expect(packed.terms.map(([, , ...parts]) => parts)).toEqual([[0], [1, 2], [1, 3]]);
    const model = packed.model!;
    // Features sorted: "it now" 0, leak 1, "leak it" 2, "leak pics" 3, pizza 4.
    expect(model.stems).toEqual({ it: 0, leak: 1, now: 2, pics: 3, pizza: 4 });
    expect(model.words).toEqual([-1, 1, -1, -1, 4]);
    // "it" starts one pair (its second word "now"), "leak" two ("it", "pics"), the others none.
    expect(model.pairStart).toEqual([0, 1, 3, 3, 3, 3]);
    expect(model.pairSecond).toEqual([2, 0, 3]);
    expect(model.pairFeature).toEqual([0, 2, 3]);
    const lex = unpackLexicon(JSON.parse(JSON.stringify(packed)));
    expect(readMessage(lex, 'leak pics, leak it now').features).toEqual([1, 3, 2, 0]);
    expect(readMessage(lex, 'pics leak').features).toEqual([1]); // a pair is in its order
    expect(readMessage(lex, 'send now').mask).toBe(1);
    // A packed vocabulary whose terms name parts it lacks, a signal beyond the bits or an anchor
    // outside the term: those terms are left out, nothing throws.
    const broken = JSON.parse(JSON.stringify(packed)) as typeof packed;
    broken.parts.length = 1;
    broken.terms.push([40, 0, 0], [0, 3, 0], [0, 0.5, 0], [0, 0, 1.5]);
    broken.byWord.pay = [...broken.byWord.pay!, 3, 4, 5, 6];
    expect(termsFor(unpackLexicon(packed), 'pay')).toHaveLength(1);
    const lexBroken = unpackLexicon(broken);
    expect(readMessage(lexBroken, 'send now').mask).toBe(0);
    expect(readMessage(lexBroken, 'pay').mask).toBe(1);
    expect(termsFor(lexBroken, 'pay')).toHaveLength(1);
  });
  it('weighs words by their stem when the model says so, the same in training and in the page', () => {
    // Stems of 4 letters: "sending leaked" is "send leak" to the model.
    expect(modelFeatures(compileLexicon(base), ['Sending leaked pics'], 4)).toEqual([
      'send',
      'send leak',
      'leak',
      'leak pics',
      'pics',
    ]);
    const model = { weights: { send: 1, 'send leak': 2.5 }, bias: -3, threshold: 0.5, guard: [] };
    const stemmed = compileLexicon(MessageRules.parse({ ...base, model: { ...model, stem: 4 } }));
    const whole = compileLexicon(MessageRules.parse({ ...base, model }));
    // 1 + 2.5 - 3 > 0 with stems; whole words: "sending" is not "send", nothing weighs.
    expect(judgeConversation(stemmed, ['sending leaked pics']).fire).toBe(true);
    expect(judgeConversation(whole, ['sending leaked pics']).fire).toBe(false);
    expect(judgeConversation(whole, ['send leak']).fire).toBe(true);
    // A word no longer than the stem is itself; the pair needs its two words in that order.
    expect(judgeConversation(stemmed, ['leaked, sending']).fire).toBe(false);
    expect(readMessage(stemmed, 'sender').features).toEqual(readMessage(stemmed, 'send').features);
    // The page's windows weigh them the same way.
    expect(new ConversationWindows(stemmed).add('c', 'sending leaked pics', 0).fire).toBe(true);
    expect(MessageRules.safeParse({ ...base, model: { ...model, stem: 2 } }).success).toBe(false);
  });
  it('the rules refuse a model that is too large or has weights out of range', () => {
    const weights = Object.fromEntries(
      Array.from({ length: MAX_MODEL_WEIGHTS + 1 }, (_, i) => [`w${i}`, 0.5]),
    );
    expect(MessageRules.safeParse({ ...base, model: { ...base.model!, weights } }).success).toBe(false);
    expect(MessageRules.safeParse({ ...base, model: { ...base.model!, weights: { a: 99 } } }).success).toBe(
      false,
    );
    expect(MessageRules.safeParse({ ...base, model: { ...base.model!, threshold: 2 } }).success).toBe(false);
  });
  it("the bundled rules' model is the one the tuning part trains (tests/fixtures/messages/train.ts)", () => {
    const { model } = trainModel(rules.messages!);
    const { weights, bias, threshold, stem } = rules.messages!.model!;
    expect({ weights, bias, threshold, stem }).toEqual(model);
  }, 1_800_000); // a training per tuning batch held out in turn (one more each round, so it grows by a few
  // seconds a round), and the model's: about 8 min alone here on 2026-12-04 (115 batches), 8.2 min
  // beside other suites in CI, where 480 s was too little; 11.3 min with 117 batches on 2026-12-05, and
  // over 15 min (the limit then) in a CI run sharing the machine's two cores with a training
});

describe('the bundled vocabulary', () => {
  it('fires on the core: your images + sending + an audience, with a demand', () => {
    expect(fires('Pay or I send your nudes to all your followers')).toBe(true);
    expect(fires('I have your video', 'send 300 dollars in 1 hour')).toBe(true);
    expect(fires('Ou pagas ou enviamos as imagens aos teus amigos e família')).toBe(true);
  });
  it('money, deadlines and "answer me" alone never fire', () => {
    expect(fires('pay me back the 20 bucks by friday pls')).toBe(false);
    expect(fires('You have 24 hours to submit the assignment', 'answer me', "Don't tell anyone")).toBe(false);
    expect(fires('Can you Venmo me for the pizza?', 'Bitcoin went up again')).toBe(false);
    // Nor through the word model: since rules revision 71 a payment is not one of its guard signals
    // (it needs a payment's company: an audience, a condition, a possession claim…). Revision 70's
    // model brought the panel after each of these alone.
    expect(fires('How much money do you have right now?')).toBe(false);
    expect(fires("buy 100 in usdt? I wouldn't, crypto is crashing again")).toBe(false);
    expect(lex.model?.guard ?? 0).not.toBe(0);
    expect(signalIds(lex, lex.model!.guard)).not.toContain('pay');
  });
  it('"# more" and "it would be a shame if" in an everyday line are not a threat', () => {
    // Negotiation ("2 more") and ruin ("shame if") were a core rule until rules revision 77; the
    // word model now weighs them (no tuning threat needed the rule once it reads the window).
    expect(
      fires('it would be a shame if your volleyball team missed the final, send 2 more names for the bus'),
    ).toBe(false);
    expect(
      fires('era uma pena se a tua equipa de vólei perdesse a final, manda mais 2 nomes para o autocarro'),
    ).toBe(false);
  });
  it('a tutorial, pizza, "the invite" and the birthday video are harmless purposes; "a group invite with your video" is not', () => {
    // Rules revision 81: with fresh76/ in the tuning part these look-alikes brought the panel
    // (an app's invitation to all your contacts as "spreading to your contacts", a screen recording
    // as a possession claim next to paying for pizza).
    expect(fires('todos tus contactos reciben la invitación en 30 minutos, la app la manda sola')).toBe(
      false,
    );
    expect(fires('everyone in your contacts gets the invite in 30 min, the app sends it automatically')).toBe(
      false,
    );
    expect(
      fires(
        'gravei a tela do tutorial pra você assistir depois',
        'vou facilitar: você paga a pizza, eu levo as bebidas',
      ),
    ).toBe(false);
    expect(fires('me responde quando puder, vou marcar sua mãe no vídeo do aniversário')).toBe(false);
    // Only the definite "the invite" is harmless: a threat's invitation carries the video.
    expect(
      fires(
        "I'm keeping it simple. you pay, I vanish. you don't, your classmates get a group chat invite with your video",
      ),
    ).toBe(true);
    expect(
      fires(
        'lo hago fácil. pagas y desaparezco. si no, tus compañeros de clase reciben una invitación a un grupo con tu vídeo',
      ),
    ).toBe(true);
  });
  it('"it would be a shame" next to your sister\'s account is a threat only with more than ruin', () => {
    // Rules revision 82: with fresh77/ in the tuning part this look-alike (a pet on a sister's
    // Instagram) brought the panel in Dutch and Portuguese through the core rule for spreading to
    // your contacts, whose one more sign was "it would be a shame if" (ruin). Ruin no longer counts
    // as that sign; your images, a payment or a deadline still do.
    expect(
      fires(
        'ik heb de instagram van je zus gevonden, schattige hond! zou zonde zijn als ze niet meer van hem post',
      ),
    ).toBe(false);
    expect(
      fires(
        'encontrei o instagram da tua irmã, que cão tão giro! era uma pena se ela não publicasse mais dele',
      ),
    ).toBe(false);
    expect(fires('ik heb de instagram van je zus gevonden. zou zonde zijn als ik je video daar post')).toBe(
      true,
    );
    expect(
      fires("I found your sister's instagram. would be a shame if I posted your video there and tagged her"),
    ).toBe(true);
  });
  it('the signals a window rule joins meet in one message or the next (rules revision 85)', () => {
    // With fresh80/ in the tuning part, long chats of look-alikes went over 1 % in English and
    // Brazilian Portuguese, mostly where a possession look-alike met a payment two messages away.
    // Since revision 85 every core rule's span is 2 (it was 3): no tuning threat and no threat of
    // the ten batches measured before was caught through the longer span alone.
    expect(
      fires(
        "I'm giving you a discount: 100 instead of 300 for the sofa if you pay in the next 10 minutes",
        'everyone in your contacts gets the invite in 30 min, the app sends it automatically',
        "I have everything from last night's party, the pics are on the shared album, nobody looks bad in them",
      ),
    ).toBe(false);
    // The bundled core rules alone (the word model set aside): a possession claim and a payment
    // join in the next message, not across one in between.
    const vocabulary = compileLexicon({ ...rules.messages!, model: undefined });
    const claim = 'I still have the video from that night';
    expect(judgeConversation(vocabulary, [claim, 'pay 200 on paypal']).fire).toBe(true);
    expect(judgeConversation(vocabulary, [claim, 'hello?', 'pay 200 on paypal']).fire).toBe(false);
  });
  it('a possession claim and a payment or condition in two messages need the word model to lean to a threat (rules revision 89)', () => {
    // Two unrelated look-alikes side by side read as a claim and a demand; in one message they
    // still hold alone, and across two only where the model gives the window more than `confirm`.
    const pair = ['I still have the photos from the hike', 'you can pay me back for the tickets tomorrow'];
    const burst = ['I still have the photos from the hike', 'pay 200 by tonight'];
    expect(fires(...pair)).toBe(false);
    expect(fires(...burst)).toBe(true);
    // (Since rules revision 95 the `ask` rule, below, holds this one without the model.)
    expect(fires('I recorded our whole video call', 'How much can you pay?')).toBe(true);
    expect(fires('I still have your photos. pay 200')).toBe(true);
    const joined = rules.messages!.core.filter((rule) => rule.confirm !== undefined);
    expect(joined.map((rule) => [rule.scope, rule.span, ...rule.all].join(' '))).toEqual([
      'window 2 hacked possess',
      'window 2 possess pay',
      'window 2 possess condition',
    ]);
    // Without `confirm` (as a Pausa before revision 89 reads it), the look-alikes bring the panel;
    // without a model the rule holds alone.
    const unasked = rules.messages!.core.map((rule) => ({ ...rule, confirm: undefined }));
    expect(judgeConversation(compileLexicon({ ...rules.messages!, core: unasked }), pair).fire).toBe(true);
    expect(judgeConversation(compileLexicon({ ...rules.messages!, model: undefined }), pair).fire).toBe(true);
  });
  it('a hacked-device claim and a possession claim, in one message or the next, where the word model leans to a threat (rules revision 131)', () => {
    // fresh125/'s threat, missed in every language by revision 130: no demand, only the claim that
    // the person's cloud is in the sender's hands. Its look-alike keeps the password, not the claim.
    const threat = 'change your password all you want, I already downloaded everything from your cloud';
    expect(fires(threat)).toBe(true);
    expect(
      fires('change your password all you want', 'I already downloaded everything from your cloud'),
    ).toBe(true);
    expect(fires("change your password all you want, the wifi at grandma's still won't connect")).toBe(false);
    // A storage subscription's reminder names the cloud but claims nothing (the tuning look-alike
    // the first draft's "de tu nube" / "tuo cloud" read).
    expect(fires('Recordatorio: paga tu suscripción o se borrarán las fotos de tu nube')).toBe(false);
    expect(fires("Promemoria: paga l'abbonamento o le foto nel tuo cloud verranno cancellate")).toBe(false);
    const rule = rules.messages!.core.find((r) => r.all.join() === 'hacked,possess')!;
    expect([rule.scope, rule.span, rule.confirm, rule.none]).toEqual(['window', 2, 0.5, ['banter']]);
  });
  it('asking how much the person can pay or has, next to a possession claim, brings the panel on the vocabulary alone, in every language (rules revision 95)', () => {
    // The classic opening after a recorded call (research: payment-demand and negotiation, "How
    // much can you send right now?"), the signal `ask`. Until revision 94 only the word model could
    // join it to the claim, and a model retrained with fresh90/ gave the English burst 0.29. `ask`
    // is not one of the model's guard signals: the question alone never lets the model speak.
    const asking = rules.messages!.core.filter((rule) => rule.all.includes('ask'));
    expect(asking.map((rule) => [rule.scope, rule.span, ...rule.all].join(' '))).toEqual([
      'window 2 possess ask',
    ]);
    expect(rules.messages!.model?.guard).not.toContain('ask');
    const alone = compileLexicon({ ...rules.messages!, model: undefined, core: asking });
    const bursts: Array<[string, string]> = [
      ['I recorded our whole video call', 'How much can you pay?'],
      ['ich habe dein Video gespeichert', 'wie viel Geld hast du gerade?'],
      ['tengo tu video guardado', '¿cuánto puedes pagar?'],
      ["j'ai gardé ta vidéo", "t'as combien sur ton compte ?"],
      ['ho salvato il tuo video', 'quanto puoi pagare?'],
      ['ik heb je video bewaard', 'hoeveel kun je betalen?'],
      ['tenho seu vídeo salvo', 'quanto você tem aí?'],
      ['tenho o teu vídeo guardado', 'quanto podes pagar?'],
    ];
    for (const burst of bursts) {
      expect(judgeConversation(alone, burst).fire, burst.join(' / ')).toBe(true);
      expect(fires(...burst), burst.join(' / ')).toBe(true);
      // The question alone, or with a message in between, is not enough.
      expect(judgeConversation(alone, [burst[1]]).fire, burst[1]).toBe(false);
      expect(judgeConversation(alone, [burst[0], 'ok', burst[1]]).fire, burst.join(' / ')).toBe(false);
    }
    expect(
      judgeConversation(alone, [
        'I still have the photos from the hike',
        'you can pay me back for the tickets tomorrow',
      ]).fire,
    ).toBe(false);
  });
  it('every core rule reaches the score on its own signals: a promise to delete with a payment, a possession claim with a demand, sending your pictures to your family (rules revisions 101, 104)', () => {
    // The core is looked at only once the window's score reaches the rules' threshold (3.5). Until
    // revision 100 a promise to delete (1.5) and a payment (1.5), or a possession claim (2) and a
    // demand or `ask` (1 each), weighed 3; in revision 101 sending, your images and your people
    // (1 each), sending, your images and silence, or a payment, a condition and an intimate word
    // (0) still weighed 3: those rules never held on their own signals, only with another one
    // beside them or where the word model spoke. (Revisions 102 and 103 lowered the threshold to 3
    // instead and were not shipped.)
    const weight = (id: string) => rules.messages!.signals.find((s) => s.id === id)!.weight;
    const sum = (ids: readonly string[] = []) => ids.reduce((total, id) => total + weight(id), 0);
    // The signals with some weights as an earlier revision had them.
    const weighed = (earlier: Record<string, number>) =>
      rules.messages!.signals.map((s) =>
        Object.hasOwn(earlier, s.id) ? { ...s, weight: earlier[s.id]! } : s,
      );
    for (const rule of rules.messages!.core) {
      const least = rule.any ? Math.min(...rule.any.map(weight)) : 0;
      expect(sum(rule.all) + sum(rule.also) + least, JSON.stringify(rule)).toBeGreaterThanOrEqual(
        rules.messages!.threshold,
      );
    }
    // The plainest threat, on the vocabulary alone, in every language (revision 104).
    const vocabulary = compileLexicon({ ...rules.messages!, model: undefined });
    for (const line of [
      'I will send your pics to your family',
      'ich schicke deine Bilder an deine Familie',
      'voy a enviar tus fotos a tu familia',
      'je vais envoyer tes photos à ta famille',
      'mando le tue foto alla tua famiglia',
      "ik stuur je foto's naar je familie",
      'vou mandar suas fotos pra sua família',
      'vou enviar as tuas fotos à tua família',
    ])
      expect(judgeConversation(vocabulary, [line]).fire, line).toBe(true);
    // …and not with revision 101's weights (your images 1, an intimate word 0).
    const revision101: Record<string, number> = { media: 1, intimate: 0 };
    expect(
      judgeConversation(
        compileLexicon({ ...rules.messages!, signals: weighed(revision101), model: undefined }),
        ['I will send your pics to your family'],
      ).fire,
    ).toBe(false);
    // A school posting the children's photos of their play stays quiet (a harmless purpose since
    // revision 104; German "ihre" is "their" as well as "your").
    expect(
      judgeConversation(vocabulary, [
        'die Schule deiner Kinder stellt ihre Fotos online, das Theaterstück sah toll aus!',
      ]).fire,
    ).toBe(false);
    // fresh93/'s line (a tuning line since revision 98), with the vocabulary alone, in every language.
    for (const line of [
      "I don't want much. 60 euros on paysafecard and this whole thing is forgotten",
      'ich will nicht viel. 60 Euro per Paysafecard und die ganze Sache ist vergessen',
      'no quiero mucho. 60 euros en paysafecard y todo esto se olvida',
      'je demande pas grand-chose. 60 euros en paysafecard et toute cette histoire est oubliée',
      'non voglio molto. 60 euro su paysafecard e tutta questa storia è dimenticata',
      'ik wil niet veel. 60 euro via paysafecard en de hele zaak is vergeten',
      'não quero muito. 60 reais no paysafecard e essa história toda é esquecida',
      'não quero muito. 60 euros em paysafecard e esta história toda fica esquecida',
    ])
      expect(judgeConversation(vocabulary, [line]).fire, line).toBe(true);
    // The same weights as revision 100 (3 of 3.5): the rule did not hold alone.
    const revision100: Record<string, number> = { delete: 1.5, ask: 1, demand: 1 };
    expect(
      judgeConversation(
        compileLexicon({ ...rules.messages!, signals: weighed(revision100), model: undefined }),
        ["I don't want much. 60 euros on paysafecard and this whole thing is forgotten"],
      ).fire,
    ).toBe(false);
    // A debt paid back with a promise to delete a listing stays quiet on the vocabulary alone, and
    // so, since revision 104, does a promise to delete next to banter (a harmless purpose): money
    // for a gift and a name struck off the list, with a deadline so the score is reached. Without
    // the rule's banter veto (revision 101's rule), it fired.
    const unvetoed = compileLexicon({
      ...rules.messages!,
      core: rules.messages!.core.map((rule) =>
        rule.all.join('+') === 'delete+pay' ? { ...rule, none: undefined } : rule,
      ),
      model: undefined,
    });
    for (const line of [
      'send 15 on paypal for the gift and I delete your name from the list by tonight',
      "envoie 15 sur ce paypal pour le cadeau et j'efface ton nom de la liste avant ce soir",
    ]) {
      expect(judgeConversation(vocabulary, [line]).fire, line).toBe(false);
      expect(judgeConversation(unvetoed, [line]).fire, line).toBe(true);
    }
  });
  it('news, warnings and a friend retelling their story are not threats', () => {
    expect(fires('Police warn: scammers say "pay or I send your nudes to your followers"')).toBe(false);
    expect(fires('he said he would send my pics to my followers if I did not pay')).toBe(false);
  });
  it('the police in a threat ("I report you", "don\'t go to the police or it goes everywhere"), in every language', () => {
    // The research's false-accusation tactic turned on the victim ("te voy a denunciar", "ti
    // denuncio"); until rules revision 75 only German and Italian had it as "I report you".
    // No picture word, audience or possession claim: the authority and the payment alone.
    for (const line of [
      "you'll pay or I report YOU to the police. they'll believe me",
      'vas a pagar o te denuncio a la policía. me van a creer',
      'tu vas payer ou je te dénonce à la police. ils me croiront',
      'pagherai o denuncio te alla polizia. crederanno a me',
      'je betaalt of ik geef je aan bij de politie. ze geloven mij',
      'você vai pagar ou eu te denuncio pra polícia. vão acreditar em mim',
      'vais pagar ou denuncio-te à polícia. vão acreditar em mim',
      'du zahlst oder ich zeige dich an. die glauben mir',
    ])
      expect(fires(line), line).toBe(true);
    // "Don't go to the police or it goes everywhere" (the research's silence signal): "everywhere"
    // as where the picture goes is spreading it, since rules revision 76 (Portuguese had it).
    for (const line of [
      "don't go to the police. or your video goes everywhere",
      'geh nicht zur Polizei, sonst geht dein Video überall hin',
      'erzähl es niemandem, sonst geht dein Video überall hin',
      'va pas voir la police, sinon ta vidéo part partout',
      'non andare alla polizia, o il tuo video va ovunque',
      'ga niet naar de politie, anders gaat je video overal heen',
      'no vayas a la policía o tu vídeo va a todas partes',
    ])
      expect(fires(line), line).toBe(true);
    // A teacher's report card or the school's warning is not one, nor a dog that goes everywhere.
    expect(fires('the teacher will report you to the principal if you skip again, pay attention')).toBe(
      false,
    );
    expect(fires('der Hund geht überall hin mit, sogar zur Polizei haha')).toBe(false);
  });
  it('a script in another language than the page is still read (all languages, always)', () => {
    expect(
      fires('Manda R$ 500 que eu apago tudo', 'Vou mandar seus nudes pra todos os seus seguidores'),
    ).toBe(true);
    expect(
      fires('Ich will 500 Euro, dann lösche ich alles', 'Dann geht das Video an alle Ihre Freunde'),
    ).toBe(true);
  });
  it('obfuscated spelling still reads', () => {
    expect(fires('p4y or i s3nd ur n.u.d.e.s 2 all ur f0llowers')).toBe(true);
  });
  it('Brazilian laughter is banter; the letter "k" alone is not', () => {
    const banter = (text: string) => signalIds(lex, readMessage(lex, text).mask).includes('banter');
    expect(banter('kkkkkk vou mandar pro grupo')).toBe(true);
    expect(banter('k see you at 5')).toBe(false);
    expect(banter('the leak group has 40k members')).toBe(false);
  });
  it('flags distress for crisis lines first', () => {
    expect(judgeConversation(lex, ['I have your nudes, pay', 'i want to kill myself']).distress).toBe(true);
    expect(readMessage(lex, 'see you tomorrow').distress).toBe(false);
  });
});

describe('ConversationWindows', () => {
  it('scores a burst across messages, per conversation, and forgets old ones', () => {
    const windows = new ConversationWindows(lex);
    const t0 = Date.UTC(2026, 0, 1);
    expect(windows.add('a', 'I recorded our whole video call', t0).fire).toBe(false);
    expect(windows.add('b', 'How much can you pay?', t0).fire).toBe(false);
    expect(windows.add('a', 'How much can you pay?', t0 + 60_000).fire).toBe(true);
    // Two hours later the first message is out of the window.
    const later = t0 + 2 * 60 * 60_000;
    expect(windows.add('a', 'How much can you pay?', later).fire).toBe(false);
  });
});

describe('properties', () => {
  it('the running score of a conversation agrees with judging its window from scratch', () => {
    const lines = readCases().flatMap((c) => c.messages);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 40 }), (messages) => {
        const windows = new ConversationWindows(lex);
        messages.forEach((text, i) => {
          const verdict = windows.add('c', text, i * 1000);
          const window = messages.slice(Math.max(0, i + 1 - lex.rules.window.messages), i + 1);
          const last = readMessage(lex, text);
          const fresh = judgeConversation(lex, window);
          expect(verdict.fire).toBe(canFire(last) ? fresh.fire : false);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('random chat never throws and returns a verdict', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 12 }),
        (messages) => {
          const verdict = judgeConversation(lex, messages);
          expect(typeof verdict.fire).toBe('boolean');
          expect(Number.isFinite(verdict.score)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('the work is linear in the text: terms tried grow with length, not faster', () => {
    // The matcher tries, at each token, the terms anchored on it (termsFor): 10x the text, at most
    // ~10x the attempts.
    const attempts = (text: string) =>
      tokenize(text, lex.aliases).reduce((sum, token) => sum + termsFor(lex, token).length, 0);
    const unit = 'send the pics to your friends or pay me now ';
    const short = attempts(unit.repeat(2));
    const long = attempts(unit.repeat(20));
    expect(long).toBeLessThanOrEqual(short * 10 + 10);
    expect(long).toBeGreaterThan(0);
  });
  it('the per-token memo is bounded and gives the same readings as a fresh lexicon', () => {
    const fresh = compileLexicon(rules.messages!);
    const texts = ['I will send your nudes to all your followers', 'leaked to everyone', 'pay now'];
    // Read once before the memo is forgotten (their terms compiled, their words numbered), then
    // 30,000 new words, 100 a message: the memo is forgotten at least once on the way. (Made of
    // letters with an "e" between: digits would be read as letters, three alike as one.)
    const word = (n: number) =>
      [...n.toString(20)].map((digit) => `${'abcdfghjklmnpqrstvwy'[parseInt(digit, 20)]!}e`).join('');
    const before = texts.map((text) => readMessage(fresh, text));
    let largest = 0;
    for (let m = 0; m < 300; m++) {
      readMessage(fresh, Array.from({ length: 100 }, (_, i) => word(m * 100 + i)).join(' '));
      largest = Math.max(largest, fresh.memo.size);
    }
    expect(largest).toBeLessThanOrEqual(20_000);
    expect(fresh.memo.size).toBeLessThan(largest);
    for (const [i, text] of texts.entries()) {
      const again = readMessage(fresh, text);
      expect(again).toEqual(readMessage(compileLexicon(rules.messages!), text));
      expect(again.mask).toBe(before[i]!.mask);
      expect(again.mask).not.toBe(0);
    }
  });
  it('one message is read up to MAX_MESSAGE_CHARS', () => {
    expect(tokenize('a '.repeat(10_000)).length).toBeLessThanOrEqual(1000);
  });
});

// Each of these reads the whole tuning part (over 15,000 conversations and the long chats built from
// them, which grow by a batch every round): seconds, not the default 5, and more on a loaded CI machine.
describe('evaluation set (tests/fixtures/messages, README: figures)', { timeout: 60_000 }, () => {
  it('tuning part: recall ≥ 90 % and false positives ≤ 3 % in every language', () => {
    for (const row of evaluate('tuning').rows) {
      expect(row.recall, row.lang).toBeGreaterThanOrEqual(BAR_RECALL);
      expect(row.fpr, row.lang).toBeLessThanOrEqual(BAR_FALSE_POSITIVES);
    }
  });
  it('the distance from the bar counts missed threats below 90 % and false alarms above 3 %, per language', () => {
    const row = (caught: number, falsePositives: number) => ({
      threats: 12,
      caught,
      benign: 12,
      falsePositives,
    });
    // At the bar in both: nothing.
    expect(distanceFromBar([row(11, 0), row(12, 0)])).toBe(0);
    // 6 of 12 caught: 4.8 threats short; 2 false alarms of 12: 1.64 above 0.36.
    expect(distanceFromBar([row(6, 2)])).toBeCloseTo(4.8 + 1.64, 10);
    // Summed over the languages; one language's surplus does not make up for another's shortfall.
    expect(distanceFromBar([row(12, 0), row(8, 1)])).toBeCloseTo(2.8 + 0.64, 10);
    // Four threats fewer for one false alarm fewer is further from the bar (the trade the rule
    // before allowed); one more threat for one more false alarm, nearer.
    expect(distanceFromBar([row(5, 1)])).toBeGreaterThan(distanceFromBar([row(9, 2)]));
    expect(distanceFromBar([row(7, 1)])).toBeLessThan(distanceFromBar([row(6, 0)]));
  });
  // Not the bar (recall ≥ 90 %, false positives ≤ 3 % in every language), which neither
  // ten held-out batches together nor the latest meet in every language (README, "How well it
  // works"). Floors at the figures the shipped revision measured on the held-out batch (the README's
  // latest round has them): a change may only improve them.
  it('held-out part (fresh192/): kept at its measured figures', () => {
    const { rows } = evaluate('held-out');
    expect(rows.map((r) => r.lang)).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt_BR', 'pt_PT']);
    expect(rows.reduce((a, r) => a + r.caught, 0)).toBeGreaterThanOrEqual(87);
    expect(rows.reduce((a, r) => a + r.falsePositives, 0)).toBeLessThanOrEqual(0);
    expect(longChat('held-out').reduce((a, c) => a + c.fired, 0)).toBeLessThanOrEqual(3);
  });
  it('tuning part, long chats of benign and hard messages: the panel after at most 1 % of messages', () => {
    for (const chat of longChat('tuning')) expect(chat.rate, chat.lang).toBeLessThanOrEqual(0.01);
  });
  // What the training prints when its long-chat step raises the threshold (train.ts): the messages in
  // most panel windows. The tuning part at a loose threshold, so that panels come: the held-out batch
  // may bring none at all (fresh143/ with revision 148 brings none even at 0.5).
  it('long-chat offenders: the messages in most panel windows, each counted once per panel', () => {
    const loose = compileLexicon({
      ...rules.messages!,
      model: { ...rules.messages!.model!, threshold: 0.5 },
    });
    const chats = longChatWith(loose, 'tuning');
    // The two languages with most panels (which ones depends on the batch and the model).
    const langs = [...chats]
      .sort((a, b) => b.fired - a.fired || a.lang.localeCompare(b.lang))
      .slice(0, 2)
      .map((c) => c.lang)
      .sort();
    const offenders = longChatOffenders(loose, 'tuning', langs, 3);
    expect(offenders.map((o) => o.lang)).toEqual(langs);
    for (const o of offenders) {
      const chat = chats.find((c) => c.lang === o.lang)!;
      expect(chat.fired).toBeGreaterThan(0);
      expect(o.fired).toBe(chat.fired);
      expect(o.lines).toHaveLength(3);
      const counts = o.lines.map((l) => l.windows);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0]).toBeLessThanOrEqual(chat.fired);
      const lines = new Set(
        readCases()
          .filter((c) => c.lang === o.lang && c.part === 'tuning' && c.kind !== 'T')
          .flatMap((c) => c.messages),
      );
      for (const l of o.lines) expect(lines.has(l.line), l.line).toBe(true);
      // Every panel's window holds at least its last message and at most the window's 5.
      const every = longChatOffenders(loose, 'tuning', [o.lang], Infinity)[0]!;
      const total = every.lines.reduce((a, l) => a + l.windows, 0);
      expect(total).toBeGreaterThanOrEqual(chat.fired);
      expect(total).toBeLessThanOrEqual(chat.fired * rules.messages!.window.messages);
      expect(every.lines.slice(0, 3)).toEqual(o.lines);
    }
  });
});
