// Counts one test tier's results, or sums all tiers.
//   node scripts/tally.mjs <tier>            reads build/results/<tier>.{xml,tap}, prints
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
  const junit = read(`${tier}.xml`);
  if (junit) {
    // ctest's JUnit: one <testcase> per test, failed ones carry status="fail".
    const all = (junit.match(/<testcase\b/g) ?? []).length;
    const failedNames = [...junit.matchAll(/<testcase name="([^"]*)"[^>]*status="fail"/g)].map((m) => m[1]);
    return { passed: all - failedNames.length, failed: failedNames.length, failedNames };
  }
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
