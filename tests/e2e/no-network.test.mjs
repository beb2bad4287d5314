// The guard behind "no request leaves the stage" must itself catch a leak, from a page
// and from the extension's worker alike, or every other test's silence proves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startStage } from './harness.mjs';

test('a request to a foreign host from a page or from the worker fails the browser session', async () => {
  const stage = await startStage();
  const browser = await launch(stage);
  try {
    const page = await browser.context.newPage();
    await page.goto('https://www.instagram.com/');
    await page.evaluate(() => fetch('https://leak.example/page').catch(() => null));
    const worker = browser.context.serviceWorkers()[0];
    await worker.evaluate(() => fetch('https://www.googleapis.com/from-worker').catch(() => null));
  } finally {
    await assert.rejects(browser.close(), (e) => {
      assert.match(e.message, /https:\/\/leak\.example\/page \(from https:\/\/www\.instagram\.com\)/);
      assert.match(e.message, /https:\/\/www\.googleapis\.com\/from-worker \(from chrome-extension:\/\//);
      return true;
    });
    await stage.close();
  }
});

test('a session that stays on the stage passes the guard', async () => {
  const stage = await startStage();
  const browser = await launch(stage);
  const page = await browser.context.newPage();
  await page.goto('https://accountscenter.instagram.com/accounts/');
  await page.goto('https://www.instagram.com/');
  await browser.close();
  await stage.close();
});
