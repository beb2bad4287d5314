// What the options, a11y and screenshot tests share: the options page opened and ready,
// and the extension's storage read and written from its worker.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './harness.mjs';

export const optionsUrl = (browser) => `chrome-extension://${browser.extensionId}/options/options.html`;

export async function openOptions(browser, page) {
  await page.goto(optionsUrl(browser));
  await page.waitForSelector('body[data-ready="true"], .notice.error', { timeout: 15000 });
}

const worker = (browser) => browser.context.serviceWorkers()[0];
/** Everything in chrome.storage.sync and chrome.storage.local. */
export const storage = (browser) => worker(browser).evaluate(async () => ({
  sync: await chrome.storage.sync.get(null),
  local: await chrome.storage.local.get(null),
}));
export const clearStorage = (browser) => worker(browser).evaluate(async () => {
  await chrome.storage.sync.clear();
  await chrome.storage.local.clear();
});
export const putStorage = (browser, area, items) =>
  worker(browser).evaluate(([a, v]) => chrome.storage[a].set(v), [area, items]);

export const messages = (locale) =>
  JSON.parse(fs.readFileSync(path.join(root, 'extension/_locales', locale, 'messages.json'), 'utf8'));

/** A stored activity log of n entries, as the core writes it. */
export function logOf(n, t0 = Date.UTC(2026, 0, 1)) {
  const entries = Array.from({ length: n }, (_, i) => ({ seq: i, t: t0 + i * 1000, type: 'share', outcome: 'ok', data: { network: 'x' } }));
  return { version: 1, next: n, entries };
}
