// The person did not grant the optional Facebook permission. Headless Chromium never
// settles an unseeded chrome.permissions.request (no prompt to answer), which is, for the
// extension, exactly a person who does not grant it: the flow never waits for the answer.
// It checks chrome.permissions.contains whenever it reaches Facebook, may not read that
// page, and asks the person to check the address and press Continue there (check_address:
// it cannot see the address, so it never calls the page Facebook's); the test presses it by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setState, until } from './harness.mjs';
import { FACEBOOK_ORIGINS, actionNames, flowEnded, flowPage, flowRecord, stageLog, stageState, useFlowBrowser } from './flow-helpers.mjs';
import { text } from '../../web/texts.mjs';

const env = useFlowBrowser({ grant: false });
const waitFor = (pred, what) => until(() => flowRecord(env.popup), (r) => r && pred(r), { what, timeout: 20000, interval: 50 });

async function linkByHand(locale, layout) {
  await setState(env.stage, { locale, layout, linked: false });
  assert.equal(await env.popup.evaluate((o) => chrome.permissions.contains({ origins: o }), FACEBOOK_ORIGINS), false);
  await env.popup.bringToFront();
  await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  const asked = await waitFor((r) => r.asked === 'check_address', 'the flow to ask the person to press Continue');
  assert.equal(asked.status, 'needs_user');
  assert.equal(asked.screen, 'unreadable');
  assert.equal(await env.popup.evaluate(async (id) => (await chrome.tabs.get(id)).active, asked.tabId), true);
  assert.match(await env.popup.locator('#flow-ask').textContent(), /^The tab left the pages Crosslink can read\. Check that the address bar shows facebook\.com/);
  // Until the person acts, nothing happens on Facebook.
  assert.deepEqual(await actionNames(env.stage), []);

  const page = await flowPage(env);
  assert.match(page.url(), /^https:\/\/www\.facebook\.com\/login\//);
  await page.getByRole('button', { name: text(locale, 'fb.continue'), exact: true }).click();
  const rec = await flowEnded(env.popup, { id: asked.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.result.facebookName, 'Jane Doe');
  const state = await stageState(env.stage);
  assert.equal(state.linked, true);
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
  // The Continue on Facebook was the person's (a trusted click); the extension had no script there.
  const cont = (await stageLog(env.stage, 'request')).filter((e) => e.host === 'www.facebook.com' && e.method === 'POST');
  assert.equal(cont.length, 1);
  assert.equal(await env.popup.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((l) => l.length)), 0);
}

test('refused: the flow asks the person to press Continue on Facebook and resumes when Accounts Center comes back (en, A)', async () => {
  await linkByHand('en', 'A');
});

test('refused: the same in another locale and layout (fr, B)', async () => {
  await linkByHand('fr', 'B');
});

test('refused, Facebook logged out: the person logs in and continues; the form only ever sees their own typing', async () => {
  await setState(env.stage, { linked: false, facebookLoggedIn: false });
  await env.popup.bringToFront();
  await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  const asked = await waitFor((r) => r.asked === 'check_address', 'the ask');
  const page = await flowPage(env);
  await page.getByRole('textbox', { name: text('en', 'fb.login.email'), exact: true }).fill('jane@example.com');
  await page.getByLabel(text('en', 'fb.login.password'), { exact: true }).fill('typed-by-the-person');
  await page.getByRole('button', { name: text('en', 'fb.login.submit'), exact: true }).click();
  await page.getByRole('button', { name: text('en', 'fb.continue'), exact: true }).click();
  const rec = await flowEnded(env.popup, { id: asked.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal((await stageState(env.stage)).linked, true);
  const inputs = await stageLog(env.stage, 'login_input');
  assert.ok(inputs.length > 0 && inputs.every((e) => e.trusted === true), JSON.stringify(inputs));
});
