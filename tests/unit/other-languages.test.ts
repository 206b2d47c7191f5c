import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rules } from '../../src/shared/rules';
import type { Case } from '../fixtures/messages/evaluate';
import { newTermsReadElsewhere } from '../fixtures/messages/other-languages';

const rules = Rules.parse(
  JSON.parse(readFileSync(new URL('../../src/rules/rules.json', import.meta.url), 'utf8')),
).messages!;
const media = rules.signals.findIndex((s) => s.id === 'media');

/** The rules with one more term in one signal and language. */
function plus(signal: number, language: string, term: string) {
  return {
    ...rules,
    signals: rules.signals.map((s, i) =>
      i === signal ? { ...s, terms: { ...s.terms, [language]: [...(s.terms[language] ?? []), term] } } : s,
    ),
  };
}

const chat = (lang: string, kind: Case['kind'], ...messages: string[]): Case => ({
  lang,
  kind,
  messages,
  line: `${kind} ${messages.join(' || ')}`,
  part: 'tuning',
  batch: 'base',
});

describe('new terms read in other languages (npm run train:messages)', () => {
  const cases = [
    chat('pt_PT', 'H', 'olha, és tu no vídeo da corrida!'),
    chat('pt_PT', 'T', 'és tu no vídeo, paga ou mando'),
    chat('es', 'T', 'tengo tu otro video'),
    chat('en', 'B', 'see you at the match'),
  ];
  it("lists a new term that matches another language's benign text, with what it matched", () => {
    // Revision 126's first training: Spanish `tu * video` read Portuguese "és tu no vídeo".
    const found = newTermsReadElsewhere(rules, plus(media, 'es', 'tu * video'), cases);
    expect(found).toEqual([
      {
        signal: 'media',
        language: 'es',
        term: 'tu * video',
        own: 1,
        benign: ['pt_PT: olha, és tu no vídeo da corrida!'],
        threats: 1,
      },
    ]);
  });
  it("says nothing of a term read only in its own language, or of the rules' old terms", () => {
    expect(newTermsReadElsewhere(rules, plus(media, 'es', 'tu otro video'), cases)).toEqual([]);
    expect(newTermsReadElsewhere(rules, rules, cases)).toEqual([]);
  });
});
