// Meta's other hosts (issue 15 item 2, FACTS.md December 2026): Accounts Center is also at
// accountscenter.facebook.com and accountscenter.meta.com, and Facebook's hand-off may
// return there. The Link click asks for them with Facebook's (the manifest's
// optional_host_permissions, pre-granted here as a person who allowed them), so the flow
// goes on there: the finish step is read and clicked on the other host, and the link is
// read back on the accounts list. Likewise Facebook's login step on web. or touch.facebook.com
// and the hand-off through auth.meta.com.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalInContentScript, setState, until } from './harness.mjs';
import {
  FACEBOOK_ORIGINS, actionNames, flowEnded, flowPage, flowRecord, flowRecordConsenting, pacedClickPending, panelText, runFromPopup,
  stageLog, stageState, useFlowBrowser,
} from './flow-helpers.mjs';

const env = useFlowBrowser();

for (const host of ['accountscenter.meta.com', 'accountscenter.facebook.com']) {
  test(`link: Facebook's hand-off returns to ${host}, and the flow finishes there`, async () => {
    assert.ok(FACEBOOK_ORIGINS.includes(`https://${host}/*`), 'asked for at the Link click');
    await setState(env.stage, { linked: false, linkReturnHost: host });
    const rec = await runFromPopup(env.popup, 'button', 'Link to Facebook');
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    assert.equal(rec.result.facebookName, 'Jane Doe');
    assert.equal((await stageState(env.stage)).linked, true);
    assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
    // The finish step was answered on the other host, by the flow.
    const posts = (await stageLog(env.stage, 'action')).filter((e) => e.name === 'link');
    assert.deepEqual(posts.map((e) => e.host), [host]);
  });
}

// Facebook's login step on web. or touch.facebook.com, and the hand-off through auth.meta.com
// (FACTS.md, December 2026): asked for at the Link click too, so the flow goes on there.
for (const [key, host, action] of [['facebookLoginHost', 'web.facebook.com', 'facebook_continue'], ['facebookLoginHost', 'touch.facebook.com', 'facebook_continue'],
  ['handOffHost', 'auth.meta.com', null]]) {
  test(`link: ${key} ${host}, and the flow goes on through it`, async () => {
    assert.ok(FACEBOOK_ORIGINS.includes(`https://${host}/*`), 'asked for at the Link click');
    await setState(env.stage, { linked: false, [key]: host });
    const rec = await runFromPopup(env.popup, 'button', 'Link to Facebook');
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    assert.equal(rec.result.facebookName, 'Jane Doe');
    assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
    const requests = await stageLog(env.stage, 'request');
    assert.ok(requests.some((e) => e.host === host), `no request to ${host}`);
    // "Continue" was clicked on that host, by the flow.
    if (action) assert.deepEqual((await stageLog(env.stage, 'action')).filter((e) => e.name === action).map((e) => e.host), [host]);
  });
}

test('on accountscenter.meta.com the panel speaks and its Cancel is taken, as on Instagram\'s hosts', async () => {
  const setPacing = (ms) => env.popup.evaluate((value) => (value === null ? chrome.storage.sync.remove('settings')
    : chrome.storage.sync.set({ settings: { version: 1, clickPacingMs: value } })), ms);
  await setPacing(6000);  // the finish click waits: the panel names it meanwhile
  try {
    await setState(env.stage, { linked: false, linkReturnHost: 'accountscenter.meta.com' });
    const before = await flowRecord(env.popup);
    await env.popup.bringToFront();
    await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
    const started = await until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id, { what: 'the link flow' });
    const page = await flowPage(env);
    const seen = await until(async () => ({ rec: await flowRecordConsenting(env.popup), url: page.url(), text: await panelText(page) }),
      ({ rec, url, text }) => pacedClickPending(rec) && new URL(url).hostname === 'accountscenter.meta.com' && /Next: Crosslink clicks “/.test(text),
      { what: 'the panel naming the finish click on accountscenter.meta.com', timeout: 30000, interval: 100 });
    assert.match(seen.text, /^Crosslink Linking to Facebook Step \d+/, seen.text);
    // The panel's Cancel, as its button sends it from this page: the worker takes it from Meta's host too.
    const reply = await evalInContentScript(page, `chrome.runtime.sendMessage({ type: 'content/cancelFlow', flowId: ${JSON.stringify(started.id)} })`);
    assert.equal(reply.ok, true, JSON.stringify(reply));
    const rec = await flowEnded(env.popup, { id: started.id, timeout: 30000 });
    assert.equal(rec.status, 'cancelled');
    assert.equal((await stageState(env.stage)).linked, false);
    assert.deepEqual(await actionNames(env.stage), ['facebook_continue'], 'the finish was never clicked');
  } finally {
    await setPacing(null);
  }
});
