// The stage's 1,000-post feed scrolled to its end: exactly one control per post, every
// one of them, including the posts that arrived by infinite scroll.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, setState, startStage, until } from './harness.mjs';
import { CONTROL, FEED, controlsPerPost } from './share-helpers.mjs';

let stage;
let browser;

before(async () => {
  stage = await startStage();
  await setState(stage, { feedSize: 1000 });
  browser = await launch(stage);
});
after(async () => {
  // The stage closes even when the browser's close fails (a foreign request): an open
  // server would keep this test file's process alive.
  try { await browser?.close(); } finally { await stage?.close(); }
});

test('1,000 posts scrolled to the end: exactly one control on each', { timeout: 300000 }, async () => {
  const page = await browser.context.newPage();
  await page.bringToFront();  // a background tab gets no frames, and the feed loads on frames
  await page.goto(FEED);
  const first = await page.locator('article').count();
  assert.ok(first < 1000, `the feed starts with a first batch (${first}), the rest comes by scrolling`);
  // Scroll as a person would, to the bottom again and again, until the feed ends.
  await until(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    return page.locator('article').count();
  }, (n) => n >= 1000, { what: '1,000 posts loaded', timeout: 240000, interval: 50 });
  assert.equal(await page.locator('article').count(), 1000);
  await until(() => page.locator(CONTROL).count(), (n) => n >= 1000, { what: '1,000 controls', timeout: 20000 });
  // Settle, then check nothing was added twice while the feed grew.
  await new Promise((r) => setTimeout(r, 500));
  const perPost = await controlsPerPost(page);
  assert.equal(perPost.length, 1000);
  assert.deepEqual(perPost.filter((n) => n !== 1), [], 'every post has exactly one control');
  assert.equal(await page.locator(CONTROL).count(), 1000, 'and there are no controls outside posts');
  const last = page.locator('article').last();
  await last.getByRole('button', { name: 'Share to…' }).click();
  assert.equal(await page.getByRole('menuitem').count(), 6, 'the last post\'s control works');
  await page.keyboard.press('Escape');
});
