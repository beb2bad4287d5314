// The popup from the first minute (issue 19): the header names the Instagram account the
// status is for; Unlink is not the primary button and asks first, naming both accounts;
// a reading older than ten minutes (by the page's clock, fixed here) is read again quietly
// on opening, with "checking…" and both Link and Unlink offered meanwhile; a reading for
// another Instagram account keeps nothing of the old one's; the popup speaks the language
// chosen in the options page. axe checks the new states in light and dark.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { FIXED_NOW, setState, until } from './harness.mjs';
import { putStorage } from './options-helpers.mjs';
import { ACCOUNTS, MINUTE, storedReading, usePopupBrowser } from './popup-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let stage;
let browser;
let page;
const { worker, flowRecord, local, openPopup } = usePopupBrowser((env) => ({ stage, browser, page } = env));
const stored = () => local('linkStatus');

async function axe(p) {
  if (!(await p.evaluate(() => typeof window.axe === 'object'))) await p.evaluate(AXE_SOURCE);
  return p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')} (${v.help})`));
}

beforeEach(() => page.emulateMedia({ colorScheme: 'light' }));

test('the popup\'s first script asks storage for the very keys its status comes from (P8: read while the modules load)', async () => {
  const { ACCOUNTS_KEY, ACCOUNT_KEY } = await import('../../extension/background/status-check.js');
  await openPopup();
  // popup.js reads them itself when they differ (never a wrong status), but then late.
  assert.deepEqual(await page.evaluate(() => globalThis.crosslinkStored?.keys), ['linkStatus', ACCOUNTS_KEY, ACCOUNT_KEY]);
});

test('the header names the Instagram account of the reading, or says it is not read yet', async () => {
  await openPopup();
  assert.equal(await page.locator('#account').textContent(), 'Instagram account: not read yet');
  await putStorage(browser, 'local', { linkStatus: storedReading() });
  await until(() => page.locator('#account').textContent(), (t) => t === 'For Instagram account @jane.ig', { what: 'the account named' });
  assert.equal(await page.locator('#account strong').textContent(), '@jane.ig');
});

test('Unlink is not the primary button and asks "Unlink <Facebook name> from <Instagram account>?" first', async () => {
  await putStorage(browser, 'local', { linkStatus: storedReading({ linked: true }) });
  await openPopup();
  const unlink = page.getByRole('button', { name: 'Unlink Facebook', exact: true });
  await unlink.waitFor();
  // The primary (filled) style is Link's; Unlink is drawn as a secondary button.
  const fill = (sel) => page.locator(sel).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await fill('#unlink'), 'rgba(0, 0, 0, 0)');
  assert.equal(await page.locator('#link').isHidden(), true, 'a fresh "linked" reading offers only Unlink');
  await unlink.click();
  const group = page.getByRole('group', { name: 'Unlink Jane Doe from @jane.ig?' });
  await group.waitFor();
  assert.equal(await page.locator('#unlink-consequence').textContent(),
    'Sharing between them stops, and linking again may ask you to log in to Facebook.');
  assert.equal(await unlink.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'unlink-no', 'the safe choice has the focus');
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axe(page), [], `the confirmation, ${colorScheme}`);
  }
  await page.getByRole('button', { name: 'Keep linked', exact: true }).click();
  assert.equal(await group.isHidden(), true);
  await unlink.click();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#unlink-confirm').isHidden(), true, 'Escape closes it');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await flowRecord(), null, 'asking started nothing');
});

test('without names the question still says what it unlinks from what', async () => {
  await putStorage(browser, 'local', { linkStatus: { readAt: FIXED_NOW - MINUTE, url: ACCOUNTS, error: { name: 'not_found', detail: 'x' } } });
  await openPopup();
  await page.getByRole('button', { name: 'Unlink Facebook', exact: true }).click();
  await page.getByRole('group', { name: 'Unlink your Facebook account from this Instagram account?' }).waitFor();
});

test('a reading older than ten minutes is read again quietly on opening: "checking…", Link and Unlink both offered', async () => {
  await setState(stage, { linked: false, latencyMs: 400 });
  await putStorage(browser, 'local', { linkStatus: storedReading({ readAt: FIXED_NOW - 30 * MINUTE, linked: true }) });
  const tabsBefore = browser.context.pages().length;
  await openPopup();
  await until(() => page.locator('#status-time').textContent(), (t) => /checking…$/.test(t), { what: '"checking…"' });
  const rec = await until(flowRecord, (r) => r && r.flow === 'readStatus', { what: 'the quiet read' });
  assert.equal(rec.quiet, true);
  assert.equal(await page.locator('#link').isVisible(), true, 'Link offered while stale');
  assert.equal(await page.locator('#unlink').isVisible(), true, 'Unlink offered while stale');
  assert.equal(await page.locator('#flow').isHidden(), true, 'no flow box for a quiet read');
  assert.deepEqual(await axe(page), [], 'checking…');
  const done = await until(flowRecord, (r) => r && r.id === rec.id && ['done', 'error', 'cancelled'].includes(r.status),
    { timeout: 60000, what: 'the quiet read ended' });
  assert.equal(done.status, 'done', JSON.stringify(done.error));
  // The new reading: not linked (the stage says so), so only Link; the tab behind is gone.
  await until(() => page.locator('#status-line').textContent(), (t) => t === 'Not linked', { what: 'the new reading' });
  assert.doesNotMatch(await page.locator('#status-time').textContent(), /checking/);
  assert.equal(await page.locator('#unlink').isHidden(), true);
  assert.equal(await page.locator('#link').isVisible(), true);
  await until(() => browser.context.pages().length, (n) => n === tabsBefore, { what: 'the quiet read\'s tab closed' });
  assert.equal((await stored()).linked, false);
});

test('a fresh reading is not read again on opening', async () => {
  await putStorage(browser, 'local', { linkStatus: storedReading({ readAt: FIXED_NOW - 9 * MINUTE }) });
  await openPopup();
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await flowRecord(), null);
  assert.doesNotMatch(await page.locator('#status-time').textContent(), /checking/);
});

test('a reading for another Instagram account keeps nothing of the old account\'s', async () => {
  await putStorage(browser, 'local', { linkStatus: storedReading({ url: 'flow', sharing: { posts: true, reels: true, stories: true, facebookStories: true } }) });
  await setState(stage, { linked: true, facebookName: 'Maria Souza', instagramUsername: 'maria.ig' });
  const ac = await browser.context.newPage();
  await ac.goto(ACCOUNTS);
  const now = await until(stored, (s) => s?.instagramUsername === 'maria.ig', { what: 'the new account read' });
  assert.equal(now.facebookName, 'Maria Souza');
  assert.equal('sharing' in now, false, 'jane.ig\'s switches are not shown as maria.ig\'s');
  await ac.close();
  await openPopup();
  assert.equal(await page.locator('#account').textContent(), 'For Instagram account @maria.ig');
  assert.equal(await page.locator('[role="switch"][aria-checked="true"]').count(), 0);
});

test('the popup speaks the language chosen in the options page, and follows a change', async () => {
  await putStorage(browser, 'sync', { settings: { version: 1, share: { networks: ['facebook', 'copy'] }, composer: { applyDefault: false, shareToFacebook: false },
    locale: 'de', clickPacingMs: 400, logSize: 500 } });
  await putStorage(browser, 'local', { linkStatus: storedReading() });
  await openPopup();
  await until(() => page.locator('#unlink').textContent(), (t) => t === 'Facebook-Verknüpfung aufheben', { what: 'German' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('#account').textContent(), 'Für das Instagram-Konto @jane.ig');
  assert.equal(await page.locator('#status-line').textContent(), 'Mit Facebook verknüpft als Jane Doe');
  await worker().evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...settings, locale: 'fr' } });
  });
  await until(() => page.locator('#unlink').textContent(), (t) => t === 'Dissocier Facebook', { what: 'French after the change' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
});
