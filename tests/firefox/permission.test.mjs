// The optional Facebook permission in Firefox, with its real prompt (prompts on, as for a
// person). Firefox dismisses the prompt — permissions.request() resolves false — when
// another tab takes the focus, so in Firefox the popup starts the link flow only once the
// person answered (extension/background/platform.js). The prompt is answered from the
// parent process, as a person would press its buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerPermissionPrompt, permissionPrompts, setState, until, POPUP_URL } from './harness.mjs';
import { actionNames, flowEnded, flowRecord, otherPages, stageLog, stageState, useFirefox } from './flow-helpers.mjs';
import { text } from '../../web/texts.mjs';
import { FACEBOOK_ORIGINS } from '../e2e/harness.mjs';

const env = useFirefox({ grant: false });
const granted = () => env.popup.evaluate((o) => chrome.permissions.contains({ origins: o }), FACEBOOK_ORIGINS);
const note = () => env.popup.evaluate(() => { const n = document.getElementById('permission-note'); return n.hidden ? '' : n.textContent; });
const REFUSED = "Crosslink may not read Facebook's pages. When Facebook asks, press Continue there yourself; the link goes on by itself after that.";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Clicks Link; the prompt shows on the popup's tab and no flow starts before the answer. */
async function clickLinkToPrompt() {
  await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe'] });
  assert.equal(await granted(), false);
  const before = await flowRecord(env.popup);
  await env.popup.bringToFront();
  await env.popup.click('#link');
  await until(() => permissionPrompts(env.ff.browser), (p) => p.length === 1, { what: 'the permission prompt' });
  assert.deepEqual(await permissionPrompts(env.ff.browser), [POPUP_URL]);
  await sleep(300);
  assert.equal((await flowRecord(env.popup))?.id, before?.id, 'no flow before the answer');
  assert.deepEqual(await otherPages(env), [], 'no tab opened before the answer');
  return before;
}

async function flowAfter(before) {
  return until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id, { what: 'the link flow to start', timeout: 5000 });
}

test('"Deny": the popup says so, the flow asks the person to press Continue on Facebook, and links once they did', async () => {
  const before = await clickLinkToPrompt();
  assert.equal(await answerPermissionPrompt(env.ff.browser, false), "Deny");
  await until(note, (t) => t === REFUSED, { what: 'the refusal said in the popup' });
  const started = await flowAfter(before);
  const asked = await until(() => flowRecord(env.popup), (r) => r.id === started.id && ['check_address', 'press_continue'].includes(r.asked),
    { what: 'the flow to ask for Continue', timeout: 20000 });
  assert.equal(asked.status, 'needs_user');
  assert.deepEqual(await actionNames(env.stage), [], 'nothing done on Facebook until the person acts');
  const [page] = await until(() => otherPages(env), (p) => p.length === 1 && /facebook\.com/.test(p[0].url()), { what: 'the Facebook tab' });
  assert.match(page.url(), /^https:\/\/www\.facebook\.com\/login\//);
  const cont = await page.evaluateHandle((label) => [...document.querySelectorAll('button, [role="button"]')].find((b) => b.textContent.trim() === label),
    text('en', 'fb.continue'));
  await cont.asElement().click();
  const rec = await flowEnded(env.popup, { id: started.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal((await stageState(env.stage)).linked, true);
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
  const posts = (await stageLog(env.stage, 'request')).filter((e) => e.host === 'www.facebook.com' && e.method === 'POST');
  assert.equal(posts.length, 1, 'the one Continue on Facebook was the person\'s');
  assert.equal(await granted(), false);
  assert.equal(await env.popup.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((l) => l.length)), 0);
});

test('the prompt loses the focus to another tab: Firefox dismisses it, and the popup says the permission was refused', async () => {
  const before = await clickLinkToPrompt();
  const other = await env.ff.browser.newPage();
  await other.bringToFront();
  await until(note, (t) => t === REFUSED, { what: 'the dismissal said in the popup' });
  assert.deepEqual(await permissionPrompts(env.ff.browser), [], 'the prompt is gone');
  await other.close();
  await env.popup.bringToFront();
  // The answer (a dismissal is a "no") starts the flow, as after "Deny"; it is not this test's subject.
  await flowAfter(before);
  await env.popup.evaluate(() => chrome.runtime.sendMessage({ type: 'popup/cancelFlow' }));
});

test('"Allow": granted at the prompt, the flow then reads Facebook itself and links with no help', async () => {
  const before = await clickLinkToPrompt();
  assert.equal(await answerPermissionPrompt(env.ff.browser, true), 'Allow');
  const started = await flowAfter(before);
  const rec = await flowEnded(env.popup, { id: started.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.asked, '', 'never asked the person');
  assert.equal(await note(), '');
  assert.equal(await granted(), true);
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
  // Registered for the flow only: gone once it ended (tests/e2e/flow-scope.test.mjs in Chromium).
  assert.equal(await env.popup.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((l) => l.map((s) => s.id).join())), '');
});
