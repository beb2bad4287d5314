// The README's screenshots, taken on the stage: the popup, the options page and the
// in-page share control with its menu open (kept as screenshot-helpers.mjs says). Taken at
// the harness's fixed clock, time zone and language, so a shot is the same on any day.
import { test } from 'node:test';
import { FIXED_NOW, setState, stageRequest, until, useBrowser } from './harness.mjs';
import { keep, sampleStorage } from './screenshot-helpers.mjs';
import { FEED, CONTROL } from './share-helpers.mjs';
import { clearStorage, openOptions, putStorage } from './options-helpers.mjs';

let stage, browser, page;  // set up by useBrowser
useBrowser(async (env) => {
  ({ stage, browser, page } = env);
  await clearStorage(browser);
}, { clock: FIXED_NOW });

test('screenshot: the popup', async () => {
  // Read minutes earlier on the clock's day.
  await putStorage(browser, 'local', sampleStorage({ now: FIXED_NOW, readMinutes: 5, othersOnFacebook: 'everyone' }));
  await page.setViewportSize({ width: 380, height: 200 });
  await page.goto(browser.popupUrl);
  await until(() => page.locator('#status-line').textContent(), (t) => /Jane Doe/.test(t), { what: 'the linked status' });
  // The status shows first (from storage, before the worker answers); the log follows.
  await until(() => page.locator('#log li').count(), (n) => n === 4, { what: 'the log' });
  await page.evaluate(() => document.fonts.ready);
  keep('popup.png', await page.screenshot({ fullPage: true }));
});

test('screenshot: the options page', async () => {
  await page.setViewportSize({ width: 820, height: 900 });
  await openOptions(browser, page);
  await page.evaluate(() => document.fonts.ready);
  keep('options.png', await page.screenshot({ fullPage: true }));
});

test('screenshot: the share control on a post, its menu open', async () => {
  await stageRequest(stage, '/__stage/reset', {});
  await setState(stage, { locale: 'en' });
  await page.setViewportSize({ width: 1280, height: 1100 });  // room for the whole menu below the post
  await page.goto(FEED);
  const button = page.locator(CONTROL).first();
  await button.waitFor({ timeout: 15000 });
  await button.scrollIntoViewIfNeeded();
  await button.click();
  const menu = page.getByRole('menu');
  await page.getByRole('menuitem').first().waitFor();
  await page.mouse.move(0, 0);
  const article = await page.locator('article').first().boundingBox();
  const box = await menu.boundingBox();
  const b = await button.boundingBox();
  const top = Math.max(0, b.y - 160);
  const left = Math.max(0, article.x - 24);
  const clip = { x: left, y: top, width: Math.max(article.x + article.width + 24, box.x + box.width + 16) - left, height: box.y + box.height + 16 - top };
  keep('share-control.png', await page.screenshot({ clip }));
});
