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
 * Runs action() and returns the URL of the tab it opens. The tab's own URL is an error
 * page (the host resolves nowhere); its navigation entry keeps what was asked for.
 */
export async function newTabUrl(browser, action) {
  const opened = browser.context.waitForEvent('page', { timeout: 10000 });
  await action();
  const tab = await opened;
  const cdp = await browser.context.newCDPSession(tab);
  const url = await until(async () => (await cdp.send('Page.getNavigationHistory')).entries.at(-1)?.url ?? '',
    (u) => u && u !== 'about:blank', { what: 'the new tab to navigate' });
  await cdp.detach();
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
