// The first-contact variants (issue 15; FACTS.md "Checked again … (December 2026)"),
// each walked by hand-scripted clicks: link steps as dialogs over a background page with
// query-string addressing, the finish wordings, "Accounts Centre", the removal wordings
// on either layout, React-style controls, the cookie banner, "Save your login info?", the
// birthday step and the "subscribe for no ads" interstitial.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as walks from './walks.mjs';
import { actionsOf, fresh, hostRequest, logOf, state, useBrowser } from './helpers.mjs';

const env = useBrowser();
const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';
const role = (r, name, scope = env.page) => scope.getByRole(r, { name, exact: true });
/** The link walk from the accounts list to Facebook's "Continue" (clicked unless said), with the stage in `state`. */
async function linkToContinue(state, { click = true } = {}) {
  await fresh(env.stage, state);
  await env.page.goto(ACCOUNTS);
  await role('button', 'Add accounts').click();
  await role('button', 'Add Facebook account').click();
  if (click) await role('button', 'Continue').click();
}
/** The rest of the link walk: finish, "Not now" on the profile sync, back on the list. */
async function finishLink() {
  await role('button', 'Yes, finish setup').click();
  await role('button', 'Not now').click();
  await role('heading', 'Accounts').waitFor();
}

/** Every keystroke the stage saw went to `field` and was the person's own (trusted), and
 *  what they typed (`secret`, or a telling part of it) is nowhere in the stage's log. */
async function typedByThePersonOnly(field, secret) {
  const typed = await logOf(env.stage, 'login_input');
  assert.ok(typed.length > 0 && typed.every((e) => e.field === field && e.trusted), JSON.stringify(typed));
  assert.ok(!JSON.stringify(await logOf(env.stage)).includes(secret), `"${secret}" in the stage's log`);
}
/** The person types `value` into the field `label` and presses `button`; the link then
 *  finishes with their step (`action`) between Facebook's "Continue" and the link. */
async function personTypesThenLinks(label, value, button, { action, field, secret = value }) {
  await env.page.getByLabel(label, { exact: true }).fill(value);
  await role('button', button).click();
  await finishLink();
  assert.deepEqual(await actionsOf(env.stage), ['facebook_continue account=Jane Doe', `${action} trusted=on`, 'link account=Jane Doe', 'sync_profile sync=off']);
  await typedByThePersonOnly(field, secret);
}

test('linkSteps dialogs: add, finish and sync are dialogs over a background page, addressed by query string', async () => {
  await fresh(env.stage, { linkSteps: 'dialogs' });
  const seen = [];
  const result = await walks.link(env.page, {
    onScreen: async (id, page) => {
      const url = new URL(page.url());
      seen.push([id, url.pathname, Object.fromEntries(url.searchParams), await page.getByRole('dialog').count()]);
    },
  });
  assert.equal(result.outcome, 'done', JSON.stringify(result));
  const at = (id) => seen.find(([x]) => x === id);
  assert.deepEqual(at('accounts_center_add_accounts').slice(1), ['/add/', { background_page: '/accounts/' }, 1]);
  const [, finishPath, finishQuery, finishDialogs] = at('accounts_center_finish_setup');
  assert.equal(finishPath, '/add/');
  assert.deepEqual(Object.keys(finishQuery).sort(), ['auth_flow', 'background_page', 'blob', 'token']);
  assert.equal(finishQuery.auth_flow, 'ig_linking');
  assert.equal(finishQuery.background_page, '/');
  assert.equal(finishDialogs, 1);
  const [, syncPath, syncQuery, syncDialogs] = at('accounts_center_profile_sync');
  assert.equal(syncPath, '/add/');
  assert.equal(syncQuery.step, 'sync', 'the finish dialog turned into the sync dialog in place');
  assert.equal(syncDialogs, 1);
  assert.deepEqual(await actionsOf(env.stage), ['facebook_continue account=Jane Doe', 'link account=Jane Doe', 'sync_profile sync=off']);
  const pages = (await hostRequest(env.stage, 'accountscenter.instagram.com', 'GET', '/__stage/log?kind=request')).body;
  assert.ok(!JSON.stringify(pages).includes('/add/confirm/'), 'no /add/confirm/ on the way');
  assert.equal((await hostRequest(env.stage, 'accountscenter.instagram.com', 'GET', '/add/confirm/?etoken=x')).status, 404);
  assert.equal((await hostRequest(env.stage, 'accountscenter.instagram.com', 'GET', '/add/sync/')).status, 404);
  // Behind the finish dialog: the background page (the overview) is there.
  await fresh(env.stage, { linkSteps: 'dialogs' });
  await env.page.goto(`https://accountscenter.instagram.com/add/?auth_flow=ig_linking&background_page=${encodeURIComponent('/accounts/')}&token=nope`);
  await role('heading', 'Accounts').waitFor();
  assert.equal(await env.page.getByRole('dialog').getByRole('alert').textContent(), 'This request expired. Start again from Add accounts.');
});

for (const [wording, label] of [['adding', 'Yes, finish adding'], ['allow', 'Allow and continue']]) {
  test(`finishWording ${wording}: the finish button says "${label}"`, async () => {
    await fresh(env.stage, { finishWording: wording });
    await env.page.goto(ACCOUNTS);
    await role('button', 'Add accounts').click();
    await role('button', 'Add Facebook account').click();
    await role('button', 'Continue').click();
    await role('button', label).click();
    await role('button', 'Not now').click();
    await role('heading', 'Accounts').waitFor();
    assert.equal(await role('button', 'Yes, finish setup').count(), 0);
    assert.equal((await state(env.stage)).linked, true);
    assert.deepEqual(await actionsOf(env.stage), ['facebook_continue account=Jane Doe', 'link account=Jane Doe', 'sync_profile sync=off']);
  });
}

test('accountsCentre: the en-GB "Accounts Centre" everywhere it is named, in English only', async () => {
  await fresh(env.stage, { accountsCentre: true });
  await env.page.goto('https://accountscenter.instagram.com/');
  await role('heading', 'Accounts Centre').first().waitFor();
  assert.doesNotMatch(await env.page.locator('body').innerText(), /Accounts Center/);
  await env.page.goto('https://www.instagram.com/accounts/edit/');
  await env.page.getByRole('link', { name: /Accounts Centre/ }).first().waitFor();
  assert.doesNotMatch(await env.page.locator('body').innerText(), /Accounts Center/);
  await fresh(env.stage, { accountsCentre: true, locale: 'es' });
  await env.page.goto('https://accountscenter.instagram.com/');
  await role('heading', 'Centro de cuentas').first().waitFor();
});

for (const [layout, wording, buttons] of [
  ['B', 'help', ['Remove from Accounts Center', 'Continue', 'Remove Maria Souza']],
  ['A', 'web', ['Remove account', 'Continue', 'Yes, remove']],
]) {
  test(`removalWording ${wording} on layout ${layout}: ${buttons.join(' → ')}`, async () => {
    await fresh(env.stage, { layout, removalWording: wording, linked: true, facebookName: 'Maria Souza' });
    await env.page.goto(ACCOUNTS);
    await env.page.getByRole('listitem').filter({ hasText: 'Facebook' }).getByRole('link').click();
    await role('button', buttons[0]).click();
    await role('button', buttons[1], env.page.getByRole('dialog')).click();
    await role('button', buttons[2], env.page.getByRole('dialog')).click();
    await role('heading', 'Accounts').waitFor();
    assert.equal((await state(env.stage)).linked, false);
    assert.deepEqual(await actionsOf(env.stage), ['remove_account account=Maria Souza']);
  });
}

test('reactClicks: a bare click() does nothing, a pointer\'s click and a key press act', async () => {
  await fresh(env.stage, { reactClicks: true, linked: true });
  await env.page.goto('https://accountscenter.instagram.com/connected_experiences/cross_posting/');
  const posts = role('switch', 'Share your posts to Facebook');
  await posts.evaluate((el) => el.click());
  await posts.dispatchEvent('click');
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await actionsOf(env.stage), [], 'bare clicks ignored');
  assert.equal(await posts.getAttribute('aria-checked'), 'false');
  await posts.click();
  await env.page.locator('[aria-checked="true"]').and(posts).waitFor();
  assert.deepEqual(await actionsOf(env.stage), ['set_switch posts=on']);
  // Layout B's div[role=switch]: Space from the keyboard.
  await fresh(env.stage, { reactClicks: true, linked: true, layout: 'B' });
  await env.page.goto('https://accountscenter.instagram.com/connected_experiences/cross_posting/');
  await role('switch', 'Share your reels to Facebook').focus();
  await env.page.keyboard.press('Space');
  await env.page.locator('[aria-checked="true"]').and(role('switch', 'Share your reels to Facebook')).waitFor();
  assert.deepEqual(await actionsOf(env.stage), ['set_switch reels=on']);
});

test('cookieBanner: a modal choice on every page until the person makes it, logged with who made it', async () => {
  await fresh(env.stage, { cookieBanner: true });
  await env.page.goto(ACCOUNTS);
  const banner = env.page.getByRole('dialog', { name: 'Allow the use of cookies from Meta on this browser?' });
  await banner.waitFor();
  assert.equal(await role('button', 'Allow all cookies', banner).count(), 1);
  await env.page.goto('https://www.instagram.com/accounts/edit/');
  await banner.waitFor();
  // A script's click is recorded as not the person's.
  await role('button', 'Decline optional cookies', banner).evaluate((el) => el.click());
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(await actionsOf(env.stage), ['cookie_choice choice=decline trusted=off']);
  assert.equal((await state(env.stage)).cookieBanner, false);
  await fresh(env.stage, { cookieBanner: true });
  await env.page.goto('https://www.facebook.com/login/?src=fxcal&show_accounts_center_content=1&next=x');
  await role('button', 'Allow all cookies', banner).click();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(await actionsOf(env.stage), ['cookie_choice choice=allow trusted=on']);
  await env.page.reload();
  await role('button', 'Continue').waitFor();
  assert.equal(await banner.count(), 0);
});

test('saveLoginInfo: "Save your login info?" between Facebook\'s Continue and the hand-off; either answer leads on', async () => {
  for (const [answer, choice] of [['Not now', 'not_now'], ['Save', 'save']]) {
    await linkToContinue({ saveLoginInfo: true });
    await role('heading', 'Save your login info?').waitFor();
    assert.equal(new URL(env.page.url()).pathname, '/login/save-device/');
    await role('button', answer).click();
    await finishLink();
    assert.deepEqual(await actionsOf(env.stage), ['facebook_continue account=Jane Doe', `save_login_info choice=${choice} trusted=on`, 'link account=Jane Doe', 'sync_profile sync=off']);
  }
});

test('confirmIdentity: "Confirm it\'s you" before the removal; the person types, then the removal is made again', async () => {
  await fresh(env.stage, { confirmIdentity: true, linked: true, facebookName: 'Maria Souza' });
  await env.page.goto(ACCOUNTS);
  await env.page.getByRole('listitem').filter({ hasText: 'Facebook' }).getByRole('link').click();
  const removeAll = async () => {
    await role('button', 'Remove from Accounts Center').click();
    await role('button', 'Continue', env.page.getByRole('dialog')).click();
    await role('button', 'Remove Maria Souza', env.page.getByRole('dialog')).click();
  };
  await removeAll();
  await role('heading', "Confirm it's you").waitFor();
  assert.equal(new URL(env.page.url()).pathname, '/reauth/');
  assert.equal((await state(env.stage)).linked, true, 'nothing removed yet');
  await env.page.getByLabel('Password', { exact: true }).fill('hunter22');
  await role('button', 'Continue').click();
  await role('button', 'Remove from Accounts Center').waitFor();
  await removeAll();
  await role('heading', 'Accounts').waitFor();
  assert.equal((await state(env.stage)).linked, false);
  assert.deepEqual(await actionsOf(env.stage), ['confirm_identity trusted=on', 'remove_account account=Maria Souza']);
  await typedByThePersonOnly('reauth_pass', 'hunter22');
});

test('birthday: "Add your birthday" after the hand-off, before the finish; the person types it, then the finish', async () => {
  await linkToContinue({ birthday: true });
  await role('heading', 'Add your birthday').waitFor();
  assert.equal(new URL(env.page.url()).pathname, '/birthday/');
  assert.equal((await state(env.stage)).linked, false, 'nothing linked yet');
  await personTypesThenLinks('Birthday (MM/DD/YYYY)', '04/17/1990', 'Next', { action: 'birthday', field: 'birthday', secret: '1990' });
});

test('facebookPassword: the saved account\'s password page after "Continue", the person types, then the hand-off', async () => {
  await linkToContinue({ facebookPassword: true });
  await role('heading', 'Log in as Jane Doe').waitFor();
  const at = new URL(env.page.url());
  assert.equal(at.host + at.pathname, 'm.facebook.com/login/device-based/password/');
  assert.equal(at.searchParams.get('flow'), 'fx_reauth');
  await personTypesThenLinks('Password', 'hunter22', 'Log in', { action: 'facebook_password', field: 'fb_pass' });
});

test('adsChoice: "Subscribe for no ads" in place of Facebook\'s "Continue as" until the person chooses; then the page asked for', async () => {
  await linkToContinue({ adsChoice: true, linkSteps: 'dialogs' }, { click: false });
  await role('heading', 'Subscribe for no ads').waitFor();
  const at = env.page.url();
  assert.equal(await role('button', 'Continue').count(), 0, 'the interstitial, not the page beneath it');
  await role('button', 'Use for free with ads').click();
  await role('button', 'Continue').waitFor();
  assert.equal(env.page.url(), at, 'the same address, the page asked for');
  await role('button', 'Continue').click();
  await finishLink();
  assert.deepEqual(await actionsOf(env.stage), ['ads_choice choice=free trusted=on', 'facebook_continue account=Jane Doe', 'link account=Jane Doe', 'sync_profile sync=off']);
});

test('the variant keys are validated', async () => {
  const { control } = await import('./helpers.mjs');
  for (const bad of [{ scramble: -1 }, { scramble: 1.5 }, { scramble: '3' }, { linkSteps: 'modal' }, { finishWording: 'done' },
    { removalWording: 'A' }, { reactClicks: 1 }, { confirmIdentity: 'no' }, { cookieBanner: 'yes' }, { saveLoginInfo: null }, { accountsCentre: 'gb' }, { birthday: 'yes' }, { adsChoice: 1 }, { facebookPassword: 'x' }]) {
    const r = await control(env.stage, 'POST', '/__stage/state', bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
  }
  const ok = await control(env.stage, 'POST', '/__stage/state', { scramble: 7, linkSteps: 'dialogs', finishWording: 'allow', removalWording: 'web' });
  assert.equal(ok.status, 200);
  await fresh(env.stage);
  assert.equal((await state(env.stage)).scramble, null);
});
