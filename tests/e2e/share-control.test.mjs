// The "Share to…" control on the stage: where it appears, what each network's link is
// (checked exactly, from the tab the extension opens), copy link, settings, pushState.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { evalInContentScript, getState, setState, stageRequest, until, useBrowser } from './harness.mjs';
import { CONTROL, FEED, controlsPerPost, enc, newTabUrl, officialShareUrls, permalinkOf, scrollThrough, setSettings, settingsWith, waitForControls } from './share-helpers.mjs';

let stage, browser, page;  // set up by useBrowser
useBrowser(async (env) => {
  ({ stage, browser, page } = env);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: FEED.slice(0, -1) });
});
beforeEach(async () => {
  await stageRequest(stage, '/__stage/reset', {});
  await setSettings(browser, null);
});

const shareButton = (scope) => scope.getByRole('button', { name: 'Share to…' });

/** Scrolls the whole feed a screen at a time; every post had its control before it came into view. */
async function everyPostScrolledTo() {
  const { feedSize } = await getState(stage);
  const onFeed = page.url() === FEED;
  const seen = await scrollThrough(page, { posts: onFeed ? feedSize : 0 });
  if (onFeed) assert.equal(seen.posts, feedSize, 'the whole feed was scrolled through');
  assert.equal(seen.initial + seen.insertedInView + seen.checked, seen.posts, `every post came into view once: ${JSON.stringify({ ...seen, late: seen.late.length })}`);
  assert.deepEqual(seen.late, [], 'every post in view already had exactly one control');
  const articles = await page.locator('article').count();
  assert.deepEqual(await controlsPerPost(page), Array(articles).fill(1), 'and every post scrolled to keeps exactly one');
  return articles;
}

test('every post of the feed gets one control, right after its own share icon, before it scrolls into view', async () => {
  await page.goto(FEED);
  const articles = await page.locator('article').count();
  assert.ok(articles >= 12, `feed shows ${articles} posts`);
  await waitForControls(page, 1);
  const all = await everyPostScrolledTo();
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.equal(await page.locator(CONTROL).count(), all, 'controls once added are kept');
  const beside = await page.$$eval(CONTROL, (all) => all.map((c) => !!c.previousElementSibling?.querySelector('svg[aria-label="Share Post"]')));
  assert.deepEqual(beside, Array(all).fill(true));
  const button = shareButton(page.locator('article').first());
  assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
});

test('the control is as big as the site\'s own icon buttons and its icon is drawn in the colour of the text around it', async () => {
  await page.goto(FEED);
  await waitForControls(page, 1);
  const control = page.locator(CONTROL).first();
  const box = await control.boundingBox();
  assert.deepEqual([box.width, box.height], [40, 40]);
  // The icon is the text glyph ↗ in its text form, in currentColor: it follows a dark
  // theme or any colour the page gives its action row, and the button is named by its
  // label, not by the glyph.
  const ink = () => control.evaluate((el) => {
    const icon = getComputedStyle(el, '::before');
    return { color: getComputedStyle(el).color, icon: icon.color, content: icon.content, children: el.childElementCount };
  });
  const before = await ink();
  assert.deepEqual(before, { color: before.color, icon: before.color, content: '"↗︎"', children: 0 });
  assert.equal(await control.getAttribute('aria-label'), 'Share to…');
  await control.evaluate((el) => { el.closest('section').style.color = 'rgb(245, 245, 245)'; });
  const light = await ink();
  assert.deepEqual([light.color, light.icon], ['rgb(245, 245, 245)', 'rgb(245, 245, 245)']);
  const glyph = await control.evaluate((el) => { const r = el.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el; });
  assert.ok(glyph, 'the button itself takes a click on its icon');
});

test('the menu lists Facebook, X, Tumblr, OK.ru, Threads and "Copy clean link", and each opens its exact official URL in a new tab', async () => {
  await page.goto(FEED);
  await waitForControls(page, 1);
  const article = page.locator('article').nth(2);
  const href = await permalinkOf(article);
  const expected = officialShareUrls(`https://www.instagram.com${href}`);
  await shareButton(article).click();
  assert.deepEqual(await page.getByRole('menuitem').allTextContents(), ['Facebook', 'X', 'Tumblr', 'OK.ru', 'Threads', 'Copy clean link']);
  await page.keyboard.press('Escape');
  for (const [name, url] of Object.entries(expected)) {
    await shareButton(article).click();
    const opened = await newTabUrl(browser, () => page.getByRole('menuitem', { name }).click());
    assert.equal(opened, url, name);
  }
  assert.equal(page.url(), FEED, 'the Instagram tab stays where it was');
  assert.equal(await page.getByRole('menu').count(), 0, 'the menu closed');
});

test('"Copy clean link" copies the permalink without tracking parameters', async () => {
  await page.goto(FEED);
  await waitForControls(page, 1);
  const href = await permalinkOf(page.locator('article').first());
  await page.goto(`https://www.instagram.com${href}?igsh=MTc4MmM1YmI2Ng%3D%3D&utm_source=ig_web_copy_link#comments`);
  await waitForControls(page, 1);
  await shareButton(page).click();
  await page.getByRole('menuitem', { name: 'Copy clean link' }).click();
  await until(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t === `https://www.instagram.com${href}`,
    { what: 'the clean link on the clipboard' });
  assert.equal(await page.locator('.crosslink-share-status').textContent(), 'Clean link copied');
});

test('post, reel and story pages get one control, and it shares that post', async () => {
  await page.goto(FEED);
  await waitForControls(page, 1);
  const reel = await page.locator('article a[href^="/reel/"]').first().getAttribute('href');
  const post = await page.locator('article a[href^="/p/"]').first().getAttribute('href');
  const story = await page.locator('a[href^="/stories/"]').first().getAttribute('href');
  for (const path of [post, reel, story]) {
    await page.goto(`https://www.instagram.com${path}`);
    await waitForControls(page, 1);
    assert.equal(await page.locator(CONTROL).count(), 1, path);
    await shareButton(page).click();
    const opened = await newTabUrl(browser, () => page.getByRole('menuitem', { name: 'X' }).click());
    assert.equal(opened, `https://x.com/intent/tweet?url=${enc(`https://www.instagram.com${path}`)}`);
  }
});

test('after pushState navigation to a post and back, controls are there, one per post', async () => {
  await page.goto(FEED);
  const articles = await page.locator('article').count();
  await waitForControls(page, 1);
  const link = page.locator('article').nth(1).locator('a[href^="/p/"]').first();
  const href = await link.getAttribute('href');
  await page.evaluate(() => { window.sameDocument = true; });  // gone if the page reloads
  await link.click();
  await until(() => page.url(), (u) => u.endsWith(href), { what: 'the pushState navigation' });
  await until(() => page.locator(`${CONTROL}`).count(), (n) => n === 1, { what: 'one control on the post page' });
  await page.goBack();
  await until(() => page.locator('article').count(), (n) => n === articles, { what: 'the feed again' });
  await waitForControls(page, 1);
  await everyPostScrolledTo();
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'no full page load: the stage navigated with pushState');
});

test('the keyboard: Enter opens on the first item, arrows wrap, Home/End, Escape closes and focus returns', async () => {
  await page.goto(FEED);
  await waitForControls(page, 1);
  const button = shareButton(page.locator('article').first());
  await button.focus();
  await page.keyboard.press('Enter');
  const focused = () => page.evaluate(() => document.activeElement?.textContent);
  await until(focused, (t) => t === 'Facebook', { what: 'focus on the first item' });
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'X');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'Copy clean link', 'up from the first wraps to the last');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'Facebook', 'down from the last wraps to the first');
  await page.keyboard.press('End');
  assert.equal(await focused(), 'Copy clean link');
  await page.keyboard.press('Home');
  assert.equal(await focused(), 'Facebook');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('menu').count(), 0);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Share to…');
  // ArrowUp on the button opens on the last item; Enter on an item acts on it.
  await page.keyboard.press('ArrowUp');
  await until(focused, (t) => t === 'Copy clean link', { what: 'focus on the last item' });
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');  // past Threads and OK.ru
  assert.equal(await focused(), 'Tumblr');
  const opened = await newTabUrl(browser, () => page.keyboard.press('Enter'));
  assert.match(opened, /^https:\/\/www\.tumblr\.com\/widgets\/share\/tool\?/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Share to…', 'focus back on the button');
});

test('the networks are a setting: only those chosen, in their order; none means no control', async () => {
  await setSettings(browser, settingsWith({ networks: ['copy', 'x'] }));
  await page.goto(FEED);
  await waitForControls(page, 1);
  await shareButton(page.locator('article').first()).click();
  assert.deepEqual(await page.getByRole('menuitem').allTextContents(), ['Copy clean link', 'X']);
  await page.keyboard.press('Escape');
  // A disabled network cannot be opened by a message either.
  const href = await permalinkOf(page.locator('article').first());
  const refused = await evalInContentScript(page,
    `chrome.runtime.sendMessage({type: 'content/openShare', url: 'https://www.instagram.com${href}', network: 'facebook'})`);
  assert.equal(refused.error.name, 'network_disabled');

  await setSettings(browser, settingsWith({ networks: [] }));
  await until(() => page.locator(CONTROL).count(), (n) => n === 0, { what: 'controls removed when no network is on' });
  await setSettings(browser, null);
  await waitForControls(page, 1);
  await everyPostScrolledTo();
});

test('the worker never opens a URL handed to it, and refuses links that are not Instagram posts', async () => {
  await page.goto(FEED);
  await waitForControls(page, 1);
  const tabs = browser.context.pages().length;
  const ask = (message) => evalInContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);
  assert.equal((await ask({ type: 'content/openShare', url: 'javascript:alert(1)', network: 'x' })).error.name, 'unsupported_scheme');
  assert.equal((await ask({ type: 'content/openShare', url: 'https://www.instagram.com.evil.example/p/ABC/', network: 'x' })).error.name, 'wrong_host');
  assert.equal((await ask({ type: 'content/openShare', url: 'https://www.instagram.com/p/ABC/', network: 'copy' })).error.name, 'network_disabled');
  assert.equal((await ask({ type: 'content/shareLinks', url: 'https://www.instagram.com/explore/' })).error.name, 'not_a_permalink');
  assert.equal((await ask({ type: 'content/shareLinks', url: 7 })).error.name, 'bad_message');
  const links = await ask({ type: 'content/shareLinks', url: 'https://instagram.com/reel/ABC/?igsh=1' });
  assert.deepEqual(links, { ok: true, url: 'https://www.instagram.com/reel/ABC/', networks: ['facebook', 'x', 'tumblr', 'okru', 'threads', 'copy'] });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(browser.context.pages().length, tabs, 'no tab was opened');
});

test('the control works in another locale of the site', async () => {
  await setState(stage, { locale: 'de' });
  await page.goto(FEED);
  const articles = await page.locator('article').count();
  await waitForControls(page, 1);
  assert.equal(await page.locator('article svg[aria-label="Beitrag teilen"]').count(), articles);
  await everyPostScrolledTo();
});
