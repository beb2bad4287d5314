// Issue 17, "Never a wrong click", on the stage: a milestone is clicked once even when its
// screen shows a spinner that is not the click's effect (finishSpinner, web/variants.mjs);
// Facebook's "Continue as <name>" is clicked only after the person confirmed that name,
// with one click in the popup or in the panel of the flow's page; Unlink removes only the
// account the person named. The stage's audit log is what was done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setState, until } from './harness.mjs';
import {
  actionNames, flowEnded, flowPage, flowRecord, stageLog, stageState, startFlow, useFlowBrowser,
} from './flow-helpers.mjs';

const env = useFlowBrowser();
const waitFor = (pred, what, timeout = 30000) => until(() => flowRecord(env.popup), (r) => r && pred(r), { what, timeout, interval: 50 });

async function linkFromPopup() {
  const before = await flowRecord(env.popup);
  await env.popup.bringToFront();
  await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  return until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id, { timeout: 5000, interval: 25, what: 'the link flow' });
}

test('a spinner on the finish screen is not the finish click\'s effect: "Yes, finish setup" is clicked once', async () => {
  await setState(env.stage, { linked: false, finishSpinner: 2500 });
  // From the popup's button (which also asks for Facebook's permission); the person's
  // confirmation of the account on the way is given as they would (the next tests' subject).
  const started = await linkFromPopup();
  const rec = await flowEnded(env.popup, { id: started.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal((await stageState(env.stage)).linked, true);
  // One link request, none refused: the finish button was never clicked a second time.
  assert.deepEqual((await actionNames(env.stage)).filter((n) => n === 'link'), ['link']);
  assert.deepEqual((await stageLog(env.stage, 'refused')).map((e) => e.name), []);
  assert.equal(rec.state.steps.filter((s) => s === 'finish_yes').length, 1);
});

test('consent in the popup: the name Facebook offers is shown, nothing is clicked on Facebook until the person confirms it', async () => {
  await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe'] });
  const started = await linkFromPopup();
  const asked = await waitFor((r) => r.id === started.id && r.asked === 'confirm_account', 'the flow to ask to confirm the account');
  assert.deepEqual(asked.choices, ['Jane Doe']);
  assert.equal(asked.status, 'needs_user');
  await env.popup.bringToFront();
  assert.equal(await env.popup.locator('#flow-ask').textContent(),
    'Facebook offers to link the account Jane Doe. Link this Facebook account to your Instagram account?');
  // Waiting: nothing done on Facebook's side.
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(await actionNames(env.stage), []);
  assert.equal((await flowRecord(env.popup)).asked, 'confirm_account');
  await env.popup.getByRole('button', { name: 'Yes, link Jane Doe', exact: true }).click();
  const rec = await flowEnded(env.popup, { id: started.id, consent: false });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.result.facebookName, 'Jane Doe');
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
});

/** The panel's button with this name, clicked with the mouse (a trusted click) through its box in the accessibility tree. */
async function clickPanelButton(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const box = await until(async () => {
    let nodes;
    try {
      ({ nodes } = await cdp.send('Accessibility.getFullAXTree'));
    } catch {
      return null;
    }
    const node = nodes.find((n) => !n.ignored && n.role?.value === 'button' && n.name?.value === name);
    if (!node) return null;
    try {
      return (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })).model.border;
    } catch {
      return null;
    }
  }, (b) => b, { what: `the panel's "${name}"`, timeout: 15000 });
  await page.mouse.click((box[0] + box[2]) / 2, (box[1] + box[5]) / 2);
}

test('consent in the panel of Facebook\'s page: one click on the name, then the flow goes on', async () => {
  await setState(env.stage, { linked: false, facebookAccounts: ['Jane Doe'] });
  const started = await linkFromPopup();
  await waitFor((r) => r.id === started.id && r.asked === 'confirm_account', 'the flow to ask to confirm the account');
  const page = await flowPage(env);
  assert.match(page.url(), /^https:\/\/www\.facebook\.com\//);
  await page.bringToFront();
  await clickPanelButton(page, 'Yes, link Jane Doe');
  const rec = await flowEnded(env.popup, { id: started.id, consent: false });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
  // A page script's click on the panel cannot answer: the panel is in a closed root and
  // acts on trusted events only (panel.test.mjs); the core takes only a name it offered.
});

test('unlink from the popup removes the account the popup named; started without a name it asks first and removes nothing until then', async () => {
  await setState(env.stage, { linked: true, facebookName: 'Jane Doe' });
  const started = await startFlow(env.popup, 'unlink');
  const asked = await waitFor((r) => r.id === started.id && r.asked === 'confirm_unlink', 'the flow to ask to confirm the removal');
  assert.deepEqual(asked.choices, ['Jane Doe']);
  assert.equal(asked.state.clicks, 0);
  await env.popup.bringToFront();
  assert.equal(await env.popup.locator('#flow-ask').textContent(), 'Remove the Facebook account Jane Doe from Accounts Center?');
  assert.deepEqual(await actionNames(env.stage), []);
  await env.popup.getByRole('button', { name: 'Remove Jane Doe', exact: true }).click();
  const rec = await flowEnded(env.popup, { id: started.id, consent: false });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal((await stageState(env.stage)).linked, false);
  assert.deepEqual((await actionNames(env.stage)).filter((n) => n === 'remove_account'), ['remove_account']);
});
