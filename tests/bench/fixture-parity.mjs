// Decision parity of a new snapshot.js (issue 20): the recorded journeys replayed through
// the core on the fixtures recorded with the old snapshot code (from a git revision) and
// on those recorded with the new one (the working tree, after `make fixtures`), step by
// step: every decision (kind, screen, target, name, url, result, error) must be the same.
// The journeys tests (tests/wasm/journeys.test.mjs, tests/unit/journeys_test.cpp) then
// check the new fixtures against the walks' own clicks, as always.
//
//   node tests/bench/fixture-parity.mjs [git-revision]   (default: HEAD)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from '../wasm/load.mjs';

const rev = process.argv[2] ?? 'HEAD';
const core = await loadModule();
const call = (fn, ...args) => JSON.parse(core[fn](...args));
const fixtures = path.join(root, 'tests/fixtures');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
const oldFile = (rel) => { try { return git('show', `${rev}:tests/fixtures/${rel}`); } catch { return null; } };
const newFile = (rel) => { try { return fs.readFileSync(path.join(fixtures, rel), 'utf8'); } catch { return null; } };

const essence = (d) => JSON.stringify({
  kind: d.kind, screen: d.screen, target: d.target, role: d.role, name: d.name, url: d.url,
  checked: d.checked, result: d.result, reason: d.reason, error: d.error?.name,
});

function decisions(doc, read) {
  let now = 1767225600000;
  let state = JSON.stringify(call('startFlow', doc.flow, JSON.stringify(doc.params), now).state);
  return doc.steps.map((step) => {
    now += 700;
    const out = call('step', state, read(`${step.fixture}.json`), now);
    state = JSON.stringify(out.state);
    return essence(out.decision);
  });
}

let journeys = 0;
let steps = 0;
let sameText = 0;
const differ = [];
for (const file of fs.readdirSync(path.join(fixtures, 'journeys')).filter((f) => f.endsWith('.json')).sort()) {
  const rel = `journeys/${file}`;
  const oldDoc = oldFile(rel);
  if (!oldDoc) { differ.push(`${file}: not in ${rev}`); continue; }
  const a = JSON.parse(oldDoc);
  const b = JSON.parse(newFile(rel));
  journeys += 1;
  try {
    assert.equal(a.steps.length, b.steps.length, 'number of steps');
    const da = decisions(a, (f) => oldFile(f));
    const db = decisions(b, (f) => newFile(f));
    assert.deepEqual(db, da);
    steps += da.length;
    a.steps.forEach((s, k) => { if (oldFile(`${s.fixture}.json`) === newFile(`${b.steps[k].fixture}.json`)) sameText += 1; });
  } catch (e) {
    differ.push(`${file}: ${String(e.message).split('\n').slice(0, 6).join(' ')}`);
  }
}
console.log(`fixture parity vs ${rev}: ${journeys} journeys, ${steps} steps with identical decisions `
  + `(${sameText} of them on byte-identical snapshots); ${differ.length} differ`);
for (const d of differ) console.log(`  ${d}`);
process.exit(differ.length ? 1 : 0);
