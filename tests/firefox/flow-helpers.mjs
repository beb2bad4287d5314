// What the Firefox flow tests share (as tests/e2e/flow-helpers.mjs does for Chromium): one
// stage, proxy and Firefox per test file, the popup in a tab, the stage reset between
// tests, and the stage's server state and audit log read back.
import { after, before, beforeEach } from 'node:test';
import { POPUP_URL, launchFirefox, openExtensionPage, stageRequest, startStage, until } from './harness.mjs';

export const SWITCHES = ['posts', 'reels', 'stories', 'facebookStories'];
const ENDED = ['done', 'error', 'cancelled'];
export const popupReady = () => Boolean(document.getElementById('status-line')?.dataset.state);

/** Registers before/after/beforeEach; returns a live {stage, ff, popup}. */
export function useFirefox({ grant = true, reset = true } = {}) {
  const env = { stage: null, ff: null, popup: null };
  before(async () => {
    env.stage = await startStage();
    env.ff = await launchFirefox(env.stage, { grant });
    env.popup = await openExtensionPage(env.ff.browser, POPUP_URL, popupReady);
  });
  after(async () => {
    try { await env.ff?.close(); } finally { await env.stage?.close(); }
  });
  if (reset) {
    beforeEach(async () => {
      await stageRequest(env.stage, '/__stage/reset', {});
      const rec = await flowRecord(env.popup);
      if (rec && !ENDED.includes(rec.status)) await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
      for (const page of await otherPages(env)) await page.close();
      await clearReadings(env.popup);
    });
  }
  return env;
}

/** Tabs other than the popup (the flow's tab, opened by the extension). */
export async function otherPages(env) {
  return (await env.ff.browser.pages()).filter((p) => p !== env.popup && p.url() !== 'about:blank');
}

export const statusText = (popup) => popup.evaluate(() => document.getElementById('status-line').textContent);
export const outcomeText = (popup) => popup.evaluate(() => document.getElementById('flow-outcome').textContent);
export const switchState = (popup, key) =>
  popup.evaluate((k) => document.querySelector(`[data-switch="${k}"]`).getAttribute('aria-checked'), key);
// The stage's state and log and the flow record, read as the Chromium tests read them.
import {
  READ_TRUTH, actionNames, assertLinkedJaneDoe, assertReadWithoutActing, assertUnlinked, clearReadings, flowEnded, flowRecord, sendFromPopup, stageLog, stageState,
} from '../e2e/flow-helpers.mjs';

export { READ_TRUTH, actionNames, assertLinkedJaneDoe, assertReadWithoutActing, assertUnlinked, flowEnded, flowRecord, sendFromPopup, stageLog, stageState };

/** A real click (BiDi input actions: a user gesture) on a popup control; waits for a new flow to start. */
export async function clickToStart(popup, selector) {
  const before = await flowRecord(popup);
  await popup.bringToFront();
  await popup.click(selector);
  // Unlink asks first ("Unlink <Facebook name> from <Instagram account>?"): confirm.
  if (selector === '#unlink') await popup.click('#unlink-yes');
  return until(() => flowRecord(popup), (r) => r && r.id !== before?.id,
    { timeout: 5000, interval: 25, what: `a flow started by ${selector}` });
}

/** Clicks a popup control; returns the new flow's record once it ended. */
export async function runFromPopup(popup, selector, { timeout } = {}) {
  const started = await clickToStart(popup, selector);
  return flowEnded(popup, { id: started.id, timeout });
}

export async function startFlow(popup, flow, params = {}) {
  const reply = await sendFromPopup(popup, { type: 'popup/startFlow', flow, params });
  if (!reply.ok) throw new Error(`startFlow: ${JSON.stringify(reply.error)}`);
  return reply.flow;
}
