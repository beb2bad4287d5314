// The popup as a person opens it: the real toolbar panel (not the popup page in a tab, as
// the other files use it), clicked with real mouse input from the parent process, with
// Firefox's permission prompt on (as for a person). The panel shows the status read from
// Accounts Center; Link asks for the Facebook permission and, in Firefox, starts the flow
// once it was answered (platform.js) — both answers, each with its own ending.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerPermissionPrompt, clickInToolbarPopup, closeToolbarPopup, inToolbarPopup, openToolbarPopup, permissionPrompts, setState, until,
} from './harness.mjs';
import { actionNames, flowEnded, flowRecord, otherPages, stageState, useFirefox } from './flow-helpers.mjs';

const env = useFirefox({ grant: false });
const panelText = (id) => inToolbarPopup(env.popup, (w, i) => w.document.getElementById(i).textContent, id);
const noteText = () => inToolbarPopup(env.popup, (w) => { const n = w.document.getElementById('permission-note'); return n.hidden ? '' : n.textContent; });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function openPanel() {
  await openToolbarPopup(env.ff.browser);
  await until(() => inToolbarPopup(env.popup, (w) => Boolean(w.document.getElementById('status-line')?.dataset.state)), (ok) => ok === true,
    { what: 'the toolbar popup ready' });
}

afterEach(async () => {
  await closeToolbarPopup(env.ff.browser);
  await until(() => inToolbarPopup(env.popup, () => true), (open) => open === null, { what: 'the toolbar popup closed' });
});

async function linkToPrompt() {
  await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe'] });
  const before = await flowRecord(env.popup);
  await openPanel();
  assert.equal(await clickInToolbarPopup(env.ff.browser, env.popup, '#link'), true);
  await until(() => permissionPrompts(env.ff.browser), (p) => p.length === 1, { what: 'the permission prompt' });
  await sleep(300);
  assert.equal((await flowRecord(env.popup))?.id, before?.id, 'no flow before the answer');
  assert.equal(await inToolbarPopup(env.popup, () => true), true, 'the panel stays open with the prompt');
  return before;
}

test('the toolbar popup shows the status the background read from Accounts Center', async () => {
  await setState(env.stage, { linked: true, facebookName: 'Maria Souza' });
  const page = await env.ff.browser.newPage();
  await page.goto('https://accountscenter.instagram.com/accounts/');
  await until(() => env.popup.evaluate(async () => (await chrome.storage.local.get('linkStatus')).linkStatus?.facebookName ?? null),
    (n) => n === 'Maria Souza', { what: 'the status stored' });
  await page.close();
  await env.popup.bringToFront();
  await openPanel();
  assert.equal(await panelText('status-line'), 'Linked to Facebook as Maria Souza');
  assert.match(await panelText('status-time'), /^Read from Accounts Center at /);
});

test('toolbar popup, Link, "Deny": the panel says so and the flow asks the person to press Continue on Facebook', async () => {
  const before = await linkToPrompt();
  assert.equal(await answerPermissionPrompt(env.ff.browser, false), 'Deny');
  await until(noteText, (t) => /^Crosslink may not read Facebook's pages\./.test(t), { what: 'the refusal in the panel' });
  const rec = await until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id && ['check_address', 'press_continue'].includes(r.asked),
    { what: 'the flow to ask for Continue', timeout: 20000 });
  assert.equal(rec.status, 'needs_user');
  assert.deepEqual(await actionNames(env.stage), []);
  assert.ok((await otherPages(env)).some((p) => /^https:\/\/www\.facebook\.com\//.test(p.url())), 'the flow is on Facebook, waiting');
});

test('toolbar popup, Link, "Allow": granted, the flow reads Facebook itself and links; the panel shows it', async () => {
  const before = await linkToPrompt();
  assert.equal(await answerPermissionPrompt(env.ff.browser, true), 'Allow');
  const started = await until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id, { what: 'the flow to start' });
  const rec = await flowEnded(env.popup, { id: started.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.asked, '');
  assert.equal((await stageState(env.stage)).linked, true);
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
  if (await inToolbarPopup(env.popup, () => true)) {
    await until(() => panelText('status-line'), (t) => t === 'Linked to Facebook as Jane Doe', { what: 'the panel\'s status' });
  }
});
