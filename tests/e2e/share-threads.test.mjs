// Threads, the network added through the registry (core/data/registry.json): on in a new
// install's menu, with Threads' own web intent; off for those whose settings predate it
// (v1, migrated to v2 as they were), and orderable on the options page like the others.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { stageRequest, until, useBrowser } from './harness.mjs';
import { FEED, enc, newTabUrl, permalinkOf, setSettings, waitForControls } from './share-helpers.mjs';
import { openOptions, storage } from './options-helpers.mjs';

let stage, browser, page;  // set up by useBrowser
useBrowser((env) => ({ stage, browser, page } = env));
beforeEach(async () => {
  await stageRequest(stage, '/__stage/reset', {});
  await setSettings(browser, null);
});

const shareButton = (scope) => scope.getByRole('button', { name: 'Share to…' });
const menu = async (article) => {
  await shareButton(article).click();
  const items = await page.getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  return items;
};
const V1 = { version: 1, share: { networks: ['facebook', 'x', 'tumblr', 'okru', 'copy'] },
  composer: { applyDefault: false, shareToFacebook: false }, locale: 'auto', clickPacingMs: 400, logSize: 500 };

test('a new install lists Threads, which opens https://www.threads.net/intent/post with the clean permalink', async () => {
  await page.goto(FEED);
  await waitForControls(page, 1);
  const article = page.locator('article').nth(1);
  assert.deepEqual(await menu(article), ['Facebook', 'X', 'Tumblr', 'OK.ru', 'Threads', 'Copy clean link']);
  const href = await permalinkOf(article);
  await shareButton(article).click();
  const opened = await newTabUrl(browser, () => page.getByRole('menuitem', { name: 'Threads' }).click());
  assert.equal(opened, `https://www.threads.net/intent/post?url=${enc(`https://www.instagram.com${href}`)}`);
  assert.equal(page.url(), FEED, 'the Instagram tab stays where it was');
});

test('settings from before Threads (v1) keep their menu: migrated to v2 with Threads off', async () => {
  await setSettings(browser, V1);
  await page.goto(FEED);
  await waitForControls(page, 1);
  assert.deepEqual(await menu(page.locator('article').first()), ['Facebook', 'X', 'Tumblr', 'OK.ru', 'Copy clean link']);
  const { sync } = await until(() => storage(browser), (s) => s.sync.settings?.version === 2, { what: 'the settings migrated to v2' });
  assert.deepEqual(sync.settings, { ...V1, version: 2 });
});

test('the options page offers Threads off for old settings; switched on and moved up, the menu follows', async () => {
  await setSettings(browser, V1);
  const options = await browser.context.newPage();
  await openOptions(browser, options);
  const rows = () => options.locator('#networks li').evaluateAll((all) => all.map((r) => [r.dataset.network, r.querySelector('input').checked]));
  assert.deepEqual(await rows(), [['facebook', true], ['x', true], ['tumblr', true], ['okru', true], ['copy', true], ['threads', false]]);
  await options.getByRole('checkbox', { name: 'Threads' }).check();
  await options.getByRole('button', { name: 'Move Threads up' }).click();
  await options.getByRole('button', { name: 'Move Threads up' }).click();
  assert.equal(await options.locator('#save-status').textContent(), 'Threads is now number 4 of 6.');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await until(() => options.locator('#save-status').textContent(), (s) => s === 'Saved.', { what: 'Saved.' });
  assert.deepEqual((await storage(browser)).sync.settings.share.networks, ['facebook', 'x', 'tumblr', 'threads', 'okru', 'copy']);
  await options.close();

  await page.goto(FEED);
  await waitForControls(page, 1);
  assert.deepEqual(await menu(page.locator('article').first()), ['Facebook', 'X', 'Tumblr', 'Threads', 'OK.ru', 'Copy clean link']);
});
