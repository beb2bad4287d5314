// P5 in the e2e tier, cheaper than make bench-link (5 runs each instead of 20): the link
// flow with the extension against the stage's hand-scripted walk, same session. Prints
// the figure; asserts each run linked on the stage (the bench checks every run) and that
// the figure was measured, and writes build/bench/p5-e2e.json. The goal (≤ 1.25×) is
// asserted by make bench-link, where 20 runs make the median worth it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './harness.mjs';
import { actionNames, useFlowBrowser } from './flow-helpers.mjs';
import { measureP5, p5Line } from '../bench/p5-link.mjs';

const env = useFlowBrowser();

test('P5: the link flow against the hand-scripted walk, 5 runs each', { timeout: 110000 }, async () => {
  const out = await measureP5(env, 5);
  const { P5 } = out;
  console.log(`${p5Line(out)}`);
  assert.equal(P5.detail.extensionMs.length, 5);
  assert.equal(P5.detail.walkMs.length, 5);
  assert.ok(P5.detail.extensionMs.every((ms) => ms > 0 && ms < 30000));
  assert.ok(Number.isFinite(P5.value) && P5.value > 0);
  // The last run (the extension's) left the stage linked through exactly the walk's actions.
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
  fs.mkdirSync(path.join(root, 'build/bench'), { recursive: true });
  fs.writeFileSync(path.join(root, 'build/bench/p5-e2e.json'), `${JSON.stringify(out, null, 2)}\n`);
});
