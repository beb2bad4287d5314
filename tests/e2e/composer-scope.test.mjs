// The composer default sets "Also share to Facebook" only in the new-post composer, as the
// core recognises it (screen instagram_composer, the switch in the composer's own dialog):
// a switch of the same name in any other dialog is never touched (issue 17, finding 5).
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { setState, stageRequest, until, useBrowser } from './harness.mjs';
import { FEED, setSettings, settingsWith } from './share-helpers.mjs';

let stage, browser, page;  // set up by useBrowser
useBrowser((env) => ({ stage, browser, page } = env));
beforeEach(async () => {
  await stageRequest(stage, '/__stage/reset', {});
  await setState(stage, { linked: true, sharing: { posts: false } });
  await setSettings(browser, settingsWith({ applyDefault: true, shareToFacebook: true }));
});

/**
 * Page script adds a dialog that is not the composer, holding a switch named exactly like
 * the composer's; the switch flips on a click (as a real one would) and counts clicks.
 */
const addOtherDialog = (title) => page.evaluate((title) => {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', title);
  dialog.id = 'other-dialog';
  dialog.style.cssText = 'position:fixed;top:20px;left:20px;background:#fff;padding:16px;z-index:99';
  dialog.innerHTML = `<h2>${title}</h2><div><span id="other-label">Also share to Facebook</span>`
    + '<div role="switch" tabindex="0" aria-checked="false" aria-labelledby="other-label" style="width:40px;height:20px;background:#ccc"></div></div>';
  const sw = dialog.querySelector('[role="switch"]');
  window.otherClicks = 0;
  sw.addEventListener('click', () => {
    window.otherClicks += 1;
    sw.setAttribute('aria-checked', String(sw.getAttribute('aria-checked') !== 'true'));
  });
  document.body.append(dialog);
}, title);
const otherState = () => page.evaluate(() => ({
  clicks: window.otherClicks,
  checked: document.querySelector('#other-dialog [role="switch"]').getAttribute('aria-checked'),
  notes: document.querySelectorAll('#other-dialog .crosslink-composer-note').length,
}));

test('a dialog that is not the composer, with an "Also share to Facebook" switch: left alone', async () => {
  await page.goto(FEED);
  await page.locator('article').first().waitFor();
  await addOtherDialog('Share settings');
  await page.waitForTimeout(1500);
  assert.deepEqual(await otherState(), { clicks: 0, checked: 'false', notes: 0 });
});

test('the composer and another such dialog open together: only the composer\'s switch is set', async () => {
  await page.goto(FEED);
  await addOtherDialog('Share settings');
  await page.locator('svg[aria-label="New post"]').click();
  const composer = page.getByRole('dialog', { name: 'Create new post' });
  await composer.waitFor();
  const fb = composer.getByRole('switch', { name: 'Also share to Facebook', includeHidden: true });
  await until(() => fb.getAttribute('aria-checked'), (v) => v === 'true', { what: 'the composer\'s switch turned on' });
  await until(() => composer.locator('.crosslink-composer-note').textContent(),
    (t) => t === 'Crosslink turned on “Also share to Facebook”, your default. Undo', { what: 'the note in the composer' });
  await page.waitForTimeout(800);
  assert.deepEqual(await otherState(), { clicks: 0, checked: 'false', notes: 0 });
});
