// How src/rules/rules.json is written (scripts/train-messages.mjs, and anyone editing it by script):
// two-space JSON for people to read and review, except the word model's weights, which are
// generated and take one line. Laid out one per line they made up 55 % of the file; a rules update
// may be at most 512 KB (src/shared/rules-update.ts), and older versions of Pausa keep that cap.
// Same data either way: only the bytes that are signed change.
const PLACEHOLDER = '\u0000pausa-model-weights\u0000';

/** @param {unknown} rules */
export function rulesText(rules) {
  let weights;
  const text = JSON.stringify(
    rules,
    function (key, value) {
      if (key === 'weights' && this && typeof this === 'object' && 'threshold' in this) {
        weights = value;
        return PLACEHOLDER;
      }
      return value;
    },
    2,
  );
  return `${weights === undefined ? text : text.replace(JSON.stringify(PLACEHOLDER), () => JSON.stringify(weights))}\n`;
}
