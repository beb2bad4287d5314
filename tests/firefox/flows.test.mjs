// Every flow in Firefox ESR, from the popup's one-click controls (real clicks over BiDi),
// on the stage: each test asserts the stage's server state and its audit log, then what
// the popup says — as tests/e2e/flow-matrix.test.mjs does in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setState, until } from './harness.mjs';
import {
  READ_TRUTH, SWITCHES, actionNames, assertLinkedJaneDoe, assertReadWithoutActing, assertUnlinked, flowEnded, outcomeText, runFromPopup, startFlow, stageLog, stageState, statusText,
  switchState, useFirefox,
} from './flow-helpers.mjs';

const env = useFirefox();

async function readStatusFirst() {
  const rec = await runFromPopup(env.popup, '#read-status');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  await until(() => env.popup.evaluate(() => document.getElementById('status-time').textContent),
    (t) => /^Read from the pages at /.test(t), { what: 'status read' });
}

for (const [locale, layout] of [['en', 'A'], ['es', 'B']]) {
  test(`link: locale ${locale}, layout ${layout}`, async () => {
    await setState(env.stage, { locale, layout, linked: false, facebookAccounts: ['Jane Doe'] });
    const rec = await runFromPopup(env.popup, '#link');
    await assertLinkedJaneDoe(env.stage, rec);
    assert.equal(await outcomeText(env.popup), 'Done: Instagram is linked to Facebook as Jane Doe.');
    await until(() => statusText(env.popup), (t) => t === 'Linked to Facebook as Jane Doe', { what: 'status line' });
  });
}

test('unlink', async () => {
  await setState(env.stage, { linked: true, facebookName: 'Maria Souza', sharing: { posts: true } });
  await assertUnlinked(env.stage, await runFromPopup(env.popup, '#unlink'));
  assert.equal(await outcomeText(env.popup), 'Done: Facebook is unlinked.');
  await until(() => statusText(env.popup), (t) => t === 'Not linked', { what: 'status line' });
});

// Each sharing switch turned on from "unread" (shown off), on layout A.
for (const key of SWITCHES) {
  test(`sharing switch ${key}: on, set and read back`, async () => {
    const sharing = { posts: false, reels: false, stories: false, facebookStories: false };
    await setState(env.stage, { layout: 'A', linked: true, sharing });
    const rec = await runFromPopup(env.popup, `[data-switch="${key}"]`);
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    assert.deepEqual((await stageLog(env.stage, 'action')).map((e) => e.action), [`set_switch ${key}=on`]);
    const wanted = { ...sharing, [key]: true };
    assert.deepEqual((await stageState(env.stage)).sharing, wanted);
    assert.equal(await outcomeText(env.popup), 'Done: the sharing switch is set and read back.');
    for (const k of SWITCHES) {
      await until(() => switchState(env.popup, k), (v) => v === String(wanted[k]), { what: `${k} shown as read back` });
    }
  });
}

test('sharing switch read first (layout B, locale de): a click turns facebookStories off', async () => {
  await setState(env.stage, { locale: 'de', layout: 'B', linked: true, sharing: { posts: false, reels: true, stories: false, facebookStories: true } });
  await readStatusFirst();
  assert.equal(await switchState(env.popup, 'facebookStories'), 'true');
  const rec = await runFromPopup(env.popup, '[data-switch="facebookStories"]');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.deepEqual((await stageLog(env.stage, 'action')).map((e) => e.action), ['set_switch facebookStories=off']);
  assert.deepEqual((await stageState(env.stage)).sharing, { posts: false, reels: true, stories: false, facebookStories: false });
  await until(() => switchState(env.popup, 'facebookStories'), (v) => v === 'false', { what: 'shown off' });
});

test('messaging: link Instagram messages to Messenger', async () => {
  await setState(env.stage, { linked: true, messagingUpdated: false });
  const rec = await runFromPopup(env.popup, '[data-switch="messaging"]');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.result.messaging.updated, true);
  assert.equal((await stageState(env.stage)).messagingUpdated, true);
  assert.deepEqual(await actionNames(env.stage), ['update_messaging']);
  assert.equal(await outcomeText(env.popup), 'Done: Instagram messages use Messenger.');
  await until(() => switchState(env.popup, 'messaging'), (v) => v === 'true', { what: 'messaging switch on' });
});

// Regression: with the stage slow, the settings page is still reloading its content (a
// fetch) when the flow navigates on. Firefox fails that fetch as the navigation starts, the
// page answers with location.assign() back to itself and cancels the flow's load; the
// driver navigates again once the page is quiet (flow-driver.js navigateTab). It failed
// every time here before that.
test('messaging: link with a slow stage (the page\'s own reload in flight when the flow navigates)', async () => {
  await setState(env.stage, { linked: true, messagingUpdated: false, latencyMs: 150 });
  const rec = await runFromPopup(env.popup, '[data-switch="messaging"]');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal((await stageState(env.stage)).messagingUpdated, true);
  assert.deepEqual(await actionNames(env.stage), ['update_messaging'], 'the update once');
  const pages = (await stageLog(env.stage, 'request')).filter((e) => e.method === 'GET').map((e) => e.path);
  assert.ok(pages.includes('/accounts/messages_and_story_replies/'), pages.join(' '));
});

test('messaging: unlink (people on Facebook can no longer message you)', async () => {
  await setState(env.stage, { locale: 'fr', linked: true, messagingUpdated: true, othersOnFacebook: 'chats' });
  await readStatusFirst();
  assert.equal(await switchState(env.popup, 'messaging'), 'true');
  const rec = await runFromPopup(env.popup, '[data-switch="messaging"]');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.result.messaging.othersOnFacebook, 'none');
  assert.equal((await stageState(env.stage)).othersOnFacebook, 'none');
  assert.deepEqual((await stageLog(env.stage, 'action')).map((e) => e.action), ['set_others_on_facebook choice=none']);
  assert.equal(await outcomeText(env.popup), 'Done: people on Facebook can no longer message you on Instagram.');
  await until(() => switchState(env.popup, 'messaging'), (v) => v === 'false', { what: 'messaging switch off' });
});

test('read status: every value read, no action taken', async () => {
  const truth = READ_TRUTH;
  await setState(env.stage, { layout: 'B', ...truth });
  const rec = await runFromPopup(env.popup, '#read-status');
  await assertReadWithoutActing(env.stage, rec);
  await until(() => statusText(env.popup), (t) => t === 'Linked to Facebook as Maria Souza', { what: 'status line' });
  for (const key of SWITCHES) assert.equal(await switchState(env.popup, key), String(truth.sharing[key]), key);
  assert.equal(await switchState(env.popup, 'messaging'), 'true');
});

test('nothing asked of the proxy but the stage hosts', () => {
  assert.deepEqual(env.ff.foreign(), []);
  const hosts = new Set(env.ff.proxy.tunnelled.map((h) => h.split(':')[0]));
  assert.ok(hosts.has('accountscenter.instagram.com') && hosts.has('www.facebook.com'), [...hosts].join(', '));
});

test('during a link, Facebook\'s scripts are registered (as package paths, which is what Firefox accepts), and unregistered after', async () => {
  const registered = () => env.popup.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, js: s.js, matches: s.matches })));
  await env.popup.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, clickPacingMs: 3000 } }));
  try {
    await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe'] });
    const started = await startFlow(env.popup, 'link', { facebookAccount: 'Jane Doe' });
    const [script] = await until(registered, (list) => list.length > 0, { what: 'the registered Facebook scripts' });
    assert.equal(script.id, 'crosslink-facebook');
    assert.ok(script.js.includes('content/snapshot.js') && script.js.includes('content/panel.js'), JSON.stringify(script.js));
    assert.ok(!script.js.includes('content/accountscenter.js'), 'not Accounts Center\'s own');
    assert.ok(script.matches.includes('https://www.facebook.com/*'), JSON.stringify(script.matches));
    const rec = await flowEnded(env.popup, { id: started.id, timeout: 60000 });
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    await until(registered, (list) => list.length === 0, { what: 'the scripts unregistered after the flow' });
  } finally {
    await env.popup.evaluate(() => chrome.storage.sync.remove('settings'));
  }
});
