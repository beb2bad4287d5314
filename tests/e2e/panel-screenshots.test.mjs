// The README's pictures of the panel in the flow's own page (issue 16): during a link, and
// a guided step (a wording the core does not know: web/variants.mjs unknownWording). Taken
// at the harness's fixed clock, time zone and language like the other README shots
// (options-screenshots.test.mjs): build/screenshots/ on every run, docs/screenshots/ when
// missing or with SCREENSHOTS=update, and otherwise the same size as a fresh shot.
import { test } from 'node:test';
import { FIXED_NOW, setState, until } from './harness.mjs';
import { keep as keepShot } from './screenshot-helpers.mjs';
import { flowEnded, flowPage, flowRecord, flowRecordConsenting, pacedClickPending, panelText, sendFromPopup, useFlowBrowser } from './flow-helpers.mjs';

const env = useFlowBrowser({ clock: FIXED_NOW });
const VIEWPORT = { width: 960, height: 600 };
const keep = (name, buffer) => keepShot(name, buffer, VIEWPORT);

async function linkFromPopup() {
  let before = await flowRecord(env.popup);
  if (before && !['done', 'error', 'cancelled'].includes(before.status)) before = await flowEnded(env.popup, { id: before.id });
  await env.popup.bringToFront();
  await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  return until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id, { timeout: 5000, interval: 25, what: 'the link flow' });
}
const setPacing = (ms) => env.popup.evaluate((value) => (value === null ? chrome.storage.sync.remove('settings')
  : chrome.storage.sync.set({ settings: { version: 1, clickPacingMs: value } })), ms);

async function shoot(page) {
  await page.evaluate(() => document.fonts.ready);
  await page.bringToFront();
  return page.screenshot({ animations: 'disabled' });
}

test('screenshot: the panel during a link (the next click named, Cancel at hand)', async () => {
  await setPacing(8000);
  try {
    await setState(env.stage, { linked: false });
    const started = await linkFromPopup();
    const page = await flowPage(env);
    await page.setViewportSize(VIEWPORT);
    // A paced click: one click made and the next one waiting (the first click of a flow is
    // made at once, so the panel naming it may be gone with the page before the shot).
    await until(async () => ({ rec: await flowRecord(env.popup), text: await panelText(page) }),
      ({ rec, text }) => pacedClickPending(rec) && /Step [2-9]/.test(text) && /Next: Crosslink clicks “[^”]+”/.test(text),
      { what: 'the panel naming the next (paced) click', timeout: 20000 });
    keep('panel-link.png', await shoot(page));
    await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
    await flowEnded(env.popup, { id: started.id });
  } finally {
    await setPacing(null);
  }
});

test('screenshot: a guided step (a button the core cannot find: the step in words, the likeliest match outlined)', async () => {
  await setState(env.stage, { linked: false, unknownWording: 'finish' });
  const started = await linkFromPopup();
  await until(() => flowRecordConsenting(env.popup), (r) => r.id === started.id && r.guide, { what: 'the guided step', timeout: 30000, interval: 50 });
  const page = await flowPage(env);
  await page.setViewportSize(VIEWPORT);
  await until(() => panelText(page), (t) => /Crosslink could not find “Yes, finish setup”/.test(t), { what: 'the guided step in the panel' });
  await new Promise((r) => setTimeout(r, 300));  // the outline drawn after the resize
  keep('panel-guided.png', await shoot(page));
  await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
  await flowEnded(env.popup, { id: started.id });
});
