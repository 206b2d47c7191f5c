import { execSync } from 'node:child_process';
import { writeFileSync, unlinkSync } from 'node:fs';
import { typescriptLoader } from './typescript.mjs';
const vite = await typescriptLoader();
const E = await vite.ssrLoadModule('/tests/fixtures/messages/evaluate.ts');
for (const rev of process.argv.slice(2)) {
  const file = `tests/fixtures/messages/zz-${rev}.json`;
  writeFileSync(file, execSync(`git show ${rev}:src/rules/rules.json`));
  const { rows } = E.evaluate('held-out', `./zz-${rev}.json`);
  const chats = E.longChat('held-out', `./zz-${rev}.json`);
  const all = rows.reduce((a, r) => [a[0] + r.caught, a[1] + r.falsePositives], [0, 0]);
  console.log(rev, 'caught', all[0], 'FP', all[1], 'panels', chats.reduce((s, c) => s + c.fired, 0));
  console.log(' ', rows.map((r) => `${r.lang} ${r.caught}/${r.falsePositives}`).join(', '));
  console.log(' ', chats.map((c) => `${c.lang} ${c.fired}`).join(', '));
  unlinkSync(file);
}
process.exit(0);
