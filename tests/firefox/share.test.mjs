// The "Share to…" control in Firefox, on the stage's feed and on a post's own page: one
// per post, the menu's entries, and the exact official share URL each opens in a new tab.
// The share pages are outside the stage: their first request is caught by a WebDriver
// BiDi intercept (network.addIntercept, before it is sent), its URL kept, and failed there
// — so nothing reaches the proxy for those hosts, let alone the network.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, stageRequest, startStage, until } from './harness.mjs';
import { enc, officialShareUrls } from '../e2e/share-helpers.mjs';

const FEED = 'https://www.instagram.com/';
const CONTROL = '[data-crosslink="share"]';
const SHARE_HOSTS = ['www.facebook.com', 'x.com', 'www.tumblr.com', 'connect.ok.ru', 'www.threads.net'];

let stage;
let ff;
let page;
const caught = [];

before(async () => {
  stage = await startStage();
  ff = await launchFirefox(stage);
  const c = ff.browser.connection;
  // Only the share pages' paths on facebook.com (the stage serves the rest of it).
  await c.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [
      { type: 'pattern', protocol: 'https', hostname: 'www.facebook.com', pathname: '/sharer/sharer.php' },
      ...SHARE_HOSTS.slice(1).map((hostname) => ({ type: 'pattern', protocol: 'https', hostname })),
    ],
  });
  c.on('network.beforeRequestSent', (event) => {
    if (!event.isBlocked) return;
    caught.push(event.request.url);
    c.send('network.failRequest', { request: event.request.request }).catch(() => {});
  });
  page = await ff.browser.newPage();
  await page.bringToFront();
});
after(async () => {
  try { await ff?.close(); } finally { await stage?.close(); }
});

const controls = (p) => p.evaluate((sel) => document.querySelectorAll(sel).length, CONTROL);
const waitForControls = (p, n) => until(() => controls(p), (k) => k >= n, { what: `${n} share controls`, timeout: 20000 });
const menuItems = () => page.evaluate(() => [...document.querySelectorAll('[role="menuitem"]')].map((e) => e.textContent));

async function openMenu(articleIndex) {
  const sel = articleIndex === null ? CONTROL : `article:nth-of-type(${articleIndex + 1}) ${CONTROL}`;
  const [button] = await page.$$(articleIndex === null ? CONTROL : 'article').then(async (all) =>
    (articleIndex === null ? all : [await all[articleIndex].$(CONTROL)]));
  assert.ok(button, `a control (${sel})`);
  await button.click();
  await until(menuItems, (items) => items.length > 0, { what: 'the menu open' });
}

// The worker opens at most one share tab a second per tab (share-routes.js): shares here
// come no faster, as a person's would.
let lastShareAt = 0;

/** Clicks a menu entry; returns the URL of the share page the extension opened for it. */
async function opened(name) {
  const wait = lastShareAt + 1050 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const from = caught.length;
  const tabsBefore = new Set(await ff.browser.pages());
  const item = await page.evaluateHandle((n) => [...document.querySelectorAll('[role="menuitem"]')].find((e) => e.textContent === n), name);
  await item.asElement().click();
  await until(() => caught.length, (n) => n > from, { what: `the ${name} share page requested` });
  const fresh = await until(async () => (await ff.browser.pages()).filter((p) => !tabsBefore.has(p)), (n) => n.length === 1, { what: 'a new tab' });
  // The tab (its load failed at the intercept) is closed and the Instagram one in front
  // again: a background tab gets no frames, and the next click would wait for one.
  lastShareAt = Date.now();
  await fresh[0].close();
  await page.bringToFront();
  assert.equal(caught.length, from + 1, 'one request caught');
  return caught[from];
}

const permalink = (i) => page.evaluate((k) => document.querySelectorAll('article')[k]
  .querySelector('a[href^="/p/"], a[href^="/reel/"]').getAttribute('href'), i);

test('every post of the feed gets exactly one control', async () => {
  await stageRequest(stage, '/__stage/reset', {});
  await page.goto(FEED);
  const articles = await page.evaluate(() => document.querySelectorAll('article').length);
  assert.ok(articles >= 12, `feed shows ${articles} posts`);
  await waitForControls(page, articles);
  assert.deepEqual(await page.evaluate((sel) => [...document.querySelectorAll('article')].map((a) => a.querySelectorAll(sel).length), CONTROL),
    Array(articles).fill(1));
  const beside = await page.evaluate((sel) => [...document.querySelectorAll(sel)]
    .every((c) => !!c.previousElementSibling?.querySelector('svg[aria-label="Share Post"]')), CONTROL);
  assert.equal(beside, true, 'each right after the post\'s own share icon');
});

test('in the feed: the menu lists the networks, and each opens its exact official share URL in a new tab', async () => {
  await page.goto(FEED);
  await waitForControls(page, 3);
  const expected = officialShareUrls(`https://www.instagram.com${await permalink(2)}`);
  await openMenu(2);
  assert.deepEqual(await menuItems(), ['Facebook', 'X', 'Tumblr', 'OK.ru', 'Threads', 'Copy clean link']);
  await page.keyboard.press('Escape');
  for (const [name, url] of Object.entries(expected)) {
    await openMenu(2);
    assert.equal(await opened(name), url, name);
  }
  assert.equal(page.url(), FEED, 'the Instagram tab stays where it was');
});

test('on a post\'s and a reel\'s own page: one control, and it shares that post', async () => {
  await page.goto(FEED);
  await waitForControls(page, 1);
  const paths = await page.evaluate(() => ['a[href^="/p/"]', 'a[href^="/reel/"]']
    .map((s) => document.querySelector(`article ${s}`).getAttribute('href')));
  for (const path of paths) {
    await page.goto(`https://www.instagram.com${path}`);
    await waitForControls(page, 1);
    assert.equal(await controls(page), 1, path);
    await openMenu(null);
    assert.equal(await opened('X'), `https://x.com/intent/tweet?url=${enc(`https://www.instagram.com${path}`)}`, path);
  }
});

test('the share pages never reached the proxy: only the stage hosts were asked for', () => {
  assert.deepEqual(ff.foreign(), []);
  const hosts = new Set(ff.proxy.tunnelled.map((h) => h.split(':')[0]));
  for (const h of SHARE_HOSTS.slice(1)) assert.equal(hosts.has(h), false, h);
  // facebook.com is a stage host, but its sharer page was caught before it was asked for.
  const sharer = stageRequest(stage, '/__stage/log?kind=request').then((l) => l.entries.filter((e) => e.path?.startsWith('/sharer')));
  return sharer.then((s) => assert.deepEqual(s, []));
});
