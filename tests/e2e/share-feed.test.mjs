// The stage's 1,000-post feed scrolled to its end a screen at a time: exactly one control
// per post, every one of them, including the posts that arrived by infinite scroll, each
// drawn before its post came into view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, setState, startStage } from './harness.mjs';
import { CONTROL, FEED, controlsPerPost, scrollThrough, waitForControls } from './share-helpers.mjs';

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

test('1,000 posts scrolled to the end a screen at a time: exactly one control on each, drawn before it came into view', { timeout: 400000 }, async (t) => {
  const page = await browser.context.newPage();
  await page.bringToFront();  // a background tab gets no frames, and the feed loads on frames
  await page.goto(FEED);
  const first = await page.locator('article').count();
  assert.ok(first < 1000, `the feed starts with a first batch (${first}), the rest comes by scrolling`);
  await waitForControls(page, 1);
  // Scroll as a person would, a screen at a time, until the feed ends: every post passes through the viewport.
  const seen = await scrollThrough(page, { posts: 1000 });
  assert.equal(seen.posts, 1000);
  assert.equal(seen.initial + seen.insertedInView + seen.checked, seen.posts, `every post came into view once: ${JSON.stringify({ ...seen, late: seen.late.length })}`);
  assert.deepEqual(seen.late, [], 'every post in view already had exactly one control');
  t.diagnostic(`scrolled ${seen.steps} screens: ${seen.checked} posts came into view with their control, ${seen.insertedInView} arrived `
    + `into view (the scroll waited at the bottom for them), their control at most ${seen.maxFramesToControl} frame(s) later`);
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
