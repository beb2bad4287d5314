// The extension's own pages in Firefox: the options page loads (no "foreign_sender": its
// moz-extension:// origin is trusted) and saves through the background and the core; the
// popup reads the link status the Accounts Center content script sent; the clock and
// language are the fixed ones the harness set, not the machine's.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  EXT_ORIGIN, OPTIONS_URL, POPUP_URL, launchFirefox, openExtensionPage, root, setState, startStage, until,
} from './harness.mjs';
import { popupReady, statusText } from './flow-helpers.mjs';

const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';
const en = JSON.parse(fs.readFileSync(path.join(root, 'extension/_locales/en/messages.json'), 'utf8'));
const fill = (key, ...subs) => {
  let text = en[key].message;
  for (const [name, p] of Object.entries(en[key].placeholders ?? {})) text = text.replace(new RegExp(`\\$${name}\\$`, 'i'), subs[Number(p.content.slice(1)) - 1]);
  return text;
};
const optionsReady = () => document.body.dataset.ready === 'true' || Boolean(document.querySelector('.notice.error'));

let stage;
let ff;
let popup;

before(async () => {
  stage = await startStage();
  ff = await launchFirefox(stage);
  popup = await openExtensionPage(ff.browser, POPUP_URL, popupReady);
});
after(async () => {
  try { await ff?.close(); } finally { await stage?.close(); }
});

const storage = () => popup.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));
const text = (page, id) => page.evaluate((i) => document.getElementById(i).textContent, id);
const checkedNetworks = (page) => page.evaluate(() => [...document.querySelectorAll('#networks li')]
  .filter((li) => li.querySelector('input').checked).map((li) => li.dataset.network));
async function typeInto(page, selector, value) {
  await page.evaluate((s) => { const el = document.querySelector(s); el.focus(); el.select(); }, selector);
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
}
async function openOptions() {
  const page = await openExtensionPage(ff.browser, OPTIONS_URL, optionsReady);
  assert.equal(await page.evaluate(() => document.querySelector('.notice.error')?.textContent ?? null), null, 'no error notice');
  return page;
}

test('the popup answers from the background: not read yet, Accounts Center offered', async () => {
  const line = await until(() => statusText(popup), (t) => t !== '', { what: 'the first status' });
  assert.match(line, /^Not read yet/);
  assert.doesNotMatch(line, /foreign_sender|unexpected error/);
  assert.equal(await popup.evaluate(() => document.getElementById('open-ac').hidden), false);
});

test('the popup reads "Not linked" from Accounts Center, with the time of reading', async () => {
  await setState(stage, { linked: false });
  const page = await ff.browser.newPage();
  const t0 = Date.now();
  await page.goto(ACCOUNTS);
  await until(() => statusText(popup), (t) => t === 'Not linked', { what: 'Not linked' });
  const stamp = Date.parse(await popup.evaluate(() => document.querySelector('#status-time time').dateTime));
  assert.ok(stamp >= t0 - 1000 && stamp <= Date.now(), `reading time ${stamp} within the test`);
  assert.match(await text(popup, 'status-time'), /^Read from Accounts Center at /);
  await page.close();
});

test('the popup follows the stage: "Linked to Facebook as Maria Souza", then "Not linked" after a reload', async () => {
  await setState(stage, { linked: true, facebookName: 'Maria Souza' });
  const page = await ff.browser.newPage();
  await page.goto(ACCOUNTS);
  await until(() => statusText(popup), (t) => t === 'Linked to Facebook as Maria Souza', { what: 'linked' });
  assert.equal(await popup.evaluate(() => document.getElementById('status-line').dataset.state), 'linked');
  await setState(stage, { linked: false });
  await page.reload();
  await until(() => statusText(popup), (t) => t === 'Not linked', { what: 'Not linked again' });
  await page.close();
});

test('the pages run in the fixed time zone and language (TZ=UTC, en-US), not the machine\'s', async () => {
  const seen = await popup.evaluate(() => ({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    offset: new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset(),
    ui: chrome.i18n.getUILanguage(),
    origin: location.origin,
  }));
  assert.deepEqual(seen, { zone: 'UTC', locale: 'en-US', offset: 0, ui: 'en-US', origin: EXT_ORIGIN });
});

describeOptions();

function describeOptions() {
  beforeEach(async () => {
    await popup.evaluate(async () => { await chrome.storage.sync.clear(); await chrome.storage.local.clear(); });
  });

  test('the options page loads with the defaults (the settings come from the background)', async () => {
    const page = await openOptions();
    assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true');
    assert.deepEqual(await checkedNetworks(page), ['facebook', 'x', 'tumblr', 'okru', 'threads', 'copy']);
    assert.deepEqual(await page.evaluate(() => [document.getElementById('pacing').value, document.getElementById('log-size').value,
      document.getElementById('locale').value]), ['400', '500', 'auto']);
    assert.equal(await page.evaluate(() => document.getElementById('composer-on').matches(':disabled')), true);
    await page.close();
  });

  test('the options page saves to storage.sync as the core\'s v2; opened again it shows what was saved', async () => {
    let page = await openOptions();
    await page.click('#networks li[data-network="tumblr"] input');
    await page.click('#composer-apply');
    await page.click('#composer-on');
    await typeInto(page, '#pacing', '750');
    await typeInto(page, '#log-size', '120');
    await page.click('#save');
    await until(() => text(page, 'save-status'), (s) => s === 'Saved.', { what: 'Saved.' });
    const { sync, local } = await storage();
    assert.deepEqual(sync, { settings: { version: 2, share: { networks: ['facebook', 'x', 'okru', 'threads', 'copy'] },
      composer: { applyDefault: true, shareToFacebook: true }, locale: 'auto', clickPacingMs: 750, logSize: 120 } });
    assert.deepEqual(local.activityLog.entries.map((e) => [e.type, e.outcome]), [['settings', 'saved']]);
    await page.close();
    page = await openOptions();
    assert.deepEqual(await checkedNetworks(page), ['facebook', 'x', 'okru', 'threads', 'copy']);
    assert.equal(await page.evaluate(() => document.getElementById('pacing').value), '750');
    assert.equal(await page.evaluate(() => document.getElementById('composer-on').checked), true);
    assert.equal(await text(page, 'log-count'), fill('optLogCount', '1', '120'));
    await page.close();
  });

  test('the options page refuses an out-of-range value at its field and stores nothing', async () => {
    const page = await openOptions();
    await typeInto(page, '#pacing', '50');
    await page.click('#save');
    await until(() => text(page, 'save-status'), (s) => s === en.optFixErrors.message, { what: 'the correction message' });
    assert.equal(await page.evaluate(() => document.getElementById('pacing').getAttribute('aria-invalid')), 'true');
    assert.equal(await text(page, 'pacing-error'), fill('optErrorRange', '100', '5000'));
    assert.deepEqual((await storage()).sync, {}, 'nothing stored');
    await page.close();
  });

  test('the popup\'s Settings button opens the options page in a tab', async () => {
    const optionsTabs = () => popup.evaluate((url) => chrome.tabs.query({ url }).then((tabs) => tabs.length), OPTIONS_URL);
    // None open before: openOptionsPage() focuses an options tab that is already open.
    await popup.evaluate((url) => chrome.tabs.query({ url }).then((tabs) => chrome.tabs.remove(tabs.map((t) => t.id))), OPTIONS_URL);
    await until(optionsTabs, (n) => n === 0, { what: 'no options tab' });
    await popup.bringToFront();
    await popup.click('#open-options');
    await until(optionsTabs, (n) => n === 1, { what: 'an options tab' });
    await popup.evaluate((url) => chrome.tabs.query({ url }).then((tabs) => chrome.tabs.remove(tabs.map((t) => t.id))), OPTIONS_URL);
  });
}
