// `npm run train:messages`: C8's word model (issue #13), trained on the evaluation set's tuning
// part only (tests/fixtures/messages/train.ts says how) and written into src/rules/rules.json
// (`messages.model`): data in the signed rules like the vocabulary, so a new model ships as a
// rules update. The guard signals already in the rules are kept. Deterministic: the same data
// gives the same weights (tests/unit/extortion.test.ts checks the rules hold them). Then format,
// raise `revision` and sign (README, "Publishing rules").
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesText } from './rules-json.mjs';
import { typescriptLoader } from './typescript.mjs';

const RULES = fileURLToPath(new URL('../src/rules/rules.json', import.meta.url));
const vite = await typescriptLoader();
try {
  const { trainModel } = await vite.ssrLoadModule('/tests/fixtures/messages/train.ts');
  const { Rules } = await vite.ssrLoadModule('/src/shared/rules.ts');
  const { coveredTerms } = await vite.ssrLoadModule('/src/shared/extortion.ts');
  const rules = JSON.parse(readFileSync(RULES, 'utf8'));
  // The schema first: a term it refuses (more than 8 words, say) would otherwise be trained on
  // and only refused later, by the evaluation or a page.
  const checked = Rules.safeParse(rules);
  if (!checked.success)
    throw new Error(`src/rules/rules.json does not pass the schema: ${checked.error.message}`);
  // Terms another term of theirs already matches: said, not refused (their words still count as
  // concepts for the model), so a round can drop them or leave them knowingly.
  const covered = coveredTerms(rules.messages);
  if (covered.length)
    console.warn(
      `${covered.length} terms add nothing to their signal (another term of the same signal and language matches whatever they match):\n` +
        covered.map((c) => `  ${c.signal}/${c.language}: "${c.term}" under "${c.by}"`).join('\n'),
    );
  // Terms new since the last commit that other languages' benign or look-alike messages match on
  // their own (every language's terms are read on every page): said before the long training, so
  // a round can narrow them first. Nothing to say outside a git checkout.
  const before = committedRules();
  if (before) {
    const { newTermsReadElsewhere } = await vite.ssrLoadModule('/tests/fixtures/messages/other-languages.ts');
    const { readCases } = await vite.ssrLoadModule('/tests/fixtures/messages/evaluate.ts');
    const tuning = readCases().filter((c) => c.part === 'tuning');
    // (The terms only: the file's word model, grouped by weight, is read by the schema alone.)
    const terms = { ...rules.messages, model: undefined };
    const elsewhere = newTermsReadElsewhere(before, terms, tuning).filter((t) => t.benign.length);
    if (elsewhere.length)
      console.warn(
        `${elsewhere.length} new terms match benign or look-alike messages of other languages:\n` +
          elsewhere
            .map(
              (t) =>
                `  ${t.signal}/${t.language}: "${t.term}" (${t.own} of its own language's messages; elsewhere ${t.benign.length} benign, ${t.threats} threats), e.g. ${t.benign.slice(0, 3).join(' | ')}`,
            )
            .join('\n'),
      );
    // Words the new terms take from the word model (a word of two signals pushed to three) or
    // widen to another signal: everyday words ("before", "times") most of all are worth rewording.
    const { conceptChanges } = await vite.ssrLoadModule('/tests/fixtures/messages/concept-words.ts');
    const { lost, widened, added } = conceptChanges(before, terms);
    const listed = (changes) =>
      changes
        .map(
          (c) =>
            `  "${c.word}": ${c.before.join('+') || 'none'} -> ${c.after.join('+') || 'none'}${c.terms.length ? ` (${c.terms.join('; ')})` : ''}`,
        )
        .join('\n');
    if (lost.length)
      console.warn(
        `${lost.length} words stop counting as concepts for the word model (now in the terms of three signals or more, or of none):\n${listed(lost)}`,
      );
    if (widened.length)
      console.warn(`${widened.length} words count for more signals than before:\n${listed(widened)}`);
    if (added.length)
      console.warn(
        `${added.length} new concept words: ${added.map((c) => `${c.word} (${c.after.join('+')})`).join(', ')}`,
      );
  }
  const { model, examples, threats, recall, climbed, looser } = trainModel(rules.messages);
  rules.messages.model = { ...model, guard: rules.messages.model?.guard ?? [] };
  writeFileSync(RULES, rulesText(rules));
  // The long-chat step raised the threshold: say where from and which messages sat in most of the
  // panels' windows. One look-alike in many windows is usually a phrase the vocabulary misreads
  // (rules revisions 117, 120 and 122 each fixed one with a harmless turn); many, a model that
  // fires too easily.
  if (climbed)
    console.warn(
      `the long-chat step raised the threshold from ${climbed.from} to ${model.threshold}; at ${climbed.from}:\n` +
        climbed.over
          .map(
            (o) =>
              `  ${o.lang}: the panel after ${(o.rate * 100).toFixed(2)} % of tuning long-chat messages (at most 1 %); in most of its windows:\n` +
              o.lines.map((l) => `    ${l.windows}× ${l.line}`).join('\n'),
          )
          .join('\n'),
    );
  // What the threshold rule weighed: the chosen threshold and a few looser ones, held out, with the
  // language furthest over each of its two limits (a looser one was refused by whichever is over).
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  console.log(
    `held out (leave-one-batch-out), the chosen threshold and looser ones: threats caught of ${threats}; the language with most benign conversations with a panel (at most 3 %) and most mixed windows with one (at most 10 %)\n` +
      looser
        .map(
          (s) =>
            `  ${s.t}: ${s.caught} caught; benign ${s.benign.lang} ${pct(s.benign.share)}; mixed ${s.mixed.lang} ${pct(s.mixed.share)}`,
        )
        .join('\n'),
  );
  console.log(
    `trained on ${examples} conversations (${threats} threats) and mixed benign windows: ${Object.keys(model.weights).length} weights, ` +
      `threshold ${model.threshold}, recall held out (leave-one-batch-out; the vocabulary was tuned on every batch, so it overstates a new batch's) ${(recall * 100).toFixed(1)} %. ` +
      'Next: raise revision (the file stays as rulesText writes it: scripts/rules-json.mjs), npm run rules -- sign.',
  );
} finally {
  await vite.close();
}

/** The messages section of the last commit's rules, or nothing outside a git checkout. */
function committedRules() {
  try {
    const text = execFileSync('git', ['show', 'HEAD:src/rules/rules.json'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { ...JSON.parse(text).messages, model: undefined };
  } catch {
    return undefined;
  }
}
