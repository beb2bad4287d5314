// What the figures' scripts share (tests/bench/README.md): the median, a poll for a truthy
// value, and one link flow through the extension against the stage.
import fs from 'node:fs';
import path from 'node:path';
import { FACEBOOK_ORIGINS, launch, root, stageRequest, startStage, until } from '../e2e/harness.mjs';

const ENDED = ['done', 'error', 'cancelled'];

/** The median of the numbers (null for none). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Polls read() every 10 ms until it gives something truthy, which it returns. */
export async function poll(read, what, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const flowRecord = (popup) => popup.evaluate(async () => (await chrome.storage.session.get('flow')).flow ?? null);

/**
 * One link flow from the popup (env = {stage, browser, popup}) on a reset stage, with only
 * the popup and `keep` open: the first through the button (its click activates the
 * pre-granted permission; the person confirms the account offered, one click), the others
 * started for the account the stage offers (no consent ask, issue 17). Returns the ended
 * record; throws when it did not end done or the stage is not linked.
 */
export async function linkOnce(env, first, { keep = [], timeout = 60000, interval = 20 } = {}) {
  await stageRequest(env.stage, '/__stage/reset', {});
  for (const page of env.browser.context.pages()) if (page !== env.popup && !keep.includes(page)) await page.close();
  const before = await flowRecord(env.popup);
  if (first) {
    // (The button shows unless a reading says linked.)
    await env.popup.evaluate(() => chrome.storage.local.remove(['linkStatus', 'linkStatusAccounts']));
    await env.popup.bringToFront();
    await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  } else {
    const reply = await env.popup.evaluate(() => chrome.runtime.sendMessage({ type: 'popup/startFlow', flow: 'link', params: { facebookAccount: 'Jane Doe' } }));
    if (!reply.ok) throw new Error(`start: ${JSON.stringify(reply.error)}`);
  }
  const rec = await until(async () => {
    const r = await flowRecord(env.popup);
    if (r && r.id !== before?.id && r.status === 'needs_user' && r.asked === 'confirm_account') {
      await env.popup.evaluate((choice) => chrome.runtime.sendMessage({ type: 'popup/answerFlow', choice }), r.choices?.[0] ?? '');
    }
    return r;
  }, (r) => r && r.id !== before?.id && ENDED.includes(r.status), { timeout, interval, what: 'the link flow' });
  if (rec.status !== 'done') throw new Error(`link flow: ${rec.status} ${JSON.stringify(rec.error)}`);
  if (!(await stageRequest(env.stage, '/__stage/state')).linked) throw new Error('link flow done but the stage is not linked');
  return rec;
}

/**
 * measure({stage, browser, popup}) in a stage and a browser with the extension (Facebook's
 * and Meta's hosts granted) and its popup in a tab; both closed after. Returns its result.
 */
export async function withExtension(measure) {
  const stage = await startStage();
  const browser = await launch(stage, { grantHosts: FACEBOOK_ORIGINS });
  try {
    const popup = await browser.context.newPage();
    await popup.goto(browser.popupUrl);
    return await measure({ stage, browser, popup });
  } finally {
    await browser.close();
    await stage.close();
  }
}

/** Writes a figure's result to build/bench/<name>.json. */
export function writeFigure(name, out) {
  const dir = path.join(root, 'build/bench');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
}
