// The status is about one Instagram account (issue 19 items 4/5, issue 17 finding 6): the
// account logged in is read from Instagram's own pages (the navigation's profile link,
// found by the core), readings are kept per account, the popup header names the account
// logged in, a reading for another account is never shown as this one's (it says whose it
// was and reads again quietly, "checking…", with Link and Unlink both offered), and the
// activity log's export holds no page text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXED_NOW, setState, until } from './harness.mjs';
import { optionsUrl, putStorage } from './options-helpers.mjs';
import { ACCOUNTS, MINUTE, storedReading, usePopupBrowser } from './popup-helpers.mjs';

const FEED = 'https://www.instagram.com/';

let stage;
let browser;
let page;
const { worker, flowRecord, local, openPopup } = usePopupBrowser((env) => ({ stage, browser, page } = env));
const text = (sel) => page.locator(sel).textContent();

test('the account logged in is read from Instagram\'s navigation, and again after a switch', async () => {
  await page.goto(FEED);
  const first = await until(() => local('instagramAccount'), (a) => a?.username === 'jane.doe', { what: 'jane.doe read from the page' });
  assert.equal(Number.isFinite(first.seenAt), true, 'with the time it was seen (the worker\'s clock)');
  await setState(stage, { instagramUsername: 'maria.ig', locale: 'pt' });
  await page.goto(FEED);
  await until(() => local('instagramAccount'), (a) => a?.username === 'maria.ig', { what: 'maria.ig after the switch (Portuguese page)' });
  await openPopup();
  assert.equal(await text('#account'), 'For Instagram account @maria.ig');
});

test('a reading for another account is not shown as this one\'s: said whose it was, read again quietly', async () => {
  // The last reading was jane.ig's (linked); maria.ig is logged in now, not linked.
  await setState(stage, { instagramUsername: 'maria.ig', linked: false, latencyMs: 300 });
  await putStorage(browser, 'local', { linkStatus: storedReading({ sharing: { posts: true, reels: true, stories: true, facebookStories: true } }),
    instagramAccount: { username: 'maria.ig', seenAt: FIXED_NOW - MINUTE } });
  await openPopup();
  assert.equal(await text('#account'), 'For Instagram account @maria.ig');
  assert.equal(await text('#status-line'), 'Not read yet for this account: the last reading was for @jane.ig.');
  assert.equal(await page.locator('[role="switch"][aria-checked="true"]').count(), 0, 'jane.ig\'s switches are not maria.ig\'s');
  await until(() => text('#status-time'), (t) => /checking…$/.test(t), { what: '"checking…"' });
  const rec = await until(flowRecord, (r) => r?.flow === 'readStatus', { what: 'the quiet read' });
  assert.equal(rec.quiet, true);
  assert.equal(await page.locator('#link').isVisible(), true, 'Link offered');
  assert.equal(await page.locator('#unlink').isVisible(), true, 'Unlink offered');
  const done = await until(flowRecord, (r) => r?.id === rec.id && ['done', 'error', 'cancelled'].includes(r.status),
    { timeout: 60000, what: 'the quiet read ended' });
  assert.equal(done.status, 'done', JSON.stringify(done.error));
  await until(() => text('#status-line'), (t) => t === 'Not linked', { what: 'maria.ig\'s own reading' });
  assert.equal(await text('#account'), 'For Instagram account @maria.ig');
  assert.equal(await page.locator('#unlink').isHidden(), true);
  // Both accounts' readings are kept, each its own.
  const kept = await local('linkStatusAccounts');
  assert.deepEqual(Object.keys(kept).sort(), ['jane.ig', 'maria.ig']);
  assert.equal(kept['maria.ig'].linked, false);
  assert.equal(kept['jane.ig'].linked, true);
  assert.equal(kept['jane.ig'].sharing.posts, true, 'jane.ig\'s switches stay jane.ig\'s');
});

test('readings are kept per account: back on an account, its own reading shows, not the last one', async () => {
  // Accounts Center read as jane.doe (linked), then as maria.ig (not linked).
  await setState(stage, { linked: true, facebookName: 'Jane Doe' });
  await page.goto(ACCOUNTS);
  await until(() => local('linkStatus'), (s) => s?.instagramUsername === 'jane.doe', { what: 'jane.doe read' });
  await setState(stage, { linked: false, instagramUsername: 'maria.ig' });
  await page.goto(ACCOUNTS);
  await until(() => local('linkStatus'), (s) => s?.instagramUsername === 'maria.ig', { what: 'maria.ig read' });
  const kept = await local('linkStatusAccounts');
  assert.deepEqual(Object.keys(kept).sort(), ['jane.doe', 'maria.ig']);
  assert.equal(kept['jane.doe'].linked, true);
  assert.equal(kept['maria.ig'].linked, false);
  // jane.doe logs in again on Instagram: the popup shows jane.doe's reading (fresh: nothing read again).
  await setState(stage, { instagramUsername: 'jane.doe' });
  await page.goto(FEED);
  await until(() => local('instagramAccount'), (a) => a?.username === 'jane.doe', { what: 'jane.doe logged in' });
  await openPopup();
  assert.equal(await text('#account'), 'For Instagram account @jane.doe');
  assert.equal(await text('#status-line'), 'Linked to Facebook as Jane Doe');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await flowRecord(), null, 'its own reading is fresh: no quiet read');
  await page.getByRole('button', { name: 'Unlink Facebook', exact: true }).click();
  await page.getByRole('group', { name: 'Unlink Jane Doe from @jane.doe?' }).waitFor();
});

test('the export and the log hold no page text: an error\'s words quoting the page are reduced to its name', async () => {
  // A log as an older Crosslink wrote it, with page words in a detail and in data.
  await putStorage(browser, 'local', { activityLog: { version: 1, next: 1, entries: [
    { seq: 0, t: FIXED_NOW - MINUTE, type: 'flow_end', outcome: 'target_changed',
      detail: 'target_changed: element #5 is now button "Maria Souza"', data: { flow: 'link', facebookName: 'Maria Souza', clicks: 3 } },
  ] } });
  await openPopup();
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'options/export' }));
  assert.equal(reply.ok, true, JSON.stringify(reply.error));
  assert.deepEqual(reply.file.log.entries.map(({ detail, data }) => ({ detail, data })), [{ detail: 'target_changed', data: { flow: 'link', clicks: 3 } }]);
  assert.doesNotMatch(JSON.stringify(reply.file), /Maria|Souza|element #5/);
  // The next entry (here: the settings reset) rewrites the stored log by the same rules.
  assert.equal((await page.evaluate(() => chrome.runtime.sendMessage({ type: 'options/reset' }))).ok, true);
  const stored = await local('activityLog');
  assert.deepEqual(stored.entries.map((e) => [e.type, e.detail ?? null, e.data ?? null]),
    [['flow_end', 'target_changed', { flow: 'link', clicks: 3 }], ['settings', null, null]]);
  assert.doesNotMatch(JSON.stringify(stored), /Maria|Souza|element #5/);
});

test('the toolbar icon shows the reading of the account logged in, not another account\'s', async () => {
  // The worker's setIcon, recorded (the icon itself cannot be read back).
  await worker().evaluate(() => {
    const real = chrome.action.setIcon.__real ?? chrome.action.setIcon.bind(chrome.action);
    globalThis.__icons = [];
    chrome.action.setIcon = Object.assign((details) => { globalThis.__icons.push(details.path[16]); return real(details); }, { __real: real });
  });
  const lastIcon = () => worker().evaluate(() => globalThis.__icons.at(-1) ?? null);
  await putStorage(browser, 'local', { linkStatus: storedReading() });
  await until(lastIcon, (p) => p === '/icons/icon-linked-16.png', { what: 'linked: jane.ig\'s reading, no account known' });
  await putStorage(browser, 'local', { instagramAccount: { username: 'maria.ig', seenAt: FIXED_NOW } });
  await until(lastIcon, (p) => p === '/icons/icon-16.png', { what: 'the plain icon: nothing read for maria.ig' });
  await putStorage(browser, 'local', { instagramAccount: { username: 'jane.ig', seenAt: FIXED_NOW } });
  await until(lastIcon, (p) => p === '/icons/icon-linked-16.png', { what: 'linked again: jane.ig logged in' });
});

test('a flow that never saw the accounts list is merged into the account logged in, not the last one read', async () => {
  // Started from the options page (an extension page too): the popup would first read maria.ig
  // quietly. A quiet read the popup of the test before started is cancelled first.
  await page.goto(optionsUrl(browser));
  const ENDED = ['done', 'error', 'cancelled'];
  const left = await flowRecord();
  if (left && !ENDED.includes(left.status)) await page.evaluate(() => chrome.runtime.sendMessage({ type: 'popup/cancelFlow' }));
  await until(flowRecord, (r) => !r || ENDED.includes(r.status), { what: 'no flow running' });
  // jane.ig's reading was the last (linked, posts on); maria.ig is logged in and linked.
  await setState(stage, { instagramUsername: 'maria.ig', linked: true, facebookName: 'Maria Souza' });
  await putStorage(browser, 'local', { linkStatus: storedReading({ sharing: { posts: true, reels: false, stories: false, facebookStories: false } }),
    instagramAccount: { username: 'maria.ig', seenAt: FIXED_NOW } });
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'popup/startFlow', flow: 'setSharing', params: { sharing: { reels: true } } }));
  assert.equal(reply.ok, true, JSON.stringify(reply.error));
  const done = await until(flowRecord, (r) => r && ENDED.includes(r.status), { timeout: 60000, what: 'the flow ended' });
  assert.equal(done.status, 'done', JSON.stringify(done.error));
  const kept = await until(() => local('linkStatusAccounts'), (k) => k?.['maria.ig'], { what: 'maria.ig\'s reading' });
  assert.equal(kept['maria.ig'].sharing.reels, true, 'the switch set is maria.ig\'s');
  assert.deepEqual(kept['jane.ig'].sharing, { posts: true, reels: false, stories: false, facebookStories: false }, 'jane.ig\'s switches untouched');
  assert.equal((await local('linkStatus')).instagramUsername, 'maria.ig');
});
