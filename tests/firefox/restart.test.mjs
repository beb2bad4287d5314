// The background page (Firefox runs MV3 backgrounds as event pages) stopped mid-flow from
// the parent process — the call Firefox makes itself when the page is idle — many times
// during link, the four switches and unlink. The flow's page wakes it (content/wake), it
// reads the flow from storage.session and goes on: each flow completes and the stage's
// audit log shows every action exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setState, terminateBackground, until } from './harness.mjs';
import { clickToStart, flowEnded, flowRecord, stageLog, stageState, startFlow, useFirefox } from './flow-helpers.mjs';

const env = useFirefox();
const ENDED = ['done', 'error', 'cancelled'];
const DELAYS = [0, 60, 150, 300, 20, 450];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const workerStarts = () => env.popup.evaluate(async () => (await chrome.storage.session.get('workerStarts')).workerStarts ?? 0);

/** Stops the background while the flow runs, each time once it came back; returns how many stops. */
async function stopDuring(flowId, maxStops) {
  let stops = 0;
  for (let i = 0; stops < maxStops; i++) {
    const rec = await flowRecord(env.popup);
    if (!rec || rec.id !== flowId || ENDED.includes(rec.status)) break;
    const starts = await workerStarts();
    const state = await terminateBackground(env.ff.browser);
    if (state !== 'stopped') { await sleep(20); continue; }
    stops += 1;
    await until(async () => ({ n: await workerStarts(), rec: await flowRecord(env.popup) }),
      ({ n, rec: r }) => n > starts || ENDED.includes(r?.status),
      { what: `the background to start again after stop ${stops}`, timeout: 15000, interval: 25 });
    await sleep(DELAYS[i % DELAYS.length]);
  }
  return stops;
}

test('terminateBackground stops the page and a message wakes it (a new start counted)', async () => {
  const starts = await workerStarts();
  assert.equal(await terminateBackground(env.ff.browser), 'stopped');
  const reply = await env.popup.evaluate(() => chrome.runtime.sendMessage({ type: 'popup/getStatus' }));
  assert.equal(reply.ok, true, JSON.stringify(reply));
  await until(workerStarts, (n) => n === starts + 1, { what: 'one more start' });
});

test('link, four switches and unlink with the background stopped mid-flow: each completes, no action twice', { timeout: 110000 }, async () => {
  await setState(env.stage, { linked: false, latencyMs: 120, facebookAccounts: ['Jane Doe'], sharing: { posts: false } });
  const plan = [
    ['link', null, ['facebook_continue', 'link', 'sync_profile']],
    ['setSharing', { sharing: { posts: true, reels: true, stories: true, facebookStories: true } },
      ['set_switch posts=on', 'set_switch reels=on', 'set_switch stories=on', 'set_switch facebookStories=on']],
    ['unlink', {}, ['remove_account']],
  ];
  let total = 0;
  for (const [kind, params, expected] of plan) {
    const from = (await stageLog(env.stage, 'action')).length;
    // Link from its button (the click grants the Facebook permission); the rest by message.
    const started = kind === 'link' ? await clickToStart(env.popup, '#link') : await startFlow(env.popup, kind, params);
    const stops = await stopDuring(started.id, 4);
    const rec = await flowEnded(env.popup, { id: started.id, timeout: 60000 });
    assert.equal(rec.status, 'done', `${kind}: ${JSON.stringify(rec.error)}`);
    const actions = (await stageLog(env.stage, 'action')).slice(from);
    const seen = actions.map((e) => (kind === 'setSharing' ? e.action : e.name));
    if (kind === 'setSharing') assert.deepEqual([...seen].sort(), [...expected].sort(), `${kind}: each switch once`);
    else assert.deepEqual(seen, expected, `${kind}: each action once`);
    assert.ok(stops >= 1, `${kind}: stopped at least once mid-flow (${stops})`);
    total += stops;
    console.log(`${kind}: background stopped ${stops} times`);
  }
  const state = await stageState(env.stage);
  assert.equal(state.linked, false);
  console.log(`background stopped ${total} times mid-flow`);
});
