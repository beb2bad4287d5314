// What the share and composer tests share: settings written where the extension reads
// them, the URL of a tab the extension opens (captured without loading it: every host
// but the stage's resolves to nowhere), and the controls on a page.
import { until } from './harness.mjs';

export const FEED = 'https://www.instagram.com/';
export const CONTROL = '[data-crosslink="share"]';
export const enc = encodeURIComponent;
/** The official share URL each network's menu item opens for a post's permalink (its full https URL). */
export function officialShareUrls(permalink) {
  const u = enc(permalink);
  return {
    Facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    X: `https://x.com/intent/tweet?url=${u}`,
    Tumblr: `https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=${u}&content=${u}`,
    'OK.ru': `https://connect.ok.ru/offer?url=${u}`,
    Threads: `https://www.threads.net/intent/post?url=${u}`,
  };
}

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
// The worker opens at most one share tab a second per tab (share-routes.js): a test that
// shares again and again waits that long between shares, as a person would.
const SHARE_INTERVAL_MS = 1000;
let lastShareAt = 0;

/**
 * The worker's chrome.tabs.create, recorded: each URL it is asked to open is kept in
 * globalThis.__crosslinkOpened (emptied here) and the tab opens on about:blank, so
 * nothing leaves the stage.
 */
export async function recordTabs(worker) {
  await worker.evaluate(() => {
    const real = chrome.tabs.create.__real ?? chrome.tabs.create.bind(chrome.tabs);
    globalThis.__crosslinkOpened = [];
    chrome.tabs.create = Object.assign((props) => {
      globalThis.__crosslinkOpened.push(props.url);
      return real({ ...props, url: 'about:blank' });
    }, { __real: real });
  });
}

export async function newTabUrl(browser, action) {
  const wait = lastShareAt + SHARE_INTERVAL_MS + 50 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const worker = browser.context.serviceWorkers()[0] ?? await browser.context.waitForEvent('serviceworker');
  await recordTabs(worker);
  const opened = browser.context.waitForEvent('page', { timeout: 10000 });
  await action();
  const tab = await opened;
  lastShareAt = Date.now();
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

/**
 * Scrolls the page as a fast reader would: a screen at a time, every few frames, to
 * the end of the feed (more posts load at the bottom), so every post passes through the
 * viewport. At every step it checks each post that came into view since the step before
 * and had a frame on the page before that step (so the browser had computed where it
 * was before it was scrolled into view): it must have exactly one control already, i.e.
 * drawn before it scrolled into view. A post the site inserts into view, or right before
 * the step that brings it into view (this scroll outruns the feed's loading and waits at
 * the bottom for it) cannot have had one before: those are counted apart
 * (insertedInView) with the frames until their control (maxFramesToControl).
 * Every post is one of: in view at the start (initial), inserted into view, or checked.
 * Returns {steps, posts, initial, checked, late: [{step, index, controls}], insertedInView, maxFramesToControl}.
 */
export const scrollThrough = (page, { posts = 0, timeout = 240000, framesPerScreen = 3 } = {}) => page.evaluate(async ({ posts, timeout, framesPerScreen }) => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const started = performance.now();
  const late = [];
  const inView = (a) => { const box = a.getBoundingClientRect(); return box.bottom > 0 && box.top < innerHeight; };
  const controlsIn = (a) => a.querySelectorAll('[data-crosslink="share"]').length;
  let known = new Set(document.querySelectorAll('article'));  // on the page before the first look
  let older = known;  // on the page one look earlier still
  const seen = new Set([...known].filter(inView));  // posts that were in view at some look
  const initial = seen.size;
  const waiting = new Map();  // post inserted into view → frames so far without its control
  let insertedInView = 0;
  let maxFramesToControl = 0;
  let steps = 0;
  let checked = 0;
  for (;;) {
    // One frame: its callbacks run before that frame's intersection update, so a control
    // seen now was drawn for where the post was at the step before.
    await frame();
    const all = [...document.querySelectorAll('article')];
    all.forEach((a, index) => {
      if (seen.has(a) || !inView(a)) return;
      seen.add(a);  // the first time this post is in view
      if (!older.has(a)) {
        insertedInView += 1;
        if (controlsIn(a) !== 1) waiting.set(a, 0);
        return;
      }
      checked += 1;
      if (controlsIn(a) !== 1) late.push({ step: steps, index, controls: controlsIn(a) });
    });
    for (const [a, frames] of waiting) {
      if (controlsIn(a) === 1) { waiting.delete(a); maxFramesToControl = Math.max(maxFramesToControl, frames); } else waiting.set(a, frames + 1);
    }
    older = known;
    known = new Set(all);
    // The end: at the bottom, with all the posts the feed has (the caller says how many).
    const bottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    if (bottom && all.length >= posts && steps > 0 && !waiting.size) break;
    if (performance.now() - started > timeout) throw new Error(`scroll gave up at ${all.length} posts`);
    // A fast reader: a screen every few frames (at 60 frames a second, 3 frames a screen is
    // about 17,000 px/s); the page's work then gets the frames a person's scroll leaves it.
    for (let f = 1; f < framesPerScreen; f += 1) await frame();
    window.scrollBy(0, innerHeight);
    steps += 1;
  }
  return { steps, posts: document.querySelectorAll('article').length, initial, checked, late, insertedInView, maxFramesToControl };
}, { posts, timeout, framesPerScreen });
