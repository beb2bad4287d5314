// Instagram as one app: the feed of N posts loaded in batches as it scrolls (1,000
// work), posts and reels as the share buttons need them, pushState inside Instagram and
// full loads across hosts, likes and the share dialog as actions on the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeFor } from '../../web/feed.mjs';
import { actionsOf, fresh, logOf, state, useBrowser } from './helpers.mjs';

const env = useBrowser();
const HOME = 'https://www.instagram.com/';

/** Marks the current document, so a later check can tell a pushState from a full load. */
const mark = (page) => page.evaluate(() => { window.stageMarker = Math.random(); return window.stageMarker; });
const marker = (page) => page.evaluate(() => window.stageMarker ?? null);

test('the feed of 1,000 posts loads in batches as it scrolls, every post complete', async () => {
  await fresh(env.stage, { feedSize: 1000 });
  await env.page.goto(HOME);
  await env.page.evaluate(() => new Promise((resolve) => {
    window.stageLongTasks = [];
    new PerformanceObserver((list) => window.stageLongTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
    resolve();
  }));
  assert.equal(await env.page.locator('article').count(), 12, 'the first batch comes with the page');
  const started = Date.now();
  const count = await env.page.evaluate(async () => {
    const end = Date.now() + 90000;
    let last = 0;
    while (Date.now() < end) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((r) => setTimeout(r, 30));
      last = document.querySelectorAll('article').length;
      if (last >= 1000) break;
    }
    return last;
  });
  const ms = Date.now() - started;
  assert.equal(count, 1000);
  await env.page.getByText("You're all caught up").waitFor();
  const batches = (await logOf(env.stage, 'request')).filter((e) => e.path.startsWith('/api/v1/feed/timeline/'));
  assert.equal(batches.length, Math.ceil((1000 - 12) / 12));
  const incomplete = await env.page.evaluate(() => [...document.querySelectorAll('article')].filter((a) => !(
    a.querySelector('a[href^="/p/"], a[href^="/reel/"]')
    && a.querySelector('img[alt], video')
    && a.querySelector('svg[aria-label="Like"]') && a.querySelector('svg[aria-label="Comment"]') && a.querySelector('svg[aria-label="Share Post"]')
    && a.querySelector('[role=button] svg[aria-label="Share Post"]')
  )).length);
  assert.equal(incomplete, 0);
  const reels = await env.page.locator('article:has(a[href^="/reel/"])').count();
  assert.equal(reels, 250, 'every fourth post is a reel');
  const longTasks = await env.page.evaluate(() => window.stageLongTasks);
  const worst = Math.max(0, ...longTasks);
  console.log(`# feed: 1000 posts in ${ms} ms, ${batches.length} batches, ${longTasks.length} long tasks, worst ${Math.round(worst)} ms`);
  assert.ok(worst < 1000, `a long task of ${worst} ms while scrolling`);
});

/** A fresh feed, then post `n`'s link to its page (/p/ or /reel/): the document's mark from
 *  before, to tell a swap from a load, and the post's code. */
async function openFromFeed(kind, n) {
  await fresh(env.stage);
  await env.page.goto(HOME);
  const before = await mark(env.page);
  const code = codeFor(n);
  await env.page.locator(`article a[href="/${kind}/${code}/"]`).first().click();
  await env.page.waitForURL(`${HOME}${kind}/${code}/`);
  return { before, code };
}

test('a permalink opens the post with pushState (no new document); Back returns to the feed', async () => {
  const { before, code } = await openFromFeed('p', 0);
  await env.page.getByRole('textbox', { name: 'Add a comment…' }).waitFor();
  assert.equal(await marker(env.page), before, 'same document: the page was swapped in, not loaded');
  const article = env.page.locator('article');
  assert.equal(await article.count(), 1);
  assert.equal(await article.getByRole('button', { name: 'Share Post' }).count(), 1);
  assert.equal(await env.page.title(), 'maria.lima • Instagram');
  await env.page.goBack();
  await env.page.waitForURL(HOME);
  await env.page.locator('article').nth(11).waitFor();
  assert.equal(await marker(env.page), before);
  const documents = (await logOf(env.stage, 'request')).filter((e) => e.method === 'GET' && (e.path === '/' || e.path.startsWith('/p/')));
  assert.deepEqual(documents.map((e) => e.path), ['/', `/p/${code}/`, '/'], 'each page fetched once by the app');
});

test('a reel opens at /reel/<code>/ with its action row; a story from the tray at /stories/<user>/<id>/', async () => {
  const { before, code } = await openFromFeed('reel', 3);
  await env.page.locator('video').first().waitFor();
  assert.equal(await env.page.locator('article').getByRole('button', { name: 'Share Post' }).count(), 1);
  await env.page.getByRole('link', { name: /Home/ }).click();
  await env.page.waitForURL(HOME);
  await env.page.getByRole('link', { name: /Story by/ }).first().click();
  await env.page.waitForURL(/\/stories\/maria\.lima\/\d+\/$/);
  await env.page.getByRole('textbox', { name: 'Reply to maria.lima...' }).waitFor();
  assert.equal(await marker(env.page), before);
  await env.page.getByRole('link', { name: 'Next' }).click();
  await env.page.waitForURL(/\/stories\/tom_baker\//);
  await env.page.getByRole('button', { name: 'Close' }).click();
  await env.page.waitForURL(HOME);
});

test('crossing hosts is a full load: Settings → Accounts Center', async () => {
  await fresh(env.stage);
  await env.page.goto(`${HOME}accounts/edit/`);
  await mark(env.page);
  await env.page.getByRole('link', { name: /Accounts Center/ }).first().click();
  await env.page.waitForURL('https://accountscenter.instagram.com/');
  assert.equal(await marker(env.page), null);
});

test('the Options button of one\'s own profile leads to "Settings and privacy"', async () => {
  await fresh(env.stage);
  await env.page.goto(HOME);
  await env.page.getByRole('link', { name: "jane.doe's profile picture Profile" }).click();
  await env.page.waitForURL(`${HOME}jane.doe/`);
  await env.page.getByRole('button', { name: 'Options' }).click();
  await env.page.getByRole('dialog').getByRole('button', { name: 'Settings and privacy' }).click();
  await env.page.waitForURL(`${HOME}accounts/edit/`);
  await env.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
});

test('Like is an action on the server: the icon turns to Unlike and stays so after a reload', async () => {
  await fresh(env.stage);
  await env.page.goto(HOME);
  const first = env.page.locator('article').first();
  await first.getByRole('button', { name: 'Like' }).click();
  await first.getByRole('button', { name: 'Unlike' }).waitFor();
  assert.deepEqual((await state(env.stage)).liked, [codeFor(0)]);
  await env.page.reload();
  await env.page.locator('article').first().getByRole('button', { name: 'Unlike' }).waitFor();
  assert.deepEqual(await actionsOf(env.stage), [`like code=${codeFor(0)}`]);
});

test('"Share Post" opens the share dialog; "Share to Facebook" opens Facebook\'s sharer with the permalink', async () => {
  await fresh(env.stage);
  await env.page.goto(HOME);
  await env.page.locator('article').nth(1).getByRole('button', { name: 'Share Post' }).click();
  const dialog = env.page.getByRole('dialog', { name: 'Share' });
  await dialog.waitFor();
  const [popup] = await Promise.all([
    env.page.context().waitForEvent('page'),
    dialog.getByRole('button', { name: 'Share to Facebook' }).click(),
  ]);
  await popup.waitForLoadState();
  const url = new URL(popup.url());
  assert.equal(url.host, 'www.facebook.com');
  assert.equal(url.pathname, '/sharer/sharer.php');
  assert.equal(url.searchParams.get('u'), `${HOME}p/${codeFor(1)}/`);
  await popup.getByRole('textbox').fill('look at this');
  await popup.getByRole('button', { name: 'Post to Facebook' }).click();
  await popup.getByRole('status').waitFor();
  const [share] = (await state(env.stage)).facebookShares;
  assert.equal(share.url, `${HOME}p/${codeFor(1)}/`);
  assert.equal(share.message, 'look at this');
  await popup.close();
  assert.equal(await dialog.count(), 0, 'the dialog closed');
});

test('an unknown path is Instagram\'s "Sorry, this page isn\'t available."', async () => {
  await fresh(env.stage, { locale: 'pt' });
  const res = await env.page.goto(`${HOME}p/doesnotexist/`);
  assert.equal(res.status(), 404);
  await env.page.getByRole('heading', { name: 'Esta página não está disponível.' }).waitFor();
});

test('no page threw an error on Instagram', () => {
  assert.deepEqual(env.errors, []);
});
