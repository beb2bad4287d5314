// Counts one test tier's results, or sums all tiers.
//   node scripts/tally.mjs <tier>            reads build/results/<tier>.tap (or the
//                                            shards of scripts/gtest-tier.sh), prints
//                                            "<tier>: N passed, N failed", exits 1 on failure
//   node scripts/tally.mjs --total t1 t2 …   prints "N passed, N failed" over those tiers
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const results = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/results');
const read = (name) => {
  try {
    return fs.readFileSync(path.join(results, name), 'utf8');
  } catch {
    return null;
  }
};

/** @returns {{passed: number, failed: number, note?: string}} */
function count(tier) {
  const saved = read(`${tier}.count`);
  if (saved) return JSON.parse(saved);
  const shards = Number(read(`${tier}.shards`) ?? 0);
  if (shards) return countShards(tier, shards);
  const tap = read(`${tier}.tap`);
  if (tap) {
    const n = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)`, 'm'))?.[1] ?? 0);
    const failedNames = [...tap.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => m[1]);
    const failed = n('fail') + n('cancelled');
    // A file that crashed before any test ran has no "# pass" line: count it as a failure.
    if (!/^# pass \d+/m.test(tap)) return { passed: 0, failed: Math.max(1, failed), failedNames, note: 'no summary' };
    return { passed: n('pass'), failed, failedNames };
  }
  return { passed: 0, failed: 1, note: 'no results (the tier did not run to the end)' };
}

/**
 * A GoogleTest binary run in shards (scripts/gtest-tier.sh): each shard's XML report, and
 * its exit code, which fails the shard's run when the XML says nothing failed (a crash before
 * the report, or a sanitizer's report at exit).
 */
function countShards(tier, shards) {
  let passed = 0;
  const failedNames = [];
  for (let i = 0; i < shards; i += 1) {
    const xml = read(`${tier}.${i}.xml`);
    const rc = (read(`${tier}.${i}.rc`) ?? '').trim();
    const before = failedNames.length;
    for (const m of (xml ?? '').matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
      const attr = (k) => m[1].match(new RegExp(`\\b${k}="([^"]*)"`))?.[1];
      if (attr('status') !== 'run' || attr('result') === 'skipped') continue;
      if (/<failure\b/.test(m[3] ?? '')) failedNames.push(`${attr('classname')}.${attr('name')}`);
      else passed += 1;
    }
    if (!xml) failedNames.push(`shard ${i} of ${shards} wrote no report (exit code ${rc || 'none'}): see build/results/${tier}.${i}.log`);
    else if (rc !== '0' && failedNames.length === before) failedNames.push(`shard ${i} of ${shards} exited with ${rc || 'no code'} after its tests passed: see build/results/${tier}.${i}.log`);
  }
  return { passed, failed: failedNames.length, failedNames };
}

const args = process.argv.slice(2);
if (args[0] === '--total') {
  let passed = 0;
  let failed = 0;
  for (const tier of args.slice(1)) {
    const c = count(tier);
    passed += c.passed;
    failed += c.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
const tier = args[0];
const c = count(tier);
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, `${tier}.count`), JSON.stringify({ passed: c.passed, failed: c.failed }));
for (const name of c.failedNames ?? []) console.log(`  failed: ${name}`);
console.log(`${tier}: ${c.passed} passed, ${c.failed} failed${c.note ? ` (${c.note})` : ''}`);
process.exit(c.failed ? 1 : 0);
