// wasm/crosslink.d.ts is checked by the compiler, not only read: `tsc --noEmit -p
// tests/types` checks wasm/crosslink.mjs against it (loadCore says it returns a Core) and
// the extension's calls (tests/types/callers.ts) against it. typescript is pinned in
// package-lock.json as a devDependency.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import { root } from './load.mjs';

test('tsc --noEmit: crosslink.d.ts, crosslink.mjs and the callers agree', () => {
  let out = '';
  try {
    out = execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', path.join(root, 'tests/types')],
      { cwd: root, encoding: 'utf8', timeout: 110000 });
  } catch (e) {
    assert.fail(`tsc found type errors:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  assert.equal(out.trim(), '');
});
