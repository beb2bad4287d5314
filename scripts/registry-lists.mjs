// The two lists of core/data/registry.json that code must know before the core is loaded,
// written from it: the locales for extension/i18n/locales.js (the pages and the worker
// speak before any Wasm runs) and the Locale union of wasm/crosslink.d.ts. Run by `make
// wasm` and `make extension`; writes a file only when it is out of date, and says so. A
// new locale is its data files and one registry line: this writes the rest.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { locales } = JSON.parse(fs.readFileSync(path.join(root, 'core/data/registry.json'), 'utf8'));
const q = (s) => `'${s.replace(/[\\']/g, '\\$&')}'`;

function write(file, text) {
  const at = path.join(root, file);
  if (fs.existsSync(at) && fs.readFileSync(at, 'utf8') === text) return;
  fs.writeFileSync(at, text);
  console.log(`registry-lists: ${file} written from core/data/registry.json`);
}

write('extension/i18n/locales.js', `// Written from core/data/registry.json ("locales") by scripts/registry-lists.mjs: do not edit.
export const LOCALES = [${locales.map((l) => q(l.code)).join(', ')}];
export const LOCALE_NAMES = { ${locales.map((l) => `${l.code}: ${q(l.name)}`).join(', ')} };
`);

const dts = fs.readFileSync(path.join(root, 'wasm/crosslink.d.ts'), 'utf8');
const line = /^export type Locale = .*;$/m;
if (!line.test(dts)) throw new Error('wasm/crosslink.d.ts: no line "export type Locale = …;"');
write('wasm/crosslink.d.ts', dts.replace(line, `export type Locale = ${locales.map((l) => q(l.code)).join(' | ')};`));
