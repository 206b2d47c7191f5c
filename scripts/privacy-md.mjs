// `node scripts/privacy-md.mjs`: writes docs/privacy.md, the English privacy policy that the store
// listings link to, from the same messages as the page inside the extension (src/privacy/).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { typescriptLoader } from './typescript.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const messages = JSON.parse(readFileSync(`${root}public/_locales/en/messages.json`, 'utf8'));
const loader = await typescriptLoader();
const { privacyMarkdown } = await loader.ssrLoadModule('/src/privacy/sections.ts');
await loader.close();
writeFileSync(
  `${root}docs/privacy.md`,
  privacyMarkdown((key) => messages[key].message),
);
console.log('wrote docs/privacy.md');
