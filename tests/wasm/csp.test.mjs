// MV3 forbids generating code from strings. Run the built module in a Node that forbids
// it too: any eval / new Function in the glue or Embind would throw here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { root } from './load.mjs';

test('the core loads and decides under --disallow-code-generation-from-strings', () => {
  const script = `
    import { loadWrapped } from ${JSON.stringify(path.join(root, 'tests/wasm/load.mjs'))};
    const core = await loadWrapped();
    const d = core.readLinkStatus({ url: 'https://accountscenter.instagram.com/accounts/',
      elements: [{ i: 0, role: 'listitem', text: 'Jane Doe\\nFacebook' }] });
    let evalBlocked = false;
    try { eval('1'); } catch { evalBlocked = true; }
    console.log(JSON.stringify({ d, evalBlocked }));`;
  const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  const { d, evalBlocked } = JSON.parse(out.trim().split('\n').pop());
  assert.equal(evalBlocked, true, 'the flag must really forbid eval, or this test proves nothing');
  assert.deepEqual(d.result, { linked: true, facebookName: 'Jane Doe', instagramUsername: '' });
});
