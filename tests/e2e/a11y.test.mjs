// Accessibility: axe-core (npm) run inside the popup and the options page in light and
// dark mode (prefers-color-scheme) finds no violation, in their resting states and with
// their messages showing; the in-page share control and its menu likewise; and every
// control of the options page is reached by Tab, shows its focus and works by keyboard.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { FIXED_NOW, setState, stageRequest, until, useBrowser } from './harness.mjs';
import { FEED, CONTROL } from './share-helpers.mjs';
import { clearStorage, openOptions, putStorage, storage } from './options-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'];
// A 1×1 PNG: the photo the person picks in the new-post dialog.
const PHOTO = { name: 'photo.png', mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') };

/**
 * axe-core inside the page: evaluated through the DevTools protocol (an extension page's
 * CSP refuses an injected <script>), then run on `context` (default: the document).
 * Returns the violations, each as "rule: target … (help)".
 */
async function axe(page, context = null) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')} (${v.help})`);
  }, context);
  return violations;
}

let stage, browser, page;  // set up by useBrowser
const worker = () => browser.context.serviceWorkers()[0];
// The times the popup shows are the test's.
useBrowser((env) => ({ stage, browser, page } = env), { clock: FIXED_NOW });
beforeEach(async () => {
  await clearStorage(browser);
  await page.emulateMedia({ colorScheme: 'light' });
});

for (const colorScheme of SCHEMES) {
  test(`popup, ${colorScheme}: axe finds no violation (status unknown, linked, an error, a paused and a stopped flow, the log)`, async () => {
    await page.emulateMedia({ colorScheme });
    await page.goto(browser.popupUrl);
    await until(() => page.locator('#status-line').textContent(), (t) => t.length > 0, { what: 'the status line' });
    assert.deepEqual(await axe(page), [], 'unknown');
    await putStorage(browser, 'local', { linkStatus: { readAt: FIXED_NOW, linked: true, facebookName: 'Jane Doe', url: 'https://accountscenter.instagram.com/accounts/' } });
    await page.reload();
    await until(() => page.locator('#status-line').textContent(), (t) => /Jane Doe/.test(t), { what: 'the linked status' });
    assert.deepEqual(await axe(page), [], 'linked');
    await putStorage(browser, 'local', { linkStatus: { readAt: FIXED_NOW, url: 'https://accountscenter.instagram.com/accounts/', error: { name: 'not_found', detail: 'x' } } });
    await page.reload();
    await until(() => page.locator('#status-line').getAttribute('data-state'), (s) => s === 'error', { what: 'the error status' });
    assert.deepEqual(await axe(page), [], 'error');

    // Linked with the switches read, a log, and a flow: paused and asking, then ended in an error.
    await putStorage(browser, 'local', {
      linkStatus: { readAt: FIXED_NOW, url: 'flow', linked: true, facebookName: 'Jane Doe',
        sharing: { posts: true, reels: false, stories: true, facebookStories: false }, messaging: { updated: true, othersOnFacebook: 'everyone' } },
      activityLog: { version: 1, next: 3, entries: [
        { seq: 0, t: FIXED_NOW - 60000, type: 'flow_start', detail: 'setSharing' },
        { seq: 1, t: FIXED_NOW - 30000, type: 'flow_ask_user', detail: 'setSharing: facebook_login' },
        { seq: 2, t: FIXED_NOW, type: 'settings', outcome: 'saved' }] },
    });
    await putStorage(browser, 'session', { flow: { id: 'a11y', flow: 'setSharing', params: { sharing: { reels: true } }, status: 'paused', actions: 2, screen: 'accounts_center_sharing' } });
    await page.reload();
    await page.locator('#flow:not([hidden]) #resume:not([hidden])').waitFor();
    assert.equal(await page.locator('.switches [role="switch"][aria-checked="true"]').count() >= 2, true, 'switches read');
    assert.deepEqual(await axe(page), [], 'a paused flow, switches, the log');
    await putStorage(browser, 'session', { flow: { id: 'a11y', flow: 'setSharing', params: { sharing: { reels: true } }, status: 'error', outcome: 'rate_limited' } });
    await page.locator('#flow-outcome:not([hidden])').waitFor();
    assert.deepEqual(await axe(page), [], 'a flow that stopped');
    await worker().evaluate(() => chrome.storage.session.clear());
  });

  test(`options, ${colorScheme}: axe finds no violation at rest, with field errors, a refused import, the reset question`, async () => {
    await page.emulateMedia({ colorScheme });
    await putStorage(browser, 'sync', { settings: { version: 1, clickPacingMs: 'fast' } });
    await openOptions(browser, page);
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
    assert.equal(await page.locator('.notice').count(), 1, 'the repair notice shows');
    assert.deepEqual(await axe(page), [], 'at rest, with a notice');

    await page.locator('#pacing').fill('5');
    await page.locator('#save').click();
    await page.locator('#pacing-error:not([hidden])').waitFor();
    await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
    await until(() => page.locator('#data-status').getAttribute('data-kind'), (k) => k === 'error', { what: 'the refusal' });
    await page.locator('#reset').click();
    await page.locator('#reset-confirm:not([hidden])').waitFor();
    assert.deepEqual(await axe(page), [], 'with errors, a refusal and the question');

    await page.locator('#composer-apply').check();
    assert.deepEqual(await axe(page, '#composer-field'), [], 'the composer choice enabled');
  });

  test(`share control on Instagram, ${colorScheme}: axe finds no violation in the button and its open menu`, async () => {
    await stageRequest(stage, '/__stage/reset', {});
    await page.emulateMedia({ colorScheme });
    await page.goto(FEED);
    await page.locator(CONTROL).first().waitFor({ timeout: 15000 });
    // Only Crosslink's own elements: the stage's replica of Instagram is not ours to judge.
    assert.deepEqual(await axe(page, { include: [[CONTROL]] }), []);
    await page.locator(CONTROL).first().focus();
    await page.keyboard.press('ArrowDown');
    await until(() => page.evaluate(() => document.activeElement?.getAttribute('role')), (r) => r === 'menuitem', { what: 'focus in the menu' });
    assert.deepEqual(await axe(page, { include: [['.crosslink-share-menu'], [CONTROL]] }), []);
    await page.keyboard.press('Escape');
    // A post whose link cannot be found: the menu shows the error instead.
    await page.locator('article').first().evaluate((a) => {
      for (const link of a.querySelectorAll('a[href*="/p/"], a[href*="/reel"]')) link.removeAttribute('href');
    });
    await page.locator(CONTROL).first().click();
    await page.locator('.crosslink-share-error').waitFor();
    assert.equal(await page.locator('.crosslink-share-error').textContent(), "Couldn't share this post: no link to this post was found");
    assert.deepEqual(await axe(page, { include: [['.crosslink-share-menu']] }), [], 'the error in the menu');
    await page.keyboard.press('Escape');
  });
}

test('the composer note and its undo: axe finds no violation in light and dark, and Undo works by keyboard', async () => {
  await stageRequest(stage, '/__stage/reset', {});
  await setState(stage, { linked: true, sharing: { posts: false }, locale: 'en' });
  await putStorage(browser, 'sync', { settings: { version: 1, share: { networks: ['facebook', 'x', 'tumblr', 'okru', 'copy'] },
    composer: { applyDefault: true, shareToFacebook: true }, locale: 'auto', clickPacingMs: 400, logSize: 500 } });
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.goto(FEED);
    await page.locator('svg[aria-label="New post"]').click();
    const note = page.locator('.crosslink-composer-note');
    await until(() => note.textContent().catch(() => ''), (t) => /Undo$/.test(t), { what: 'the note with its undo' });
    // The switch (and the note) show on the caption step: pick a photo, Next, Next.
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles(PHOTO);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await note.waitFor({ state: 'visible' });
    assert.deepEqual(await axe(page, { include: [['.crosslink-composer-note']] }), [], colorScheme);
  }
  const sw = page.getByRole('dialog').getByRole('switch', { name: 'Also share to Facebook', includeHidden: true });
  assert.equal(await sw.getAttribute('aria-checked'), 'true');
  await page.locator('.crosslink-composer-undo').focus();
  assert.equal(await page.evaluate(() => document.activeElement.className), 'crosslink-composer-undo', 'Undo takes the focus');
  await page.keyboard.press('Enter');
  await until(() => sw.getAttribute('aria-checked'), (v) => v === 'false', { what: 'undone by keyboard' });
  assert.equal(await page.locator('.crosslink-composer-note').textContent(), 'Undone: “Also share to Facebook” is off again.');
});

/** Tab through the page from the top: the focused elements in order, with their focus ring. */
async function tabOrder(limit = 60) {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.locator('h1').click();  // a start at the top, as a person would
  const seen = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent.trim();
      return { id: el.id, tag: el.tagName.toLowerCase(), type: el.type ?? '', name, focusVisible: el.matches(':focus-visible'),
        outline: `${style.outlineStyle} ${parseFloat(style.outlineWidth)}` };
    });
    if (!info || seen.some((s) => s.id === info.id && s.name === info.name)) break;
    seen.push(info);
  }
  return seen;
}

test('options by keyboard alone: every control in order, each with a visible focus ring; Space, typing and Enter save', async () => {
  await openOptions(browser, page);
  const order = await tabOrder();
  const ids = order.map((o) => o.id || `${o.tag}:${o.name}`);
  for (const id of ['network-facebook', 'network-copy', 'composer-apply', 'locale', 'pacing', 'log-size', 'save', 'revert', 'export', 'import', 'reset']) {
    assert.ok(ids.includes(id), `${id} is reached by Tab (order: ${ids.join(', ')})`);
  }
  // The six checkboxes and their enabled move buttons: 6 + 10.
  assert.equal(order.filter((o) => o.name.startsWith('Move ')).length, 10);
  for (const o of order) {
    assert.ok(o.focusVisible, `${o.id || o.name} matches :focus-visible`);
    const [style, width] = o.outline.split(' ');
    assert.ok(style !== 'none' && Number(width) >= 2, `${o.id || o.name} shows a focus ring (${o.outline})`);
  }
  assert.ok(ids.indexOf('pacing') < ids.indexOf('save') && ids.indexOf('save') < ids.indexOf('export'), 'the order follows the page');

  // Operate: Space turns Tumblr off, the move button moves by keyboard, type the pause, Enter saves.
  await page.locator('#network-tumblr').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Move OK.ru up' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Move OK.ru up', 'focus stays on the moved row');
  await page.locator('#pacing').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1500');
  await page.keyboard.press('Enter');
  await until(() => page.locator('#save-status').textContent(), (s) => s === 'Saved.', { what: 'Saved.' });
  const { sync } = await storage(browser);
  assert.deepEqual(sync.settings.share.networks, ['facebook', 'x', 'okru', 'threads', 'copy']);
  assert.equal(sync.settings.clickPacingMs, 1500);
});

test('the landmarks, headings and names of the options page', async () => {
  await openOptions(browser, page);
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Crosslink settings');
  for (const name of ['Share menu', 'New posts', 'Language', 'Automation']) assert.equal(await page.getByRole('group', { name }).count(), 1, name);
  for (const name of ['Remembered buttons', 'Export and import', 'Reset']) assert.equal(await page.getByRole('region', { name }).count(), 1, name);
  assert.equal(await page.getByRole('spinbutton', { name: 'Pause between automated clicks (milliseconds)' }).getAttribute('aria-describedby'), 'pacing-help pacing-error');
  assert.equal(await page.getByRole('status').count(), 4, 'save, remembered buttons, data and reset messages are announced');
});

test('popup by keyboard: its button is reached by Tab and shows its focus', async () => {
  await putStorage(browser, 'local', { linkStatus: { readAt: FIXED_NOW, url: 'https://accountscenter.instagram.com/accounts/', error: { name: 'not_found', detail: 'x' } } });
  await page.goto(browser.popupUrl);
  await until(() => page.locator('#status-line').getAttribute('data-state'), (s) => s === 'error', { what: 'the error status' });
  const buttons = await page.locator('button:visible').count();
  assert.ok(buttons >= 1);
  const seen = [];
  for (let i = 0; i < buttons; i += 1) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, visible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    }));
  }
  assert.ok(seen.every((s) => s.tag === 'BUTTON' && s.visible), JSON.stringify(seen));
});

test('the share control shows its focus ring when reached by keyboard', async () => {
  await stageRequest(stage, '/__stage/reset', {});
  await setState(stage, { locale: 'en' });
  await page.goto(FEED);
  await page.locator(CONTROL).first().waitFor({ timeout: 15000 });
  // Tab from the element just before the first control.
  await page.locator(CONTROL).first().evaluate((b) => {
    const before = b.previousElementSibling?.querySelector('button, [role="button"]') ?? b.previousElementSibling;
    (before ?? b).focus();
  });
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return { share: el.matches('[data-crosslink="share"]'), visible: el.matches(':focus-visible'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.ok(ring.share, 'focus on the share control');
  assert.ok(ring.visible && ring.outline !== 'none' && ring.width >= 2, JSON.stringify(ring));
});
