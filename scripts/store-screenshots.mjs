// The store's screenshots, 1280×800, taken on the stage (never the real sites) at the
// harness's fixed clock (Playwright's clock set before any page loads), time zone UTC and
// language en-US, so they are the same on any day: build/store/screenshots/*.png.
// The popup is pictured over the page it is used on.
import fs from 'node:fs';
import path from 'node:path';
import { FIXED_NOW, WELCOME_PAGE, launch, root, setState, stageRequest, startStage, until } from '../tests/e2e/harness.mjs';
import { sampleStorage } from '../tests/e2e/screenshot-helpers.mjs';

const out = process.argv[2] ?? path.join(root, 'build/store/screenshots');
const SIZE = { width: 1280, height: 800 };
const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';
fs.mkdirSync(out, { recursive: true });
const tmp = fs.mkdtempSync(path.join(root, 'build/store-shots-'));

const stage = await startStage();
const browser = await launch(stage, { clock: FIXED_NOW, welcome: true });
const worker = browser.context.serviceWorkers()[0];
const put = (area, items) => worker.evaluate(([a, v]) => chrome.storage[a].set(v), [area, items]);
const at = (minutesBefore) => FIXED_NOW - minutesBefore * 60000;
const shots = [];

async function shoot(page, name) {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  const file = path.join(out, name);
  await page.screenshot({ path: file });
  shots.push(name);
  return file;
}

/**
 * The popup (as its own page, 380 wide) drawn at the top right of a page shot, as the
 * browser shows it: both pictures laid out in a blank page of the browser and shot again.
 */
async function popupOver(backgroundFile, popup, name) {
  await popup.evaluate(() => document.fonts.ready);
  const popupPng = await popup.screenshot({ fullPage: true });
  const uri = (buffer) => `data:image/png;base64,${buffer.toString('base64')}`;
  const canvas = await browser.context.newPage();
  await canvas.setViewportSize(SIZE);
  await canvas.setContent(`<body style="margin:0;overflow:hidden">
    <img src="${uri(fs.readFileSync(backgroundFile))}" style="position:absolute;left:0;top:0" alt="">
    <img src="${uri(popupPng)}" style="position:absolute;right:8px;top:4px;border:1px solid #c7c7c7;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.35)" alt="">
  </body>`);
  await canvas.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  await canvas.screenshot({ path: path.join(out, name) });
  await canvas.close();
  shots.push(name);
}

try {
  const welcome = await until(() => browser.context.pages().find((p) => p.url().includes(WELCOME_PAGE)), Boolean,
    { timeout: 15000, what: 'the welcome page' });
  await welcome.setViewportSize(SIZE);
  await welcome.waitForSelector('body[data-ready="true"]');
  await shoot(welcome, '1-welcome.png');

  // The popup over Instagram's feed: linked, the account named, the switches read.
  await stageRequest(stage, '/__stage/reset', {});
  await setState(stage, { locale: 'en', linked: true, facebookName: 'Jane Doe' });
  await put('local', sampleStorage({ now: FIXED_NOW, readMinutes: 3, othersOnFacebook: 'chats' }));
  const feed = await browser.context.newPage();
  await feed.setViewportSize(SIZE);
  await feed.goto('https://www.instagram.com/');
  await feed.locator('[data-crosslink="share"]').first().waitFor({ timeout: 15000 });
  const feedFile = await shoot(feed, '3-share-buttons.png');
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 200 });
  await popup.goto(browser.popupUrl);
  await until(() => popup.locator('#account').textContent(), (t) => /jane\.doe/.test(t), { what: 'the popup' });
  await popupOver(feedFile, popup, '2-popup.png');

  // The share menu open on a post.
  const button = feed.locator('[data-crosslink="share"]').first();
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await feed.getByRole('menuitem').first().waitFor();
  fs.rmSync(path.join(out, '3-share-buttons.png'));
  shots.splice(shots.indexOf('3-share-buttons.png'), 1);
  await shoot(feed, '3-share-buttons.png');

  // Unlink asks first, over Accounts Center.
  const ac = await browser.context.newPage();
  await ac.setViewportSize(SIZE);
  await ac.goto(ACCOUNTS);
  await ac.getByRole('listitem').first().waitFor();
  await new Promise((r) => setTimeout(r, 500));
  // Accounts Center's own reading replaces the stored one: put the shown one back.
  await put('local', { linkStatus: { readAt: at(1), linked: true, facebookName: 'Jane Doe', instagramUsername: 'jane.doe', url: ACCOUNTS,
    sharing: { posts: true, reels: true, stories: false, facebookStories: false }, messaging: { updated: true, othersOnFacebook: 'chats' } } });
  const acFile = path.join(tmp, 'ac.png');
  await ac.evaluate(() => document.fonts.ready);
  await ac.screenshot({ path: acFile });
  await popup.reload();
  await popup.getByRole('button', { name: 'Unlink Facebook', exact: true }).click();
  await popup.locator('#unlink-confirm:not([hidden])').waitFor();
  await popupOver(acFile, popup, '4-unlink-asks.png');

  const options = await browser.context.newPage();
  await options.setViewportSize(SIZE);
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await options.waitForSelector('body[data-ready="true"]');
  await shoot(options, '5-settings.png');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
  await browser.close().catch((e) => { console.error(String(e.message ?? e)); process.exitCode = 1; });
  await stage.close();
}
console.log(`store: ${shots.length} screenshots in ${path.relative(root, out)}/ (${shots.sort().join(', ')})`);
