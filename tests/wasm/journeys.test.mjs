// The recorded journeys through the Wasm build, with the same checks as
// tests/unit/journeys_test.cpp: each flow decides on the stage's snapshots what the
// hand-scripted walk did, waits instead of acting twice, and ends as the stage says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from './load.mjs';

const fixtures = path.join(root, 'tests/fixtures');
const core = await loadModule();
const call = (fn, ...args) => JSON.parse(core[fn](...args));

// Where a link leads, as the flows navigate: scheme, host and path of the page.
const linkTarget = (pageUrl, href) => {
  const h = href.split(/[?#]/)[0];
  return h.startsWith('https://') ? h : new URL(pageUrl).origin + h;
};

for (const file of fs.readdirSync(path.join(fixtures, 'journeys')).filter((f) => f.endsWith('.json')).sort()) {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'journeys', file), 'utf8'));
  test(`journey ${file.replace(/\.json$/, '')}`, () => {
    let now = 1767225600000;
    const started = call('startFlow', doc.flow, JSON.stringify(doc.params), now);
    assert.ok(started.state, JSON.stringify(started));
    let state = JSON.stringify(started.state);
    doc.steps.forEach((step, k) => {
      const snapshot = fs.readFileSync(path.join(fixtures, `${step.fixture}.json`), 'utf8');
      now += 700;
      let out = call('step', state, snapshot, now);
      // The person's one click on a consent ask (issue 17): the walk clicked for them, so
      // they confirm the name offered (the first choice; "" when the page does not say it).
      if (['confirm_account', 'confirm_unlink', 'choose_unlink'].includes(out.decision.reason)) {
        const answered = call('answer', JSON.stringify(out.state), out.decision.choices?.[0] ?? '', now);
        assert.ok(answered.state, JSON.stringify(answered));
        now += 700;
        out = call('step', JSON.stringify(answered.state), snapshot, now);
      }
      const d = out.decision;
      const where = `step ${k} on ${step.fixture}: ${JSON.stringify(d)}`;
      if (step.screen) assert.equal(d.screen, step.screen, where);
      const { action } = step;
      if (action) {
        if (action.kind === 'navigate') {
          assert.deepEqual([d.kind, d.url], ['navigate', action.url], where);
        } else if (d.kind === 'navigate') {
          assert.ok(action.href, `the flow navigated where the walk clicked: ${where}`);
          assert.equal(d.url, linkTarget(JSON.parse(snapshot).url, action.href), where);
        } else {
          assert.ok(d.kind === 'click' || d.kind === 'toggle', where);
          assert.deepEqual([d.target, d.name], [action.target, action.name], where);
        }
        if (d.kind !== 'done' && d.kind !== 'error') {
          const again = call('step', JSON.stringify(out.state), snapshot, now + 100);
          assert.equal(again.decision.kind, 'wait', `the same page twice: ${JSON.stringify(again.decision)}`);
        }
      } else if (k === doc.steps.length - 1) {
        const { expect } = doc;
        assert.equal(d.kind, expect.kind, where);
        if (expect.kind === 'done') assert.deepEqual(d.result, expect.result, where);
        if (expect.kind === 'ask_user') assert.equal(d.reason, expect.reason, where);
        if (expect.kind === 'error') assert.equal(d.error.name, expect.error, where);
        if ('clicks' in expect) assert.equal(out.state.clicks, expect.clicks, where);
      }
      assert.equal(typeof out.state, 'object', where);
      state = JSON.stringify(out.state);
    });
  });
}
