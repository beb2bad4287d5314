// The flows where the pages do not simply say yes: the person must log in or choose,
// there is nothing to do, the region lacks the option, "Try Again Later", an unexpected
// dialog, Cancel, the person's own click, one flow at a time. Every test asserts the
// stage's server state and audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setState, stageRequest, until } from './harness.mjs';
import {
  MESSAGING_SWITCH, SWITCH_NAMES, actionNames, flowEnded, flowPage, flowRecord, runFromPopup, sendFromPopup,
  stageLog, stageState, startFlow, useFlowBrowser,
} from './flow-helpers.mjs';
import { text } from '../../web/texts.mjs';

const env = useFlowBrowser();
const popupText = (id) => env.popup.locator(`#${id}`).textContent();
const waitFor = (pred, what, timeout = 20000) => until(() => flowRecord(env.popup), (r) => r && pred(r), { what, timeout, interval: 50 });
const tabActive = (tabId) => env.popup.evaluate(async (id) => (await chrome.tabs.get(id)).active, tabId);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stageRequestReset = () => stageRequest(env.stage, '/__stage/reset', {});

async function clickInPopup(role, name) {
  await env.popup.bringToFront();
  await env.popup.getByRole(role, { name, exact: true }).click();
}

test('Facebook logged out: the popup asks the person to log in, the form is left alone, the flow resumes after', async () => {
  await setState(env.stage, { linked: false, facebookLoggedIn: false });
  await clickInPopup('button', 'Link to Facebook');
  const asked = await waitFor((r) => r.asked === 'facebook_login', 'the flow to ask for the Facebook login');
  assert.equal(asked.status, 'needs_user');
  assert.equal(await tabActive(asked.tabId), true, 'the login tab is brought to the front');
  assert.match(await popupText('flow-ask'), /^Please log in to Facebook/);
  // Waiting for the person: the extension typed nothing, submitted nothing.
  await sleep(700);
  assert.deepEqual(await stageLog(env.stage, 'login_input'), []);
  assert.deepEqual(await actionNames(env.stage), []);

  // The person logs in by hand.
  const page = await flowPage(env);
  await page.getByRole('textbox', { name: text('en', 'fb.login.email'), exact: true }).fill('jane@example.com');
  await page.getByLabel(text('en', 'fb.login.password'), { exact: true }).fill('secret-typed-by-the-person');
  await page.getByRole('button', { name: text('en', 'fb.login.submit'), exact: true }).click();

  const rec = await flowEnded(env.popup, { id: asked.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  const state = await stageState(env.stage);
  assert.equal(state.linked, true);
  assert.equal(state.facebookLoggedIn, true);
  const actions = await actionNames(env.stage);
  assert.equal(actions[0], 'facebook_login');
  assert.deepEqual(actions.slice(-3), ['facebook_continue', 'link', 'sync_profile'].slice(-3));
  // Every input into the login form was the person's own (trusted events), none set from script.
  const inputs = await stageLog(env.stage, 'login_input');
  assert.ok(inputs.length >= 3, 'the person typed and submitted');
  for (const e of inputs) {
    assert.equal(e.trusted, true, JSON.stringify(e));
    assert.notEqual(e.how, 'value_changed_without_event');
  }
});

test('several Facebook accounts: the person chooses one, the flow links that one', async () => {
  await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe', 'John Roe'] });
  await clickInPopup('button', 'Link to Facebook');
  const asked = await waitFor((r) => r.asked === 'choose_account', 'the flow to ask which account');
  assert.match(await popupText('flow-ask'), /^Please choose your Facebook account/);
  assert.equal(await tabActive(asked.tabId), true);
  assert.deepEqual(await actionNames(env.stage), []);
  const page = await flowPage(env);
  await page.getByRole('button', { name: 'John Roe', exact: true }).click();
  const rec = await flowEnded(env.popup, { id: asked.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.result.facebookName, 'John Roe');
  const state = await stageState(env.stage);
  assert.equal(state.linked, true);
  assert.equal(state.facebookName, 'John Roe');
  const log = await stageLog(env.stage, 'action');
  assert.equal(log.filter((e) => e.name === 'link').length, 1);
  assert.match(log.find((e) => e.name === 'link').action, /John Roe/);
});

test('several Facebook accounts, one named in the request: chosen without asking', async () => {
  await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe', 'John Roe'] });
  const started = await startFlow(env.popup, 'link', { facebookAccount: 'John Roe' });
  const rec = await flowEnded(env.popup, { id: started.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal((await stageState(env.stage)).facebookName, 'John Roe');
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
  assert.equal(rec.asked, '');
});

test('already linked: the link flow ends done with 0 clicks (audit log empty)', async () => {
  await setState(env.stage, { linked: true, facebookName: 'Jane Doe' });
  const rec = await runFromPopup(env.popup, 'button', 'Link to Facebook');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.state.clicks, 0);
  assert.deepEqual(await actionNames(env.stage), []);
  assert.equal((await stageState(env.stage)).linked, true);
  assert.equal(await popupText('flow-outcome'), 'Done: Instagram is linked to Facebook as Jane Doe.');
});

test('already unlinked: the unlink flow ends done with 0 clicks', async () => {
  await setState(env.stage, { linked: false });
  const rec = await runFromPopup(env.popup, 'button', 'Unlink Facebook');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.state.clicks, 0);
  assert.deepEqual(await actionNames(env.stage), []);
  assert.equal((await stageState(env.stage)).linked, false);
});

test('messaging not offered (the normal state since December 2023): said plainly, not an error, nothing clicked', async () => {
  await setState(env.stage, { linked: true, messagingAvailable: false });
  const rec = await runFromPopup(env.popup, 'switch', MESSAGING_SWITCH);
  assert.equal(rec.status, 'done');
  assert.equal(rec.result.messaging.offered, false);
  assert.match(await popupText('flow-outcome'), /^Meta no longer offers Messenger for Instagram messages on this account/);
  assert.deepEqual(await actionNames(env.stage), []);
  assert.equal((await stageState(env.stage)).messagingUpdated, false);
});

test('sharing without a linked account: "no Facebook account is linked", nothing clicked', async () => {
  await setState(env.stage, { linked: false });
  const rec = await runFromPopup(env.popup, 'switch', SWITCH_NAMES.reels);
  assert.equal(rec.outcome, 'not_linked');
  assert.match(await popupText('flow-outcome'), /no Facebook account is linked/);
  assert.deepEqual(await actionNames(env.stage), []);
  assert.equal((await stageState(env.stage)).sharing.reels, false);
});

/** Actions and refusals after the first refusal: must be none. */
async function afterRefusal() {
  const all = (await stageLog(env.stage)).filter((e) => e.kind === 'action' || e.kind === 'refused');
  const first = all.findIndex((e) => e.kind === 'refused');
  assert.ok(first >= 0, 'the stage refused an action');
  return all.slice(first + 1);
}

test('rate limit during link: stops at once on "Try Again Later", no click after it', async () => {
  await setState(env.stage, { linked: false, rateLimitAfter: 1 });
  const rec = await runFromPopup(env.popup, 'button', 'Link to Facebook');
  assert.equal(rec.outcome, 'rate_limited');
  assert.match(await popupText('flow-outcome'), /Try Again Later/);
  await sleep(800);  // nothing more happens later either
  assert.deepEqual(await afterRefusal(), []);
  assert.equal((await stageLog(env.stage, 'refused')).length, 1);
  const state = await stageState(env.stage);
  assert.equal(state.rateLimited, true);
  assert.equal(state.linked, false);
});

test('rate limit during sharing: the first switch set, the second refused, nothing after', async () => {
  await setState(env.stage, { linked: true, rateLimitAfter: 1 });
  const started = await startFlow(env.popup, 'setSharing', { sharing: { posts: true, reels: true, stories: true } });
  const rec = await flowEnded(env.popup, { id: started.id });
  assert.equal(rec.outcome, 'rate_limited');
  await sleep(800);
  assert.deepEqual(await afterRefusal(), []);
  assert.deepEqual(await actionNames(env.stage), ['set_switch']);
  const { sharing } = await stageState(env.stage);
  assert.equal([sharing.posts, sharing.reels, sharing.stories].filter(Boolean).length, 1);
});

test('the unexpected interstitial: "Not Now" once, then the flow goes on', async () => {
  await setState(env.stage, { linked: true, interstitial: true, sharing: { stories: false } });
  const rec = await runFromPopup(env.popup, 'switch', SWITCH_NAMES.stories);
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.deepEqual(await actionNames(env.stage), ['dismiss_interstitial', 'set_switch']);
  assert.equal((await stageLog(env.stage, 'event')).filter((e) => e.event === 'interstitial_shown').length, 1);
  assert.equal((await stageState(env.stage)).sharing.stories, true);
});

test('Cancel mid-flow: the flow stops, nothing is clicked after it', async () => {
  await setState(env.stage, { linked: false, latencyMs: 250 });
  await clickInPopup('button', 'Link to Facebook');
  const running = await waitFor((r) => (r.actions ?? 0) >= 2 && r.status === 'running', 'the flow to be under way');
  assert.equal(await env.popup.getByRole('button', { name: 'Cancel', exact: true }).isVisible(), true);
  assert.match(await popupText('flow-progress'), /^Step \d+: /);
  await clickInPopup('button', 'Cancel');
  const rec = await flowEnded(env.popup, { id: running.id });
  assert.equal(rec.status, 'cancelled');
  assert.equal(await popupText('flow-outcome'), 'Cancelled. Nothing more was clicked.');
  const atCancel = (await stageLog(env.stage, 'action')).length;
  await sleep(1500);
  // At most the action already on its way when Cancel came; none decided after it.
  const after = await stageLog(env.stage, 'action');
  assert.equal(after.length, atCancel);
  assert.equal((await stageState(env.stage)).profileSynced, false);
  assert.ok(!after.some((e) => e.name === 'sync_profile'), 'the flow did not reach its end');
});

test('a click of the person in the page pauses the flow; Resume goes on, nothing done twice', async () => {
  await setState(env.stage, { linked: true, latencyMs: 200 });
  const started = await startFlow(env.popup, 'setSharing', { sharing: { posts: true, reels: true, stories: true, facebookStories: true } });
  await until(() => actionNames(env.stage), (a) => a.length >= 1, { what: 'the first switch set' });
  const page = await flowPage(env);
  // The person's own click, on the page's title (nothing happens there but a click).
  await page.getByRole('heading', { name: text('en', 'ac.sharing.title'), exact: true }).click();
  const paused = await waitFor((r) => r.status === 'paused', 'the flow to pause');
  await env.popup.bringToFront();
  assert.match(await popupText('flow-ask'), /^Paused: you clicked in the page/);
  // An action already on its way when the click came may still land (latency 200 ms); then nothing.
  await sleep(600);
  const atPause = (await stageLog(env.stage, 'action')).length;
  await sleep(1200);
  assert.equal((await stageLog(env.stage, 'action')).length, atPause, 'nothing clicked while paused');
  await clickInPopup('button', 'Resume');
  const rec = await flowEnded(env.popup, { id: paused.id });
  assert.equal(rec.status, 'done', JSON.stringify([rec.error, await stageLog(env.stage, 'action'), (await stageState(env.stage)).sharing, atPause]));
  const actions = (await stageLog(env.stage, 'action')).map((e) => e.action).sort();
  assert.deepEqual(actions, ['set_switch facebookStories=on', 'set_switch posts=on', 'set_switch reels=on', 'set_switch stories=on']);
  assert.deepEqual((await stageState(env.stage)).sharing, { posts: true, reels: true, stories: true, facebookStories: true });
});

test('one flow at a time: a second start is refused while one runs, and the popup disables its actions', async () => {
  await setState(env.stage, { linked: false, latencyMs: 150 });
  await clickInPopup('button', 'Link to Facebook');
  const running = await waitFor((r) => r.status === 'running', 'the flow to run');
  const second = await sendFromPopup(env.popup, { type: 'popup/startFlow', flow: 'unlink', params: {} });
  assert.equal(second.ok, false);
  assert.equal(second.error.name, 'flow_running');
  assert.equal(await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).isDisabled(), true);
  assert.equal(await env.popup.getByRole('switch', { name: SWITCH_NAMES.posts, exact: true }).isDisabled(), true);
  const rec = await flowEnded(env.popup, { id: running.id });
  assert.equal(rec.flow, 'link');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
  assert.equal(await env.popup.getByRole('switch', { name: SWITCH_NAMES.posts, exact: true }).isDisabled(), false);
});

test('the activity log in the popup shows the last flows with their outcome', async () => {
  await setState(env.stage, { linked: true, messagingAvailable: false });
  await runFromPopup(env.popup, 'switch', MESSAGING_SWITCH);
  const items = await until(() => env.popup.locator('#log li').allTextContents(), (list) => /Not offered by Meta/.test(list[0] ?? ''),
    { what: 'the log entry of the flow' });
  assert.ok(items.length >= 2 && items.length <= 5, items.join(' | '));
  assert.match(items[0], /Turning on Messenger for Instagram messages — Not offered by Meta: nothing changed/);
  assert.match(items[1], /Started: Turning on Messenger for Instagram messages/);
  assert.deepEqual(await actionNames(env.stage), []);
});

test('"Not you?": Facebook offers another account than asked for; the person takes it from there, then cancels', async () => {
  await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe'] });
  // The button once, so the (pre-granted) Facebook permission is active, then the flow by message with its account.
  await runFromPopup(env.popup, 'button', 'Link to Facebook');
  await stageRequestReset();
  await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe'] });
  for (const page of env.browser.context.pages()) if (page !== env.popup) await page.close();
  const started = await startFlow(env.popup, 'link', { facebookAccount: 'John Roe' });
  const asked = await waitFor((r) => r.id === started.id && r.asked === 'not_you', 'the flow to ask about the account');
  assert.equal(asked.screen, 'facebook_continue_as');
  assert.equal(await tabActive(asked.tabId), true);
  await env.popup.bringToFront();
  assert.match(await popupText('flow-ask'), /^Facebook offers another account/);
  const page = await flowPage(env);
  await page.getByRole('link', { name: text('en', 'fb.not_you'), exact: true }).click();
  const login = await waitFor((r) => r.id === started.id && r.asked === 'facebook_login', 'the flow to wait for the login');
  assert.equal(login.status, 'needs_user');
  await clickInPopup('button', 'Cancel');
  const rec = await flowEnded(env.popup, { id: started.id });
  assert.equal(rec.status, 'cancelled');
  // Nothing done for the person: no action, the login form untouched, not linked.
  assert.deepEqual(await actionNames(env.stage), []);
  assert.deepEqual(await stageLog(env.stage, 'login_input'), []);
  assert.equal((await stageState(env.stage)).linked, false);
});

test('the person\'s click pacing holds between the flow\'s clicks, the page\'s response time included', async () => {
  const PACING = 1500;
  const [worker] = env.browser.context.serviceWorkers();
  const setPacing = (ms) => worker.evaluate((value) => (value === null ? chrome.storage.sync.remove('settings')
    : chrome.storage.sync.set({ settings: { version: 1, clickPacingMs: value } })), ms);
  await setPacing(PACING);
  try {
    await setState(env.stage, { linked: false });
    const rec = await runFromPopup(env.popup, 'button', 'Link to Facebook');
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    assert.equal((await stageState(env.stage)).linked, true);
    // Each of these is the server's answer to one click of the flow.
    const times = (await stageLog(env.stage, 'action')).map((e) => e.ms);
    assert.ok(times.length >= 3, `several clicks changed the stage (${times.length})`);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    for (const gap of gaps) assert.ok(gap >= PACING - 100, `clicks ${gaps.join(', ')} ms apart; pacing ${PACING} ms`);
  } finally {
    await setPacing(null);
  }
});
