// `npm run rules -- <command>`: make a key pair, sign a rules file, verify a signed pair, or
// write the rules JSON Schema. Exit codes: 0 ok, 1 the file or signature is not good, 2 usage or
// a file that cannot be read or written.
//
//   npm run rules -- keygen --out DIR          DIR/pausa-rules.key (private, keep secret) + .pub
//   npm run rules -- sign --key FILE rules.json           writes rules.json.sig (base64)
//   npm run rules -- verify --pub KEY rules.json          KEY: a .pub file or the base64 key
//   npm run rules -- schema [--out FILE]                  the JSON Schema for rule authors
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { subtle } = globalThis.crypto;

class Usage extends Error {}
class Bad extends Error {}

const read = (path) => {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Usage(`cannot read ${path}: ${error.code ?? error.message}`);
  }
};
const b64 = (bytes) => Buffer.from(bytes).toString('base64');

async function load(path) {
  // The schema and the checks are the extension's own TypeScript; vite runs them here.
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true },
  });
  try {
    return await vite.ssrLoadModule(path);
  } finally {
    await vite.close();
  }
}

async function keygen({ out }) {
  if (!out) throw new Usage('keygen needs --out DIR');
  const key = join(out, 'pausa-rules.key');
  const pub = join(out, 'pausa-rules.pub');
  for (const file of [key, pub]) if (existsSync(file)) throw new Usage(`${file} exists; not overwriting it`);
  mkdirSync(out, { recursive: true, mode: 0o700 });
  const pair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  writeFileSync(key, `${b64(await subtle.exportKey('pkcs8', pair.privateKey))}\n`, { mode: 0o600 });
  writeFileSync(pub, `${b64(await subtle.exportKey('raw', pair.publicKey))}\n`);
  console.log(
    `wrote ${key} (private: never commit or publish it)\nwrote ${pub}\npublic key: ${readFileSync(pub, 'utf8').trim()}`,
  );
}

async function sign({ key }, file) {
  if (!key || !file) throw new Usage('sign needs --key FILE and a rules file');
  const bytes = read(file);
  const { Rules } = await load('/src/shared/rules.ts');
  const { schemaReason } = await load('/src/shared/rules-update.ts');
  let json;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Bad(`${file}: not JSON; not signed`);
  }
  const parsed = Rules.safeParse(json);
  if (!parsed.success) throw new Bad(`${file}: ${schemaReason(parsed.error)}; not signed`);
  let privateKey;
  try {
    const pkcs8 = Buffer.from(read(key).toString('utf8').trim(), 'base64');
    privateKey = await subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  } catch (error) {
    if (error instanceof Usage) throw error;
    throw new Usage(`${key}: not a Pausa private key (${error.message})`);
  }
  const signature = new Uint8Array(await subtle.sign({ name: 'Ed25519' }, privateKey, bytes));
  writeFileSync(`${file}.sig`, `${b64(signature)}\n`);
  console.log(`wrote ${file}.sig for revision ${parsed.data.revision}`);
}

async function verify({ pub }, file) {
  if (!pub || !file) throw new Usage('verify needs --pub KEY and a rules file');
  const publicKey = existsSync(pub) ? read(pub).toString('utf8').trim() : pub.trim();
  const bytes = new Uint8Array(read(file));
  const signature = read(`${file}.sig`).toString('utf8');
  const { evaluateUpdate } = await load('/src/shared/rules-update.ts');
  const verdict = await evaluateUpdate({ bytes, signature, publicKey, currentRevision: -1, now: new Date() });
  if (!verdict.ok) throw new Bad(`${file}: ${verdict.reason}`);
  console.log(
    `${file}: good signature and schema, revision ${verdict.rules.revision}, expires ${verdict.rules.expires}`,
  );
}

async function schema({ out }) {
  const { Rules } = await load('/src/shared/rules.ts');
  const { z } = await load('/src/shared/zod.ts');
  const text = `${JSON.stringify(z.toJSONSchema(Rules, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

const commands = { keygen, sign, verify, schema };
try {
  const [command, ...rest] = process.argv.slice(2);
  if (!commands[command]) throw new Usage(`usage: npm run rules -- ${Object.keys(commands).join('|')} …`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { out: { type: 'string' }, key: { type: 'string' }, pub: { type: 'string' } },
    allowPositionals: true,
  });
  await commands[command](values, positionals[0]);
} catch (error) {
  if (error instanceof Bad) {
    console.error(`rejected: ${error.message}`);
    process.exit(1);
  }
  console.error(error instanceof Usage ? error.message : `error: ${error.message}`);
  process.exit(2);
}
