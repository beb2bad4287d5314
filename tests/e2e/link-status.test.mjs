// The foundation slice end to end: the content script on the stage's Accounts Center
// sends a snapshot, the worker reads it with the Wasm core, the popup shows the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalInContentScript, setState, until, useBrowser } from './harness.mjs';

const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';
let stage, browser, popup;  // set up by useBrowser
useBrowser(async (env) => {
  ({ stage, browser, page: popup } = env);
  await popup.goto(browser.popupUrl);
});

const statusText = () => popup.getByRole('status').textContent();
const waitForStatus = (expected) => until(statusText, (t) => t === expected, { what: `status "${expected}"` });
/** Accounts Center in a new tab with the stage in `state`, once the popup says `expected`. */
async function accountsPage(state, expected) {
  await setState(stage, state);
  const page = await browser.context.newPage();
  await page.goto(ACCOUNTS);
  await waitForStatus(expected);
  return page;
}

test('before any reading the popup says so and offers Accounts Center', async () => {
  // The popup fills its status after the worker answers: wait for the first text.
  assert.match(await until(statusText, (t) => t !== '', { what: 'the first status' }), /^Not read yet/);
  assert.equal(await popup.getByRole('button', { name: 'Open Accounts Center' }).isVisible(), true);
});

test('an account that is not linked reads "Not linked", with the time of reading', async () => {
  const before = Date.now();
  const page = await accountsPage({ linked: false }, 'Not linked');
  const stamp = Date.parse(await popup.locator('#status-time time').getAttribute('datetime'));
  assert.ok(stamp >= before - 1000 && stamp <= Date.now(), `reading time ${stamp} not within the test`);
  assert.match(await popup.locator('#status-time').textContent(), /^Read from Accounts Center at /);
  await page.close();
});

test('a linked account reads "Linked to Facebook as <name>" after the stage changes', async () => {
  const page = await accountsPage({ linked: true, facebookName: 'Maria Souza' }, 'Linked to Facebook as Maria Souza');
  await setState(stage, { linked: false });
  await page.reload();
  await waitForStatus('Not linked');
  await page.close();
});

test('a reading that finds the account unlinked turns the stored sharing switches off (the core says sharing: null)', async () => {
  const page = await accountsPage({ linked: true, facebookName: 'Maria Souza' }, 'Linked to Facebook as Maria Souza');
  const worker = browser.context.serviceWorkers()[0];
  const stored = () => worker.evaluate(async () => (await chrome.storage.local.get('linkStatus')).linkStatus);
  // As a setSharing flow leaves it: the switches read back, kept by the next readings.
  await worker.evaluate(async () => {
    const { linkStatus } = await chrome.storage.local.get('linkStatus');
    await chrome.storage.local.set({ linkStatus: { ...linkStatus, sharing: { posts: true, reels: false, stories: true, facebookStories: false } } });
  });
  await page.reload();
  await until(stored, (r) => r?.readAt && r.sharing?.posts === true, { what: 'the switches kept by a linked reading' });
  await setState(stage, { linked: false });
  await page.reload();
  await waitForStatus('Not linked');
  assert.equal((await until(stored, (r) => r?.linked === false, { what: 'the unlinked reading' })).sharing, null);
  await page.close();
});

test('a snapshot that is not JSON shows a named error in the popup, and the worker keeps working', async () => {
  const page = await accountsPage({ linked: true, facebookName: 'Jane Doe' }, 'Linked to Facebook as Jane Doe');

  const reply = await evalInContentScript(page,
    `chrome.runtime.sendMessage({ type: 'content/snapshot', snapshot: '{"url": ' })`);
  assert.equal(reply.ok, true);
  assert.deepEqual(reply.decision.error, { name: 'bad_json', detail: 'snapshot is not valid JSON' });
  await waitForStatus("Couldn't read Accounts Center: the page reading was not valid");

  const wrongShape = await evalInContentScript(page,
    `chrome.runtime.sendMessage({ type: 'content/snapshot', snapshot: '{"url": "https://accountscenter.instagram.com/accounts/", "elements": 7}' })`);
  assert.equal(wrongShape.decision.error.name, 'bad_snapshot');
  await waitForStatus("Couldn't read Accounts Center: the page reading had the wrong shape");

  await page.reload();
  await waitForStatus('Linked to Facebook as Jane Doe');
  await page.close();
});

test('a message of the wrong shape is refused by the dispatcher, not acted on', async () => {
  const page = await browser.context.newPage();
  await page.goto(ACCOUNTS);
  const missing = await evalInContentScript(page, `chrome.runtime.sendMessage({ type: 'content/snapshot' })`);
  assert.deepEqual(missing, { ok: false, error: { name: 'bad_message', detail: 'content/snapshot: missing field "snapshot"' } });
  const notAllowed = await evalInContentScript(page, `chrome.runtime.sendMessage({ type: 'popup/getStatus' })`);
  assert.equal(notAllowed.error.name, 'sender_not_allowed');
  const unknown = await evalInContentScript(page, `chrome.runtime.sendMessage({ type: 'content/launchRockets' })`);
  assert.equal(unknown.error.name, 'unknown_type');
  await page.close();
});
