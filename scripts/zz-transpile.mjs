import { transformWithOxc } from 'vite';
import { readFileSync, writeFileSync } from 'node:fs';
const src = readFileSync(process.argv[2], 'utf8');
const out = await transformWithOxc(src, process.argv[2], { lang: 'ts' });
writeFileSync(process.argv[3], out.code);
