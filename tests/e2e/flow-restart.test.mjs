// The service worker stopped mid-flow through the DevTools protocol
// (ServiceWorker.stopAllWorkers on a CDP session of the popup's page: Chromium ends the
// worker; its target disappears). The flow's page wakes it (content/wake), the worker
// reads the flow from chrome.storage.session and goes on. 20 stops in one run: the flow
// completes, and the stage's audit log shows every action exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setState, until } from './harness.mjs';
import { flowEnded, flowPage, flowRecord, stageLog, stageState, startFlow, useFlowBrowser } from './flow-helpers.mjs';

const env = useFlowBrowser();
const KILLS = 20;
const DELAYS = [0, 40, 120, 250, 400, 80, 10, 600];  // after each restart, before the next stop
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const workerStarts = () => env.popup.evaluate(async () => (await chrome.storage.session.get('workerStarts')).workerStarts ?? 0);

async function stopWorkers(cdp) {
  const ours = async () => (await cdp.send('Target.getTargets')).targetInfos
    .filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${env.browser.extensionId}/`));
  const before = await ours();
  if (!before.length) return 0;
  // A worker busy starting up may outlive one request: ask again until its target is gone.
  const end = Date.now() + 10000;
  for (;;) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const gone = await until(async () => (await ours()).some((t) => t.targetId === before[0].targetId), (alive) => !alive,
      { what: 'the worker to stop', interval: 20, timeout: 500 }).then(() => true, () => false);
    if (gone) return 1;
    if (Date.now() > end) throw new Error('the worker did not stop');
  }
}

/** Stops the worker while the flow runs, each time once it came back; returns how many stops. */
async function killDuring(flowId, cdp, maxKills, { skipFacebook = false } = {}) {
  let kills = 0;
  let page = await flowPage(env);
  for (let i = 0; kills < maxKills; i++) {
    const rec = await flowRecord(env.popup);
    if (!rec || rec.id !== flowId || ['done', 'error', 'cancelled'].includes(rec.status)) break;
    const starts = await workerStarts();
    // skipFacebook: stop it only off Facebook (its pages wake the worker only with the permission).
    if (skipFacebook && /facebook\.com/.test(page.url())) {
      await sleep(20);
      continue;
    }
    if (await stopWorkers(cdp)) kills += 1;
    if (process.env.DEBUG_KILLS) console.log(`stop ${kills} at ${rec.screen} step ${rec.steps} acting ${JSON.stringify(rec.acting?.decision?.kind ?? null)} ${page.url()}`);
    // Back by itself: the flow's page wakes it (unless the flow ended just before the stop).
    await until(async () => ({ n: await workerStarts(), rec: await flowRecord(env.popup) }),
      ({ n, rec: r }) => n > starts || ['done', 'error', 'cancelled'].includes(r?.status),
      { what: `the worker to start again after stop ${kills}`, timeout: 15000, interval: 20 });
    await sleep(DELAYS[i % DELAYS.length]);
    page = await flowPage(env);
  }
  return kills;
}

async function clickLink() {
  const before = await flowRecord(env.popup);
  await env.popup.bringToFront();
  await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  return until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id, { what: 'the link flow to start' });
}

test(`link with the worker stopped ${KILLS} times mid-flow: completes, no action twice`, { timeout: 110000 }, async () => {
  await setState(env.stage, { linked: false, latencyMs: 120, sharing: { posts: false } });
  const cdp = await env.browser.context.newCDPSession(env.popup);
  await cdp.send('ServiceWorker.enable');
  const startsBefore = await workerStarts();
  let kills = 0;
  const flows = [];
  // One run: link, then the four switches, then unlink, until the worker was stopped 20 times.
  const cycle = [['link', {}], ['setSharing', { sharing: { posts: true, reels: true, stories: true, facebookStories: true } }], ['unlink', {}]];
  const plan = Array.from({ length: 4 }, () => cycle).flat();
  const segments = [];
  for (const [kind, params] of plan) {
    if (kills >= KILLS) break;
    const from = (await stageLog(env.stage, 'action')).length;
    // Link from its button: the click asks for the Facebook permission (pre-granted in the profile).
    const started = kind === 'link' ? await clickLink() : await startFlow(env.popup, kind, params);
    kills += await killDuring(started.id, cdp, KILLS - kills);
    const rec = await flowEnded(env.popup, { id: started.id, timeout: 60000 });
    assert.equal(rec.status, 'done', `${kind}: ${JSON.stringify(rec.error)} after ${kills} stops`);
    flows.push(kind);
    segments.push({ kind, params, actions: (await stageLog(env.stage, 'action')).slice(from).map((e) => e.action) });
  }
  await cdp.detach();
  assert.equal(kills, KILLS, `stopped ${kills} times during ${flows.join(', ')}`);
  assert.ok((await workerStarts()) - startsBefore >= KILLS, 'the worker started again after every stop');

  // The audit log, flow by flow: every action exactly once.
  for (const { kind, params, actions } of segments) {
    if (kind === 'link') assert.deepEqual(actions.map((a) => a.split(' ')[0]), ['facebook_continue', 'link', 'sync_profile'], actions.join(', '));
    if (kind === 'unlink') assert.deepEqual(actions.map((a) => a.split(' ')[0]), ['remove_account'], actions.join(', '));
    if (kind === 'setSharing') {
      const wanted = Object.keys(params.sharing).map((k) => `set_switch ${k}=on`).sort();
      assert.deepEqual([...actions].sort(), wanted, actions.join(', '));
    }
  }
  const state = await stageState(env.stage);
  assert.equal(state.linked, flows.at(-1) !== 'unlink');
  const total = segments.reduce((n, s) => n + s.actions.length, 0);
  console.log(`worker stopped ${kills} times during ${flows.join(', ')}; ${total} actions, none twice`);
});

test(`one link flow, the worker stopped ${KILLS} times before it ends: completes, each action once`, { timeout: 110000 }, async () => {
  await setState(env.stage, { linked: false, latencyMs: 3500 });
  const cdp = await env.browser.context.newCDPSession(env.popup);
  await cdp.send('ServiceWorker.enable');
  const started = await clickLink();
  let kills = 0;
  // Stopped again as soon as its target is back (often before it did anything), sometimes
  // a little later: the flow creeps on a step at a time.
  const SHORT = [0, 0, 0, 100, 0, 0, 200];
  const workerTarget = async () => (await cdp.send('Target.getTargets')).targetInfos
    .find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${env.browser.extensionId}/`)) ?? null;
  for (let i = 0; kills < KILLS; i++) {
    const rec = await flowRecord(env.popup);
    assert.ok(!['done', 'error', 'cancelled'].includes(rec.status), `the flow ended (${rec.status}) after only ${kills} stops`);
    kills += await stopWorkers(cdp);
    const back = await until(workerTarget, (t) => t !== null, { what: 'restart', timeout: 15000, interval: 10 }).catch(() => null);
    if (!back && kills < KILLS) {
      const pages = env.browser.context.pages().map((p) => p.url());
      assert.fail(`the worker did not start again after stop ${kills}: ${JSON.stringify({ ...(await flowRecord(env.popup)), state: undefined })} ${pages}`);
    }
    await sleep(SHORT[i % SHORT.length]);
  }
  await cdp.detach();
  const rec = await flowEnded(env.popup, { id: started.id, timeout: 60000 });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(kills, KILLS);
  const actions = (await stageLog(env.stage, 'action')).map((e) => e.name);
  assert.deepEqual(actions, ['facebook_continue', 'link', 'sync_profile']);
  assert.equal((await stageState(env.stage)).linked, true);
  console.log(`one link flow: worker stopped ${kills} times, done in ${rec.endedAt - rec.startedAt} ms, ${actions.length} actions`);
});
