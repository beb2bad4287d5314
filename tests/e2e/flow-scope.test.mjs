// Crosslink is on Facebook's pages only while a flow needs it, and an ordinary page load
// never wakes its worker: the Facebook scripts are registered for a flow and gone after it,
// and only a page of a running flow says hello (content/wake).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalInContentScript, setState, until } from './harness.mjs';
import { ACCOUNTS, flowEnded, runFromPopup, startFlow, useFlowBrowser } from './flow-helpers.mjs';

const env = useFlowBrowser();
const registered = () => env.popup.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((l) => l.map((s) => s.id)));
const worker = () => env.browser.context.serviceWorkers()[0];
/** Counts content/wake messages reaching the worker from now on. */
const countWakes = () => worker().evaluate(() => {
  globalThis.testWakes = 0;
  if (!globalThis.testWakeListener) {
    globalThis.testWakeListener = (m) => { if (m?.type === 'content/wake') globalThis.testWakes += 1; };
    chrome.runtime.onMessage.addListener(globalThis.testWakeListener);
  }
});
const wakes = () => worker().evaluate(() => globalThis.testWakes);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('Facebook\'s scripts are registered during a flow only, even with the permission granted', async () => {
  assert.deepEqual(await registered(), [], 'no flow: nothing registered on facebook.com');
  await setState(env.stage, { linked: false, latencyMs: 300 });
  // Through the popup, as a person: the click asks for the permission (pre-granted here).
  await env.popup.bringToFront();
  await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  await until(registered, (ids) => ids.includes('crosslink-facebook'), { what: 'the Facebook scripts registered for the flow' });
  const rec = await flowEnded(env.popup);
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  await until(registered, (ids) => ids.length === 0, { what: 'the Facebook scripts unregistered after the flow' });
  assert.equal(await env.popup.evaluate(() => chrome.storage.local.get('flowRunning').then((r) => r.flowRunning ?? null)), null);
});

test('an Instagram or Accounts Center page opened outside a flow never wakes the worker', async () => {
  await setState(env.stage, { linked: true });
  await countWakes();
  const page = await env.browser.context.newPage();
  await page.goto('https://www.instagram.com/');
  await page.goto(ACCOUNTS);
  await sleep(2500);  // past the page's first hello and its one-second wake timer
  assert.equal(await wakes(), 0);
  await page.close();
});

test('during a flow, a page of another tab is told it is not the flow\'s; the flow goes on undisturbed', async () => {
  await setState(env.stage, { linked: true, latencyMs: 400 });
  await countWakes();
  const flow = await startFlow(env.popup, 'setSharing', { sharing: { posts: true, reels: true } });
  const other = await env.browser.context.newPage();
  await other.goto('https://www.instagram.com/');
  await until(wakes, (n) => n >= 1, { what: 'the other page\'s hello while a flow runs' });
  const reply = await evalInContentScript(other, "chrome.runtime.sendMessage({ type: 'content/wake' })");
  assert.deepEqual(reply, { ok: true, flowHere: false });
  const rec = await flowEnded(env.popup, { id: flow.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  assert.equal(rec.actions, 2);
  assert.notEqual(rec.tabId, undefined);
  await other.close();
});
