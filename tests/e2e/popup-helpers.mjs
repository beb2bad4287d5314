// What the popup tests share (popup-account, popup-fresh): one stage and browser per file
// at the harness's fixed clock, and before each test a reset stage, no flow, empty storage,
// no tab but the test's own page, which leaves the popup of the test before (so its storage
// listener cannot start a quiet read into the next test).
import { beforeEach } from 'node:test';
import { FIXED_NOW, stageRequest, until, useBrowser } from './harness.mjs';
import { clearStorage } from './options-helpers.mjs';

/**
 * Registers the fixture; `use` gets {stage, browser, page} once they are up. The env it
 * returns also reads the worker's state: worker(), flowRecord(), local(key), and opens the
 * popup in the test's page: openPopup().
 */
export function usePopupBrowser(use) {
  const env = useBrowser(use, { clock: FIXED_NOW });
  env.worker = () => popupWorker(env.browser);
  env.flowRecord = () => storedFlow(env.browser);
  env.local = (key) => storedLocal(env.browser, key);
  env.openPopup = () => openPopup(env.browser, env.page);
  beforeEach(async () => {
    await env.page.goto('about:blank');
    await stageRequest(env.stage, '/__stage/reset', {});
    await popupWorker(env.browser).evaluate(() => chrome.storage.session.remove('flow'));
    await clearStorage(env.browser);
    for (const p of env.browser.context.pages()) if (p !== env.page) await p.close();
  });
  return env;
}

export const MINUTE = 60000;
export const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';
/** A stored reading of Accounts Center two minutes before the fixed clock: linked as Jane Doe. */
export const storedReading = (extra) => ({ readAt: FIXED_NOW - 2 * MINUTE, url: ACCOUNTS, linked: true, facebookName: 'Jane Doe', instagramUsername: 'jane.ig', ...extra });

export const popupWorker = (browser) => browser.context.serviceWorkers()[0];
/** The flow record as the worker keeps it (null when none). */
export const storedFlow = (browser) => popupWorker(browser).evaluate(async () => (await chrome.storage.session.get('flow')).flow ?? null);
/** One chrome.storage.local item (null when absent). */
export const storedLocal = (browser, key) => popupWorker(browser).evaluate(async (k) => (await chrome.storage.local.get(k))[k] ?? null, key);

/** The popup in the test's page, once its status line says something. */
export async function openPopup(browser, page) {
  await page.goto(browser.popupUrl);
  await until(() => page.locator('#status-line').textContent(), (t) => t.length > 0, { what: 'the status line' });
}
