import { typescriptLoader } from './typescript.mjs';
const vite = await typescriptLoader();
const E = await vite.ssrLoadModule('/tests/fixtures/messages/evaluate.ts');
const { misses } = E.evaluate('held-out');
for (const m of misses) console.log(m.lang, m.kind, m.verdict.score, m.verdict.signals.join(' '), '|', m.messages.join(' || '));
const chats = E.longChat('held-out');
for (const c of chats) for (const e of c.examples.slice(0, 2)) console.log('LC', c.lang, e.slice(0, 400));
process.exit(0);
