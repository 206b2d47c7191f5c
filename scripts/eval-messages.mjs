// `npm run eval:messages [-- --held-out | --all | --audit SIGNAL | --pool [N]] [--rules COMMIT]`:
// C8's matcher on the evaluation set in tests/fixtures/messages/ (see its README). The default
// prints the tuning part's figures and its misses; --held-out prints the held-out part's figures
// only (never its lines: nobody tunes on them); --rules COMMIT scores with the rules that commit
// held (an earlier revision, compared on the same batch); --pool pools the last N (10) measured
// held-out batches, each with the rules of the revision that measured it (measured.json), per
// language and at several thresholds: the README's pooled tables; --audit SIGNAL (reported,
// banter…) tells, on the tuning part only, which of that signal's terms change a verdict when left
// out: the threats each one silences, the look-alikes it spares.
import { typescriptLoader } from './typescript.mjs';

const part = process.argv.includes('--held-out')
  ? 'held-out'
  : process.argv.includes('--all')
    ? 'all'
    : 'tuning';
/** The word after `name`, if it is not another option. */
const option = (name) => {
  const i = process.argv.indexOf(name);
  const value = i < 0 ? null : (process.argv[i + 1] ?? '');
  return value?.startsWith('--') ? '' : value;
};
const audit = option('--audit');
const rulesAt = option('--rules');
const pool = option('--pool');
const vite = await typescriptLoader();
try {
  const ev = await vite.ssrLoadModule('/tests/fixtures/messages/evaluate.ts');
  const { evaluate, evaluateWith, longChat, longChatWith, auditSignal, poolBatches, distanceFromBar } = ev;
  const { compileLexicon } = await vite.ssrLoadModule('/src/shared/extortion.ts');
  /** The messages rules a commit held. */
  const messagesAt = (commit) => {
    const rules = ev.rulesAtCommit(commit);
    if (!rules.messages) throw new Error(`${commit}: its rules have no messages section`);
    return { revision: rules.revision, messages: rules.messages };
  };
  const pct = ev.percent;
  if (pool !== null) {
    const count = pool === '' ? 10 : Number(pool);
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`--pool takes a number of batches, not "${pool}"`);
    const entries = ev
      .measuredBatches()
      .slice(-count)
      .map((b) => {
        const { revision, messages } = messagesAt(b.commit);
        if (revision !== b.revision)
          throw new Error(`${b.batch}: ${b.commit} holds revision ${revision}, not ${b.revision}`);
        return { ...b, messages };
      });
    const { rows, total, curve } = poolBatches(entries);
    const names = entries.map(
      (e) => `${e.batch}/ (${e.revision}${e.shipped === false ? ', not shipped' : ''})`,
    );
    console.log(`pooled: ${names.join(', ')}\n`);
    console.log('| language | threats caught | recall | false positives | FP rate |');
    console.log('| -------- | -------------- | ------ | --------------- | ------- |');
    for (const r of [...rows, total])
      console.log(
        `| ${r.lang} | ${r.caught}/${r.threats} | ${pct(r.caught, r.threats)} | ${r.falsePositives}/${r.benign} | ${pct(r.falsePositives, r.benign)} |`,
      );
    console.log('\n| model threshold | threats caught | false positives |');
    console.log('| --------------- | -------------- | --------------- |');
    for (const p of curve)
      console.log(
        `| ${p.threshold} | ${p.caught} (${pct(p.caught, total.threats)}) | ${p.falsePositives} (${pct(p.falsePositives, total.benign)}) |`,
      );
    process.exit(0);
  }
  if (rulesAt === '') throw new Error('--rules needs a commit (or a branch or tag)');
  const other = rulesAt && messagesAt(rulesAt);
  const lex = other && compileLexicon(other.messages);
  if (lex && audit !== null) throw new Error('--audit reads the bundled rules only; leave out --rules');
  if (audit !== null) {
    if (!audit) throw new Error('--audit needs the id of a signal (reported, banter…)');
    const { conversations, holding, kinds, all, rows } = auditSignal(audit);
    console.log(
      `"${audit}" on the tuning part: ${holding} of ${conversations} conversations hold it in their last window (threats ${kinds.T}, look-alikes ${kinds.H}, ordinary ${kinds.B}).`,
    );
    console.log(
      `Without any of its terms: ${all.silenced} missed threats caught, ${all.spared} more false alarms, ${all.other} other verdicts changed.\n`,
    );
    console.log('| language | term | threats it silences | false alarms it spares | other changes |');
    console.log('| -------- | ---- | ------------------- | ---------------------- | ------------- |');
    for (const r of rows)
      console.log(
        `| ${r.lang} | \`${r.term.replaceAll('|', '\\|')}\` | ${r.silenced} | ${r.spared} | ${r.other} |`,
      );
    console.log(`\n${rows.length} terms change a verdict when left out alone; the others change none.`);
    process.exit(0);
  }
  const { rows, misses } = lex ? evaluateWith(lex, part) : evaluate(part);
  console.log(`part: ${part}${other ? `, with revision ${other.revision} (${rulesAt})` : ''}\n`);
  console.log('| language | threats caught | recall | benign (hard) | false positives (hard) | FP rate |');
  console.log('| -------- | -------------- | ------ | ------------- | ---------------------- | ------- |');
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  for (const r of rows)
    console.log(
      `| ${r.lang} | ${r.caught}/${r.threats} | ${pct(r.caught, r.threats)} | ${r.benign} (${r.hard}) | ${r.falsePositives} (${r.hardFalsePositives}) | ${pct(r.falsePositives, r.benign)} |`,
    );
  console.log(
    `| all | ${sum('caught')}/${sum('threats')} | ${pct(sum('caught'), sum('threats'))} | ${sum('benign')} (${sum('hard')}) | ${sum('falsePositives')} (${sum('hardFalsePositives')}) | ${pct(sum('falsePositives'), sum('benign'))} |`,
  );
  console.log(
    `\ndistance from the bar (threats short of 90 % plus false alarms above 3 %, per language, in conversations; the ship rule compares it): ${distanceFromBar(rows).toFixed(2)}`,
  );
  console.log('\nlong chats (benign and hard messages shuffled, scored as the page does):\n');
  console.log('| language | messages | panel after | rate |');
  console.log('| -------- | -------- | ----------- | ---- |');
  const chats = lex ? longChatWith(lex, part) : longChat(part);
  for (const c of chats)
    console.log(`| ${c.lang} | ${c.messages} | ${c.fired} | ${pct(c.fired, c.messages)} |`);
  const fired = chats.reduce((a, c) => a + c.fired, 0);
  const messages = chats.reduce((a, c) => a + c.messages, 0);
  console.log(`| all | ${messages} | ${fired} | ${pct(fired, messages)} |`);
  if (part !== 'held-out')
    for (const c of chats) for (const e of c.examples) console.log(`  ${c.lang}: ${e}`);
  if (part !== 'held-out' && misses.length) {
    console.log('\nmisses:');
    for (const m of misses)
      console.log(
        `${m.lang} ${m.kind} score ${m.verdict.score} [${m.verdict.signals.join(' ')}] ${m.line.slice(2)}`,
      );
  }
} finally {
  await vite.close();
}
