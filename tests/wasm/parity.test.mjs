// Every case of tests/cases/*.json through the Wasm build: the same inputs and expected
// outputs as tests/unit/parity_test.cpp (see tests/unit/parity.h for the format).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from './load.mjs';

const casesDir = path.join(root, 'tests/cases');
const fixturesDir = path.join(root, 'tests/fixtures');
const core = await loadModule();

function arg(value) {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value && typeof value === 'object' && '$fixture' in value)
    return fs.readFileSync(path.join(fixturesDir, `${value.$fixture}.json`), 'utf8');
  return JSON.stringify(value);
}

for (const file of fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort()) {
  const { cases } = JSON.parse(fs.readFileSync(path.join(casesDir, file), 'utf8'));
  for (const c of cases) {
    test(`${file.replace(/\.json$/, '')} ${c.name}`, () => {
      assert.equal(typeof core[c.function], 'function', `no such API function: ${c.function}`);
      const out = core[c.function](...(c.args ?? []).map(arg));
      assert.deepEqual(JSON.parse(out), c.expect);
    });
  }
}
