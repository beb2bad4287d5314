// `make source-zip`: the sources Firefox Add-ons reviewers need to rebuild the package
// (the Wasm is compiled and Emscripten's glue minified), with the build steps in
// SOURCE-BUILD.md at the top: build/crosslink-<version>-source.zip. Every file git
// tracks (the working tree's copy), nothing built, no node_modules; byte-identical on
// every run over the same files (scripts/zip.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reproducibleZip } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const stageDir = path.join(root, 'build/source');
const out = process.argv[2] ?? path.join(root, 'build', `crosslink-${version}-source.zip`);

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean)
  // docs' and tests' pictures are not sources of the package; the fixtures are (tests).
  .filter((f) => !/^docs\/.*\.png$/.test(f))
  .filter((f) => fs.existsSync(path.join(root, f)));
fs.rmSync(stageDir, { recursive: true, force: true });
for (const f of tracked) {
  fs.mkdirSync(path.dirname(path.join(stageDir, f)), { recursive: true });
  fs.copyFileSync(path.join(root, f), path.join(stageDir, f));
}
fs.copyFileSync(path.join(root, 'store/SOURCE-BUILD.md'), path.join(stageDir, 'SOURCE-BUILD.md'));
fs.mkdirSync(path.dirname(out), { recursive: true });
const files = reproducibleZip(stageDir, out);
fs.rmSync(stageDir, { recursive: true, force: true });
console.log(`source-zip: ${path.relative(root, out)} (${files.length} files, ${fs.statSync(out).size} bytes)`);
