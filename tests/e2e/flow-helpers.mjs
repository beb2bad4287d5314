// What the flow tests share: one stage and one browser per test file (with or without the
// optional Facebook permission pre-granted in the profile), the popup in a tab, the stage
// reset between tests, and the stage's server state and audit log read back.
import { after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { FACEBOOK_ORIGINS, launch, stageRequest, startStage, until } from './harness.mjs';

export const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';
export { FACEBOOK_ORIGINS };
export const SWITCH_NAMES = {
  posts: 'Share posts to Facebook',
  reels: 'Share reels to Facebook',
  stories: 'Share stories to Facebook',
  facebookStories: 'Share Facebook stories to Instagram',
};
export const MESSAGING_SWITCH = 'Use Messenger for Instagram messages';

/**
 * Registers before/after/beforeEach for a test file; returns a live object with
 * {stage, browser, popup}. grant: pre-grant the Facebook permission (see harness.launch).
 */
export function useFlowBrowser({ grant = true, clock = null } = {}) {
  const env = { stage: null, browser: null, popup: null };
  before(async () => {
    env.stage = await startStage();
    env.browser = await launch(env.stage, { grantHosts: grant ? FACEBOOK_ORIGINS : [], ...(clock !== null ? { clock } : {}) });
    env.popup = await env.browser.context.newPage();
    await env.popup.goto(env.browser.popupUrl);
  });
  after(async () => {
    // The stage closes even when the browser's close fails (a foreign request): an open
    // server would keep this test file's process alive.
    try { await env.browser?.close(); } finally { await env.stage?.close(); }
  });
  beforeEach(async () => {
    await stageRequest(env.stage, '/__stage/reset', {});
    // No flow left from the test before (each ends its own; this is a guard).
    const rec = await flowRecord(env.popup);
    if (rec && !['done', 'error', 'cancelled'].includes(rec.status)) await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
    // The flow tab of the previous test is closed: every test starts from a fresh tab.
    for (const page of env.browser.context.pages()) if (page !== env.popup) await page.close();
    // The popup starts from "not read yet": each test reads what it needs (after the tabs
    // closed, so no late reading of Accounts Center lands after it).
    await clearReadings(env.popup);
  });
  return env;
}

/**
 * The popup back at "not read yet": the stored readings removed until they stay so (the
 * flow before stores its reading just after its record ends). Playwright's and
 * Puppeteer's pages alike.
 */
export async function clearReadings(popup) {
  await until(async () => {
    await popup.evaluate(() => chrome.storage.local.remove(['linkStatus', 'linkStatusAccounts']));
    await new Promise((r) => setTimeout(r, 150));
    return popup.evaluate(() => document.getElementById('status-line').textContent);
  }, (t) => /^Not read yet/.test(t), { what: 'the status cleared' });
}

/** A link flow that linked Jane Doe, the stage's account: done, linked, "Not now" on the profile sync, each action once. */
export async function assertLinkedJaneDoe(stage, rec) {
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.deepEqual(rec.result, { linked: true, facebookName: 'Jane Doe' });
  const state = await stageState(stage);
  assert.equal(state.linked, true);
  assert.equal(state.facebookName, 'Jane Doe');
  assert.equal(state.profileSynced, false, '"Not now" on the profile sync by default');
  assert.deepEqual(await actionNames(stage), ['facebook_continue', 'link', 'sync_profile']);
}

/** An unlink flow done: the account removed (which turns sharing off) by one action. */
export async function assertUnlinked(stage, rec) {
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.deepEqual(rec.result, { linked: false, facebookName: '', sharing: null });
  const state = await stageState(stage);
  assert.equal(state.linked, false);
  assert.equal(state.sharing.posts, false, 'removing the account turns sharing off');
  assert.deepEqual(await actionNames(stage), ['remove_account']);
}

/** What the read-status tests set on the stage and expect read back, value for value. */
export const READ_TRUTH = Object.freeze({ linked: true, facebookName: 'Maria Souza', sharing: { posts: true, reels: false, stories: true, facebookStories: false },
  messagingUpdated: true, othersOnFacebook: 'requests' });

/** A readStatus flow that read READ_TRUTH: done, without a single action, the stage's state as it was. */
export async function assertReadWithoutActing(stage, rec) {
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.state.clicks, 0);
  assert.deepEqual(rec.result.sharing, READ_TRUTH.sharing);
  assert.deepEqual(rec.result.messaging, { updated: true, othersOnFacebook: 'requests' });
  assert.deepEqual(await actionNames(stage), []);
  const state = await stageState(stage);
  for (const [key, value] of Object.entries(READ_TRUTH)) assert.deepEqual(state[key], value, key);
}

export const stageState = (stage) => stageRequest(stage, '/__stage/state');
export const stageLog = async (stage, kind) =>
  (await stageRequest(stage, `/__stage/log${kind ? `?kind=${kind}` : ''}`)).entries;
/** The audit log's actions by name: ["link", "sync_profile", ...]. */
export const actionNames = async (stage) => (await stageLog(stage, 'action')).map((e) => e.name);

export const flowRecord = (popup) => popup.evaluate(async () => (await chrome.storage.session.get('flow')).flow ?? null);
export const sendFromPopup = (popup, message) => popup.evaluate((m) => chrome.runtime.sendMessage(m), message);

/**
 * A click waiting for the person's pacing (flow-driver.js): the flow has clicked before
 * (lastClickAt) and its next click is decided but not made (acting), so the page stays as
 * it is until the pacing is over. The flow's first click is made at once.
 */
export const pacedClickPending = (rec) => Boolean(rec && rec.status === 'running' && rec.lastClickAt
  && rec.acting && rec.acting.decision?.kind !== 'navigate');

/** The words of Crosslink's panel in the page, from the accessibility tree (it is in a closed shadow root); '' when none shows. */
export async function panelText(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const top = nodes.find((n) => !n.ignored && n.role?.value === 'complementary' && n.name?.value === 'Crosslink');
    if (!top) return '';
    const out = [];
    const walk = (n) => { if (!n) return; if (!n.ignored && n.role?.value === 'StaticText') out.push(n.name.value); for (const id of n.childIds ?? []) walk(byId.get(id)); };
    walk(top);
    return out.join(' ');
  } catch {
    return '';  // between two pages
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The consent asks (issue 17): the flow waits for the person to confirm a name. */
export const CONSENT_ASKS = new Set(['confirm_account', 'confirm_unlink', 'choose_unlink']);
/** The person's one click on a consent ask: the first name offered ("" when the page alone shows it). */
export const answerConsent = (popup, rec) => sendFromPopup(popup, { type: 'popup/answerFlow', choice: rec.choices?.[0] ?? '' });

/** The flow record, after answering a consent ask on it as the person would (tests that wait for a later state). */
export async function flowRecordConsenting(popup) {
  const r = await flowRecord(popup);
  if (r && r.status === 'needs_user' && CONSENT_ASKS.has(r.asked)) await answerConsent(popup, r);
  return r;
}

/**
 * Waits until the flow with this id (or any, when null) is ended; returns its record.
 * consent (default true): a consent ask on the way is answered as the person would, with
 * the name offered (the tests that are about the ask itself pass false).
 */
export function flowEnded(popup, { id = null, timeout = 60000, consent = true } = {}) {
  return until(async () => {
    const r = await flowRecord(popup);
    if (consent && r && (!id || r.id === id) && r.status === 'needs_user' && CONSENT_ASKS.has(r.asked)) await answerConsent(popup, r);
    return r;
  }, (r) => r && (!id || r.id === id) && ['done', 'error', 'cancelled'].includes(r.status),
  { timeout, interval: 50, what: 'the flow to end' });
}

/** Clicks a popup control by role and exact name; returns the new flow's record once it ended. */
export async function runFromPopup(popup, role, name, { timeout } = {}) {
  const before = await flowRecord(popup);
  await popup.bringToFront();
  await popup.getByRole(role, { name, exact: true }).click();
  // Unlink asks first ("Unlink <Facebook name> from <Instagram account>?"): confirm.
  if (name === 'Unlink Facebook') await popup.getByRole('button', { name: 'Unlink', exact: true }).click();
  const started = await until(() => flowRecord(popup), (r) => r && r.id !== before?.id,
    { timeout: 5000, interval: 25, what: `a flow started by "${name}"` });
  return flowEnded(popup, { id: started.id, timeout });
}

/** Starts a flow through the popup's own message (for params the popup has no control for). */
export async function startFlow(popup, flow, params = {}) {
  const reply = await sendFromPopup(popup, { type: 'popup/startFlow', flow, params });
  if (!reply.ok) throw new Error(`startFlow: ${JSON.stringify(reply.error)}`);
  return reply.flow;
}

/** The flow's tab (the page Crosslink drives): every other tab is closed before each test. */
export function flowPage(env) {
  return until(() => env.browser.context.pages().filter((p) => p !== env.popup), (pages) => pages.length === 1,
    { what: 'the flow tab' }).then(([page]) => page);
}
