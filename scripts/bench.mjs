// make bench, last step: merges what each bench script wrote into build/bench/ into one
// table (id, what, goal, measured, pass/miss) and build/bench.json.
// Convention for bench scripts: write build/bench/<name>.json holding
//   {"Pn": {"value": number, "unit": "…", "goal": number, "pass": bool, "detail": {…}}}.
// core.json (P1, P3, P6: tests/bench/core.mjs) and p4.json (tests/bench/p4-feed.mjs)
// predate it and are read through the adapters below.
//   node scripts/bench.mjs [--require P1,P2,...]   exit 1 if a required figure is missing
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'build/bench');
const KB = 1024;

// What each figure is (../shared/DESIGN.md), with its goal as the table shows it.
const FIGURES = {
  P1: { what: 'core.wasm + JS glue (+ wrapper), gzip -9', goalText: '≤ 64 KB' },
  P2: { what: 'service worker cold start to core ready', goalText: '≤ 10 ms' },
  P3: { what: 'one decision on a 5,000-element snapshot, in Chromium', goalText: '≤ 1 ms median' },
  P4: { what: 'feed of 1,000 posts, scroll: main-thread time with / without extension', goalText: '≤ 1.05×, no long task' },
  P5: { what: 'link flow on the stage: extension vs hand-written Playwright script', goalText: '≤ 1.25×' },
  P6: { what: 'Wasm heap after 10,000 decisions', goalText: 'no growth, ≤ 2 MiB' },
  P7: { what: 'a whole flow step, page settled → action delivered, 5,000 candidates', goalText: '≤ 3 ms median, no long task at 20,000' },
  P8: { what: 'popup opened → stored status shown, ÷ an empty extension page', goalText: '≤ 1.2× (worker running or stopped)' },
};

const round = (v, digits = 3) => Number(v.toFixed(digits));

/** core.json as tests/bench/core.mjs writes it → P1, P3, P6 in the convention. */
function fromCore(j) {
  const out = {};
  if (j.P1?.bytes != null) {
    out.P1 = { value: round(j.P1.bytes / KB, 1), unit: 'KB', goal: j.P1.goalBytes / KB, pass: j.P1.bytes <= j.P1.goalBytes,
      detail: { bytes: j.P1.bytes, parts: j.P1.parts } };
  }
  const chromium = j.P3?.chromium;
  if (chromium && !chromium.error) {
    const pages = Object.entries(chromium).filter(([, v]) => v && typeof v === 'object' && 'medianMs' in v);
    const worst = Math.max(...pages.map(([, v]) => v.medianMs));
    out.P3 = { value: round(worst), unit: 'ms', goal: j.P3.goalMs, pass: worst <= j.P3.goalMs,
      detail: { figure: 'the slower page\'s median', chromium: Object.fromEntries(pages.map(([k, v]) => [k, { medianMs: round(v.medianMs), p90Ms: round(v.p90Ms) }])),
        node: Object.fromEntries(Object.entries(j.P3.node ?? {}).filter(([, v]) => v?.medianMs != null).map(([k, v]) => [k, { medianMs: round(v.medianMs), p90Ms: round(v.p90Ms) }])),
        snapshotBytes: j.P3.snapshotBytes } };
  } else if (j.P3) {
    out.P3 = { value: null, unit: 'ms', goal: j.P3.goalMs, pass: false, measured: false, detail: { error: chromium?.error ?? 'no Chromium figure' } };
  }
  if (j.P6?.bytesAfter10000 != null) {
    out.P6 = { value: round(j.P6.bytesAfter10000 / KB, 0), unit: 'KiB', goal: j.P6.goalBytes / KB,
      pass: j.P6.grewBytes === 0 && j.P6.bytesAfter10000 <= j.P6.goalBytes,
      detail: { decisions: j.P6.decisions, grewBytesSince1000: j.P6.grewBytes, bytesAfter1000: j.P6.bytesAfter1000 } };
  }
  return out;
}

/** p4.json as tests/bench/p4-feed.mjs writes it → P4. */
function fromP4(j) {
  return { P4: { value: j.ratio, unit: '×', goal: j.goal?.ratio, pass: Boolean(j.met),
    detail: { longTasksCausedByExtension: j.longTasksCausedByExtension, medianMainThreadMs: j.medianMainThreadMs,
      rounds: j.rounds, oneControlPerPost: j.oneControlPerPost, load: j.load } } };
}

const figures = {};
const sources = {};
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : []) {
  let j;
  try {
    j = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch {
    continue;  // traces and half-written files are not figures
  }
  let found = {};
  if (file === 'core.json' && j.P1?.bytes != null) found = fromCore(j);
  else if (j.id === 'P4' && 'ratio' in j) found = fromP4(j);
  else found = Object.fromEntries(Object.entries(j).filter(([k, v]) => /^P\d$/.test(k) && v && 'value' in v && 'pass' in v));
  for (const [id, figure] of Object.entries(found)) {
    figures[id] = { ...figure, source: `build/bench/${file}`, measuredAt: fs.statSync(path.join(dir, file)).mtime.toISOString() };
    sources[id] = file;
  }
}

const out = {};
for (const [id, { what, goalText }] of Object.entries(FIGURES)) {
  out[id] = figures[id]
    ? { what, goalText, ...figures[id] }
    : { what, goalText, value: null, unit: null, goal: null, pass: false, measured: false, detail: 'not measured (no bench script wrote it)' };
}
fs.writeFileSync(path.join(root, 'build/bench.json'), `${JSON.stringify(out, null, 2)}\n`);

const shown = (f) => (f.value == null ? 'not measured' : `${f.value} ${f.unit}`);
const verdict = (f) => (f.value == null ? '—' : f.pass ? 'pass' : 'MISS');
const rows = [['id', 'what', 'goal', 'measured', 'pass/miss'],
  ...Object.entries(out).map(([id, f]) => [id, f.what, f.goalText, shown(f), verdict(f)])];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
console.log(`bench: build/bench.json (${Object.values(out).filter((f) => f.pass).length} of ${Object.keys(out).length} pass, `
  + `${Object.values(out).filter((f) => f.value == null).length} not measured)`);

const required = process.argv.includes('--require') ? process.argv[process.argv.indexOf('--require') + 1].split(',') : [];
const missing = required.filter((id) => out[id]?.value == null);
if (missing.length) {
  console.error(`bench: not measured: ${missing.join(', ')}`);
  process.exit(1);
}
