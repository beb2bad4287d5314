// Runs every libFuzzer target in build/fuzz for the given seconds each, from a seed
// corpus made of the test fixtures and the case files' inputs.
//   node scripts/fuzz.mjs <seconds>            (make fuzz)
//   node scripts/fuzz.mjs <seconds> --tier fuzz (make test-fuzz: a smoke pass, tallied)
// A crash leaves its input in build/fuzz/artifacts/; turn each into a unit test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[2] ?? 60);
const tier = process.argv.includes('--tier') ? process.argv[process.argv.indexOf('--tier') + 1] : null;
const bin = path.join(root, 'build/fuzz/tests/fuzz');
const work = path.join(root, 'build/fuzz');

/** Seeds: every fixture, and every text argument of every case file. */
function writeSeeds(dir) {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const put = (text) => fs.writeFileSync(path.join(dir, `seed-${n++}`), text);
  const fixtures = path.join(root, 'tests/fixtures');
  if (fs.existsSync(fixtures)) {
    for (const f of fs.readdirSync(fixtures).filter((f) => f.endsWith('.json'))) put(fs.readFileSync(path.join(fixtures, f)));
  }
  const cases = path.join(root, 'tests/cases');
  for (const f of fs.readdirSync(cases).filter((f) => f.endsWith('.json'))) {
    for (const c of JSON.parse(fs.readFileSync(path.join(cases, f), 'utf8')).cases ?? []) {
      for (const arg of c.args ?? []) {
        if (typeof arg === 'string') put(arg);
        else if (arg && typeof arg === 'object' && !('$fixture' in arg)) put(JSON.stringify(arg));
      }
    }
  }
  return n;
}

const targets = fs.existsSync(bin) ? fs.readdirSync(bin).filter((f) => f.endsWith('_fuzz')).sort() : [];
if (!targets.length) {
  console.error('fuzz: no targets in build/fuzz (run make fuzz-build)');
  process.exit(1);
}
const seedDir = path.join(work, 'seeds');
fs.rmSync(seedDir, { recursive: true, force: true });
const seeds = writeSeeds(seedDir);
const artifacts = path.join(work, 'artifacts') + path.sep;
fs.mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
for (const target of targets) {
  const corpus = path.join(work, 'corpus', target);
  fs.mkdirSync(corpus, { recursive: true });
  const run = spawnSync(path.join(bin, target), [
    corpus, seedDir, `-max_total_time=${seconds}`, '-max_len=65536', '-rss_limit_mb=2048',
    '-timeout=10', `-artifact_prefix=${artifacts}${target}-`, '-print_final_stats=1',
  ], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = `${run.stdout}${run.stderr}`;
  const execs = out.match(/stat::number_of_executed_units:\s*(\d+)/)?.[1] ?? '?';
  if (run.status === 0) {
    passed += 1;
    console.log(`fuzz: ${target}: ${seconds}s, ${execs} runs, no crash`);
  } else {
    failed += 1;
    console.log(out.split('\n').filter((l) => /ERROR|SUMMARY|artifact|==\d+==/.test(l)).slice(0, 20).join('\n'));
    console.log(`fuzz: ${target}: CRASH (exit ${run.status}); input saved under ${path.relative(root, artifacts)}`);
  }
}
console.log(`fuzz: ${targets.length} targets, ${seeds} seeds`);
if (tier) {
  fs.mkdirSync(path.join(root, 'build/results'), { recursive: true });
  fs.writeFileSync(path.join(root, `build/results/${tier}.count`), JSON.stringify({ passed, failed }));
  console.log(`${tier}: ${passed} passed, ${failed} failed`);
}
process.exit(failed ? 1 : 0);
