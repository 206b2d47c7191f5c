// `npm run eval:messages [-- --held-out | --all | --audit SIGNAL]`: C8's matcher on the evaluation
// set in tests/fixtures/messages/ (see its README). The default prints the tuning part's figures and
// its misses; --held-out prints the held-out part's figures only (never its lines: nobody tunes on
// them); --audit SIGNAL (reported, banter…) tells, on the tuning part only, which of that signal's
// terms change a verdict when left out: the threats each one silences, the look-alikes it spares.
import { typescriptLoader } from './typescript.mjs';

const part = process.argv.includes('--held-out')
  ? 'held-out'
  : process.argv.includes('--all')
    ? 'all'
    : 'tuning';
const audit = process.argv.includes('--audit') ? process.argv[process.argv.indexOf('--audit') + 1] : null;
const vite = await typescriptLoader();
try {
  const { evaluate, longChat, auditSignal } = await vite.ssrLoadModule(
    '/tests/fixtures/messages/evaluate.ts',
  );
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
  const { rows, misses } = evaluate(part);
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  console.log(`part: ${part}\n`);
  console.log('| language | threats caught | recall | benign (hard) | false positives (hard) | FP rate |');
  console.log('| -------- | -------------- | ------ | ------------- | ---------------------- | ------- |');
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  for (const r of rows)
    console.log(
      `| ${r.lang} | ${r.caught}/${r.threats} | ${pct(r.recall)} | ${r.benign} (${r.hard}) | ${r.falsePositives} (${r.hardFalsePositives}) | ${pct(r.fpr)} |`,
    );
  console.log(
    `| all | ${sum('caught')}/${sum('threats')} | ${pct(sum('caught') / sum('threats'))} | ${sum('benign')} (${sum('hard')}) | ${sum('falsePositives')} (${sum('hardFalsePositives')}) | ${pct(sum('falsePositives') / sum('benign'))} |`,
  );
  console.log('\nlong chats (benign and hard messages shuffled, scored as the page does):\n');
  console.log('| language | messages | panel after | rate |');
  console.log('| -------- | -------- | ----------- | ---- |');
  const chats = longChat(part);
  for (const c of chats) console.log(`| ${c.lang} | ${c.messages} | ${c.fired} | ${pct(c.rate)} |`);
  const fired = chats.reduce((a, c) => a + c.fired, 0);
  const messages = chats.reduce((a, c) => a + c.messages, 0);
  console.log(`| all | ${messages} | ${fired} | ${pct(fired / messages)} |`);
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
