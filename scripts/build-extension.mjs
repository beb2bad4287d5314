// Assembles the unpacked extension in build/extension/ from extension/ and the Wasm
// core in build/wasm/, then zips it. Loadable as is with "Load unpacked".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build/extension');
const core = [
  path.join(root, 'build/wasm/crosslink_core.mjs'),
  path.join(root, 'build/wasm/crosslink_core.wasm'),
  path.join(root, 'wasm/crosslink.mjs'),
];

for (const file of core) {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run make wasm first`);
}
fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(path.join(root, 'extension'), out, { recursive: true });
fs.mkdirSync(path.join(out, 'core'));
for (const file of core) fs.copyFileSync(file, path.join(out, 'core', path.basename(file)));

const { version } = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
const zip = path.join(root, 'build', `crosslink-${version}.zip`);
fs.rmSync(zip, { force: true });
execFileSync('zip', ['-qrX', zip, '.'], { cwd: out });
console.log(`extension: ${path.relative(root, out)}/ and ${path.relative(root, zip)}`);
