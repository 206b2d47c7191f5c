// How src/rules/rules.json is written (scripts/train-messages.mjs, and anyone editing it by script):
// two-space JSON for people to read and review, except two generated or long parts: the word
// model's weights take one line (grouped by weight since rules revision 142's re-encoding:
// groupWeights), and each language's list of a signal's terms takes one line.
// Laid out one per line the weights made up 55 % of the file and the terms' indentation another
// 50 KB; a rules update may be at most 512 KB (src/shared/rules-update.ts), and older versions of
// Pausa keep that cap. Same data either way: only the bytes that are signed change. (To review a
// change to a term list, `git diff --word-diff` shows the words that changed on its line.)
const MARK = '\u0000pausa-one-line\u0000';

/** @param {unknown} rules */
export function rulesText(rules) {
  /** @type {unknown[]} */
  const oneLine = [];
  const mark = (/** @type {unknown} */ value) => `${MARK}${oneLine.push(value) - 1}`;
  const text = JSON.stringify(
    rules,
    function (key, value) {
      if (key === 'weights' && this && typeof this === 'object' && 'threshold' in this)
        return mark(groupWeights(value));
      if (key === 'terms' && isTermLists(value))
        return Object.fromEntries(Object.entries(value).map(([lang, list]) => [lang, mark(list)]));
      return value;
    },
    2,
  );
  return `${text.replace(/"\\u0000pausa-one-line\\u0000(\d+)"/g, (_, n) => JSON.stringify(oneLine[Number(n)]))}\n`;
}

/**
 * The word model's weights grouped by weight, as the rules file holds them since rules revision
 * 142's re-encoding (src/shared/rules.ts `WeightGroups`): `{"-0.49": "# abonne|lekker", …}`, about
 * half the bytes of one entry per feature. Weights already grouped (strings) are kept as they are.
 * @param {Record<string, number | string>} weights
 */
export function groupWeights(weights) {
  const entries = Object.entries(weights);
  if (!entries.every(([, w]) => typeof w === 'number')) return weights;
  /** @type {Map<number, string[]>} */
  const groups = new Map();
  for (const [feature, weight] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const group = groups.get(/** @type {number} */ (weight));
    if (group) group.push(feature);
    else groups.set(/** @type {number} */ (weight), [feature]);
  }
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => a - b).map(([weight, features]) => [String(weight), features.join('|')]),
  );
}

/** A signal's terms: lists of strings by language. */
function isTermLists(/** @type {unknown} */ value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (list) => Array.isArray(list) && list.every((term) => typeof term === 'string'),
    )
  );
}
