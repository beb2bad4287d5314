// What the share and composer tests share: settings written where the extension reads
// them, the URL of a tab the extension opens (captured without loading it: every host
// but the stage's resolves to nowhere), and the controls on a page.
import { until } from './harness.mjs';

export const FEED = 'https://www.instagram.com/';
export const CONTROL = '[data-crosslink="share"]';
export const enc = encodeURIComponent;

/** The extension's settings in chrome.storage.sync, as the options page will write them. */
export async function setSettings(browser, settings) {
  const [worker] = browser.context.serviceWorkers();
  await worker.evaluate((value) => (value === null ? chrome.storage.sync.remove('settings') : chrome.storage.sync.set({ settings: value })), settings);
}

export function settingsWith({ networks = ['facebook', 'x', 'tumblr', 'okru', 'copy'], applyDefault = false, shareToFacebook = false } = {}) {
  return { version: 1, share: { networks }, composer: { applyDefault, shareToFacebook }, locale: 'auto', clickPacingMs: 400, logSize: 500 };
}

/**
 * Runs action() and returns the URL of the tab it opens. Every host but the stage's
 * resolves nowhere, yet even the attempt would show in the NetLog guard, and a tab the
 * worker creates starts loading before Playwright can route it. So the worker's
 * chrome.tabs.create is wrapped for the call: the arguments it was given are kept, and
 * the tab opens on about:blank at the same place (index, opener).
 */
export async function newTabUrl(browser, action) {
  const worker = browser.context.serviceWorkers()[0] ?? await browser.context.waitForEvent('serviceworker');
  await worker.evaluate(() => {
    const real = chrome.tabs.create.__real ?? chrome.tabs.create.bind(chrome.tabs);
    globalThis.__crosslinkOpened = [];
    chrome.tabs.create = Object.assign((props) => {
      globalThis.__crosslinkOpened.push(props.url);
      return real({ ...props, url: 'about:blank' });
    }, { __real: real });
  });
  const opened = browser.context.waitForEvent('page', { timeout: 10000 });
  await action();
  const tab = await opened;
  const url = await until(() => worker.evaluate(() => globalThis.__crosslinkOpened[0] ?? ''), (u) => u !== '',
    { what: 'the worker to open a tab' });
  await tab.close();
  return url;
}

/** Controls per post, for every <article> on the page. */
export const controlsPerPost = (page) =>
  page.$$eval('article', (all, sel) => all.map((a) => a.querySelectorAll(sel).length), CONTROL);

export const waitForControls = (page, count) =>
  until(() => page.locator(CONTROL).count(), (n) => n >= count, { what: `${count} share controls`, timeout: 20000 });

/** The permalink an <article> links to, as the site wrote it. */
export const permalinkOf = (article) =>
  article.locator('a[href^="/p/"], a[href^="/reel/"]').first().getAttribute('href');
