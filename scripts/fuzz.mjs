// Runs every libFuzzer target in build/fuzz for the given seconds each, from seed corpora
// made of the test fixtures and the case files' inputs.
//   node scripts/fuzz.mjs <seconds>             (make fuzz)
//   node scripts/fuzz.mjs <seconds> --tier fuzz (make test-fuzz: a smoke pass, tallied)
//   node scripts/fuzz.mjs <seconds> --only state_fuzz,share_fuzz
// Seeds: every recorded snapshot and journey (tests/fixtures) and every text argument of
// tests/cases for all targets; per target also what its input format wants (the states
// a recorded journey passes through for state_fuzz, "url / text / networks" for
// share_fuzz, "cap + log / entry" for log_fuzz). A crash leaves its input in
// build/fuzz/artifacts/: turn each into a unit test. Figures go to build/fuzz/report.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[2] ?? 60);
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const tier = arg('--tier');
const only = arg('--only')?.split(',');
const bin = path.join(root, 'build/fuzz/tests/fuzz');
const work = path.join(root, 'build/fuzz');
const SEP = '\n--\n';  // tests/fuzz/fuzz_util.h split()

const files = (dir, ext = '.json') => (fs.existsSync(dir)
  ? fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f))
  : []);
const caseArgs = (file) => (JSON.parse(fs.readFileSync(path.join(root, 'tests/cases', file), 'utf8')).cases ?? [])
  .map((c) => c.args ?? []);
const text = (a) => (typeof a === 'string' ? a : JSON.stringify(a ?? ''));

/** Seeds every target gets: fixtures and every text argument of every case file. */
function commonSeeds() {
  const out = files(path.join(root, 'tests/fixtures')).map((f) => fs.readFileSync(f));
  for (const f of fs.readdirSync(path.join(root, 'tests/cases')).filter((f) => f.endsWith('.json'))) {
    for (const args of caseArgs(f)) {
      for (const a of args) {
        if (typeof a === 'string') out.push(a);
        else if (a && typeof a === 'object' && !('$fixture' in a)) out.push(JSON.stringify(a));
      }
    }
  }
  return out;
}

/** The states the recorded journeys pass through (through the Wasm build, if built). */
async function stateSeeds() {
  const wasm = path.join(root, 'build/wasm/crosslink_core.mjs');
  if (!fs.existsSync(wasm)) {
    console.log('fuzz: state seeds from journeys skipped (no build/wasm: run make wasm)');
    return [];
  }
  const { default: createModule } = await import(wasm);
  const m = await createModule({ wasmBinary: fs.readFileSync(path.join(root, 'build/wasm/crosslink_core.wasm')) });
  const out = [];
  const fixtures = path.join(root, 'tests/fixtures');
  for (const f of files(path.join(fixtures, 'journeys'))) {
    const j = JSON.parse(fs.readFileSync(f, 'utf8'));
    let t = 1717243200000;
    let { state } = JSON.parse(m.startFlow(j.flow, j.params ? JSON.stringify(j.params) : '', t));
    if (!state) continue;
    out.push(JSON.stringify(state));
    for (const s of j.steps ?? []) {
      if (!s.fixture) continue;
      const snap = fs.readFileSync(path.join(fixtures, `${s.fixture}.json`), 'utf8');
      t += 1500;
      const next = JSON.parse(m.step(JSON.stringify(state), snap, t));
      if (!next.state) break;
      state = next.state;
      out.push(JSON.stringify(state));
    }
  }
  return [...new Set(out)];
}

function shareSeeds() {
  return caseArgs('share.json').map((args) => [args[0], args[1]?.text ?? args[1], args[1]?.networks ?? args[2]]
    .map((a) => (Array.isArray(a) ? a.join(',') : text(a))).join(SEP));
}

function logSeeds() {
  return caseArgs('activity_log.json').map((args) => {
    const cap = typeof args.at(-1) === 'number' && args.at(-1) >= 5 ? Math.min(255, Math.floor((args.at(-1) - 5) / 2)) : 2;
    return Buffer.concat([Buffer.from([cap]), Buffer.from(`${text(args[0])}${SEP}${text(args[1])}`)]);
  });
}

function writeSeeds(dir, seeds) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  seeds.forEach((s, i) => fs.writeFileSync(path.join(dir, `seed-${i}`), s));
  return seeds.length;
}

const targets = (fs.existsSync(bin) ? fs.readdirSync(bin).filter((f) => f.endsWith('_fuzz')).sort() : [])
  .filter((t) => !only || only.includes(t));
if (!targets.length) {
  console.error('fuzz: no targets in build/fuzz (run make fuzz-build)');
  process.exit(1);
}
const common = commonSeeds();
const extra = {
  state_fuzz: targets.includes('state_fuzz') ? await stateSeeds() : [],
  share_fuzz: shareSeeds(),
  log_fuzz: logSeeds(),
};
const artifacts = path.join(work, 'artifacts') + path.sep;
fs.mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
const report = {};
for (const target of targets) {
  const seedDir = path.join(work, 'seeds', target);
  const seeds = writeSeeds(seedDir, [...(extra[target] ?? []), ...common]);
  // The smoke pass starts from the seeds alone, so its time stays bounded however much
  // corpus long runs have gathered in build/fuzz/corpus/.
  const corpus = path.join(work, tier ? 'smoke-corpus' : 'corpus', target);
  if (tier) fs.rmSync(corpus, { recursive: true, force: true });
  fs.mkdirSync(corpus, { recursive: true });
  const started = Date.now();
  const run = spawnSync(path.join(bin, target), [
    '-merge=0', corpus, seedDir, `-max_total_time=${seconds}`, '-max_len=65536', '-rss_limit_mb=2048',
    '-timeout=10', `-artifact_prefix=${artifacts}${target}-`, '-print_final_stats=1',
  ], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const wall = (Date.now() - started) / 1000;
  const out = `${run.stdout}${run.stderr}`;
  const execs = Number(out.match(/stat::number_of_executed_units:\s*(\d+)/)?.[1] ?? NaN);
  const cov = out.match(/cov: (\d+) ft: (\d+)/g)?.at(-1) ?? '';
  report[target] = { seconds, wall, execs, seeds, coverage: cov, crash: run.status !== 0 };
  if (run.status === 0) {
    passed += 1;
    console.log(`fuzz: ${target}: ${seconds}s (${wall.toFixed(0)}s wall), ${execs} runs, ${seeds} seeds, ${cov}, no crash`);
  } else {
    failed += 1;
    console.log(out.split('\n').filter((l) => /ERROR|SUMMARY|artifact|==\d+==|#\d+ 0x/.test(l)).slice(0, 30).join('\n'));
    console.log(`fuzz: ${target}: CRASH (exit ${run.status}); input saved under ${path.relative(root, artifacts)}`);
  }
}
fs.writeFileSync(path.join(work, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
console.log(`fuzz: ${targets.length} targets`);
if (tier) {
  fs.mkdirSync(path.join(root, 'build/results'), { recursive: true });
  fs.writeFileSync(path.join(root, `build/results/${tier}.count`), JSON.stringify({ passed, failed }));
  console.log(`${tier}: ${passed} passed, ${failed} failed`);
}
process.exit(failed ? 1 : 0);
