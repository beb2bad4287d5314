// The variants of the stage, walked by hand: Facebook logged out (and its login form
// audited), several Facebook accounts, already linked, no messaging in the region, slow,
// rate limited, the one-time interstitial, a failing composer, the other ways in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as walks from './walks.mjs';
import { actionsOf, control, fresh, logOf, refusedOf, state, useBrowser } from './helpers.mjs';

const env = useBrowser();
const FXCAL = 'https://www.facebook.com/login/?src=fxcal&show_accounts_center_content=1';

test('Facebook logged out: the link walk stops at the login form, nothing typed, nothing linked', async () => {
  await fresh(env.stage, { facebookLoggedIn: false });
  const result = await walks.link(env.page);
  assert.equal(result.outcome, 'needs_login');
  assert.deepEqual(result.screens.slice(-1), ['facebook_login']);
  assert.equal(new URL(env.page.url()).host, 'www.facebook.com');
  assert.equal((await state(env.stage)).linked, false);
  assert.deepEqual(await logOf(env.stage, 'login_input'), []);
  assert.deepEqual(await actionsOf(env.stage), []);
});

test('the login form records a person typing: every input, trusted, without the values', async () => {
  await fresh(env.stage, { facebookLoggedIn: false, locale: 'fr' });
  const result = await walks.link(env.page, { facebookLogin: { email: 'jane@example.com', password: 'hunter22' } });
  assert.equal(result.outcome, 'done');
  assert.deepEqual(result.screens.slice(2, 4), ['facebook_login', 'facebook_continue_as']);
  const inputs = await logOf(env.stage, 'login_input');
  assert.ok(inputs.some((e) => e.field === 'email' && e.how === 'input' && e.trusted && e.length === 16));
  assert.ok(inputs.some((e) => e.field === 'pass' && e.trusted && e.length === 8));
  assert.ok(inputs.some((e) => e.field === 'form' && e.how === 'post'));
  const everything = JSON.stringify(await logOf(env.stage));
  assert.doesNotMatch(everything, /hunter22|jane@example/, 'values are never recorded');
  assert.deepEqual(await actionsOf(env.stage), ['facebook_login', 'facebook_continue account=Jane Doe', 'link account=Jane Doe', 'sync_profile sync=off']);
});

test('the login form records values set from script, with or without a synthetic event, as untrusted', async () => {
  await fresh(env.stage, { facebookLoggedIn: false });
  await env.page.goto(FXCAL);
  await env.page.getByRole('textbox', { name: 'Email address or phone number' }).waitFor();
  await env.page.evaluate(() => {
    const [email, pass] = document.querySelectorAll('input[name=email], input[name=pass]');
    email.value = 'sneaky@example.com';  // no event at all
    pass.value = 'x';
    pass.dispatchEvent(new Event('input', { bubbles: true }));  // a synthetic one
  });
  const log = await (async () => {
    for (let i = 0; i < 40; i++) {
      const entries = await logOf(env.stage, 'login_input');
      if (entries.some((e) => e.how === 'value_changed_without_event')) return entries;
      await new Promise((r) => setTimeout(r, 50));
    }
    return logOf(env.stage, 'login_input');
  })();
  assert.ok(log.some((e) => e.field === 'email' && e.how === 'value_changed_without_event' && e.trusted === false), JSON.stringify(log));
  assert.ok(log.some((e) => e.field === 'pass' && e.how === 'input' && e.trusted === false), JSON.stringify(log));
  assert.equal((await state(env.stage)).facebookLoggedIn, false);
});

test('several Facebook accounts: the choice page, and the account chosen is the one linked', async () => {
  await fresh(env.stage, { facebookAccounts: ['Jane Doe', 'John Smith', 'Ana Lima'], layout: 'B', locale: 'pt' });
  const result = await walks.link(env.page, { account: 'John Smith', sync: true });
  assert.equal(result.outcome, 'done');
  assert.ok(result.screens.includes('facebook_choose_account'));
  assert.ok(!result.screens.includes('facebook_continue_as'));
  assert.equal(result.facebookName, 'John Smith');
  const s = await state(env.stage);
  assert.equal(s.facebookName, 'John Smith');
  assert.equal(s.profileSynced, true);
  assert.deepEqual(await actionsOf(env.stage), ['facebook_continue account=John Smith', 'link account=John Smith', 'sync_profile sync=on']);
});

test('"Not you?" on the continue-as page leads to the login form and changes nothing', async () => {
  await fresh(env.stage);
  await env.page.goto(FXCAL);
  await env.page.getByRole('link', { name: 'Not you?' }).click();
  await env.page.getByRole('textbox', { name: 'Email address or phone number' }).waitFor();
  assert.match(env.page.url(), /login_as_other=1/);
  assert.deepEqual(await actionsOf(env.stage), []);
  assert.equal((await state(env.stage)).facebookLoggedIn, true);
});

test('linking another account than the one offered: "Not you?", then the login form', async () => {
  await fresh(env.stage, { facebookAccounts: ['Jane Doe'] });
  const result = await walks.link(env.page, { account: 'Someone Else' });
  assert.equal(result.outcome, 'needs_login');
  assert.deepEqual(result.screens.slice(-2), ['facebook_continue_as', 'facebook_login']);
  assert.deepEqual(await actionsOf(env.stage), []);
});

test('already linked: the link walk sees the Facebook card and clicks nothing; unlinking when not linked likewise', async () => {
  await fresh(env.stage, { linked: true, facebookName: 'Jane Doe', layout: 'B' });
  const link = await walks.link(env.page);
  assert.equal(link.outcome, 'already');
  assert.equal(link.clicks, 0);
  await fresh(env.stage);
  const unlink = await walks.unlink(env.page);
  assert.equal(unlink.outcome, 'already');
  assert.equal(unlink.clicks, 0);
  assert.deepEqual(await actionsOf(env.stage), []);
});

test('a region without messaging: no "Update Messaging" anywhere, the walk says unavailable', async () => {
  await fresh(env.stage, { linked: true, messagingAvailable: false, locale: 'de' });
  const result = await walks.linkMessaging(env.page);
  assert.equal(result.outcome, 'unavailable');
  await env.page.goto('https://www.instagram.com/direct/inbox/');
  assert.equal(await env.page.getByRole('button', { name: 'Aktualisieren' }).count(), 0);
  assert.equal((await state(env.stage)).messagingUpdated, false);
  assert.deepEqual(await actionsOf(env.stage), []);
});

test('updating messaging before linking says why in the dialog, and changes nothing', async () => {
  await fresh(env.stage);
  const result = await walks.linkMessaging(env.page);
  assert.equal(result.outcome, 'failed');
  assert.match(result.message, /Add your Facebook account to Accounts Center first/);
  assert.equal((await state(env.stage)).messagingUpdated, false);
  assert.deepEqual(await refusedOf(env.stage), ['update_messaging: Add your Facebook account to Accounts Center first.']);
});

test('unlinking messaging when it was never linked: the row is absent, the walk says not_linked', async () => {
  await fresh(env.stage, { linked: true });
  const result = await walks.unlinkMessaging(env.page);
  assert.equal(result.outcome, 'not_linked');
});

test('slow: every request waits the latency, and the walk still ends right', async () => {
  await fresh(env.stage, { latencyMs: 250 });
  const result = await walks.link(env.page, { timeout: 20000 });
  assert.equal(result.outcome, 'done');
  const requests = await logOf(env.stage, 'request');
  const documents = requests.filter((e) => e.method === 'GET' && !e.path.startsWith('/favicon'));
  assert.ok(documents.length >= 5);
  assert.ok(requests.every((e) => e.durationMs >= 240), JSON.stringify(requests.map((e) => e.durationMs)));
  assert.ok(result.ms >= 250 * 7, `${result.ms} ms for ${requests.length} requests`);
  assert.equal((await state(env.stage)).linked, true);
});

test('rate limited after 1 action: the link stops at "Try Again Later", nothing linked, a reload shows the truth', async () => {
  await fresh(env.stage, { rateLimitAfter: 1, locale: 'es' });
  const result = await walks.link(env.page);
  assert.equal(result.outcome, 'rate_limited');
  assert.deepEqual(result.screens.slice(-2), ['accounts_center_finish_setup', 'rate_limited']);
  assert.equal(await env.page.getByRole('dialog', { name: 'Inténtalo de nuevo más tarde' }).count(), 1);
  assert.match(await env.page.getByRole('dialog').innerText(), /Restringimos ciertas actividades/);
  const s = await state(env.stage);
  assert.equal(s.linked, false);
  assert.equal(s.rateLimited, true);
  assert.deepEqual(await actionsOf(env.stage), ['facebook_continue account=Jane Doe']);
  assert.deepEqual(await refusedOf(env.stage), ['link account=Jane Doe: rate_limited']);
  await env.page.getByRole('button', { name: 'Aceptar' }).click();
  await env.page.getByRole('button', { name: 'Sí, terminar la configuración' }).waitFor();
});

test('rate limited while setting switches: the ones before the limit stay set, the page says so', async () => {
  await fresh(env.stage, { linked: true, rateLimitAfter: 2, layout: 'B' });
  const result = await walks.setSharing(env.page, { posts: true, reels: true, stories: true });
  assert.equal(result.outcome, 'rate_limited');
  assert.equal(result.changed, 3);
  assert.deepEqual((await state(env.stage)).sharing, { posts: true, reels: true, stories: false, facebookStories: false });
  const status = await walks.readStatus(env.page);
  assert.deepEqual(status.switches, { posts: true, reels: true, stories: false, facebookStories: false });
});

test('the interstitial appears once, on the next page, and "Not Now" dismisses it', async () => {
  await fresh(env.stage, { interstitial: true, linked: true, sharing: { posts: true } });
  const seen = [];
  const first = await walks.setSharing(env.page, { reels: true }, { onScreen: (id) => seen.push(id) });
  assert.equal(first.outcome, 'done');
  assert.deepEqual(seen, ['instagram_interstitial', 'accounts_center_sharing']);
  const second = await walks.setSharing(env.page, { reels: false });
  assert.deepEqual(second.screens, ['accounts_center_sharing']);
  assert.deepEqual(await actionsOf(env.stage), ['dismiss_interstitial choice=not_now', 'set_switch reels=on', 'set_switch reels=off']);
  assert.equal((await logOf(env.stage, 'event')).filter((e) => e.event === 'interstitial_shown').length, 1);
  assert.equal((await state(env.stage)).interstitial, false);
});

test('the interstitial blocks the page beneath it until dismissed', async () => {
  await fresh(env.stage, { interstitial: true });
  await env.page.goto('https://www.instagram.com/accounts/edit/');
  const dialog = env.page.getByRole('dialog', { name: 'Turn on Notifications' });
  await dialog.waitFor();
  await assert.rejects(env.page.getByRole('link', { name: 'Privacy', exact: true }).click({ timeout: 500 }), /intercepts pointer events|Timeout/);
  await dialog.getByRole('button', { name: 'Not Now' }).click();
  await dialog.waitFor({ state: 'detached' });
  await env.page.getByRole('link', { name: 'Privacy', exact: true }).click();
  await env.page.getByRole('heading', { name: 'Account privacy' }).waitFor();
});

test('composer: a post that fails says "Post couldn\'t be shared" and records no post', async () => {
  await fresh(env.stage, { linked: true, postFails: true });
  const result = await walks.post(env.page, { caption: 'nope', shareToFacebook: true });
  assert.equal(result.outcome, 'failed');
  assert.equal(await env.page.getByRole('alert').filter({ hasText: "Post couldn't be shared" }).count(), 1);
  assert.deepEqual((await state(env.stage)).posts, []);
  assert.deepEqual(await refusedOf(env.stage), ['post share_to_facebook=on: post_fails']);
});

test('composer: without a linked Facebook account there is no "Also share to Facebook"; with one it starts as the posts switch', async () => {
  await fresh(env.stage);
  const alone = await walks.post(env.page, { caption: 'solo' });
  assert.equal(alone.outcome, 'done');
  assert.equal(alone.offered, false);
  assert.equal((await state(env.stage)).posts[0].shareToFacebook, false);
  const refused = await walks.post(env.page, { shareToFacebook: true });
  assert.equal(refused.outcome, 'unavailable');
  await fresh(env.stage, { linked: true, sharing: { posts: true } });
  const inherited = await walks.post(env.page, { caption: 'default' });
  assert.equal(inherited.sharedToFacebook, true, 'the option follows "Share your posts to Facebook"');
  assert.equal((await state(env.stage)).posts[0].shareToFacebook, true);
});

test('composer: "Also share to Facebook" starts as the reels switch for a video, and the post is a reel', async () => {
  await fresh(env.stage, { linked: true, sharing: { posts: false, reels: true } });
  const clip = { name: 'clip.mp4', mimeType: 'video/mp4', buffer: Buffer.from('0000001866747970', 'hex') };
  const result = await walks.post(env.page, { caption: 'a reel', file: clip });
  assert.equal(result.outcome, 'done');
  assert.equal(result.sharedToFacebook, true);
  const [p] = (await state(env.stage)).posts;
  assert.equal(p.media, 'video');
  assert.equal(p.shareToFacebook, true);
  await env.page.goto('https://www.instagram.com/');
  assert.equal(await env.page.locator('article').first().locator(`a[href="/reel/${p.code}/"]`).count(), 1);
});

test('composer: a post made appears first in the feed, with its permalink', async () => {
  await fresh(env.stage, { linked: true });
  await walks.post(env.page, { caption: 'fresh from the stage', shareToFacebook: false });
  const [made] = (await state(env.stage)).posts;
  await env.page.goto('https://www.instagram.com/');
  const first = env.page.locator('article').first();
  assert.match(await first.innerText(), /fresh from the stage/);
  assert.equal(await first.locator(`a[href="/p/${made.code}/"]`).count(), 1);
});

test('link from Instagram: More → Settings → Accounts Center → Accounts, then the usual steps', async () => {
  await fresh(env.stage, { layout: 'B', locale: 'de' });
  const result = await walks.link(env.page, { from: 'instagram' });
  assert.equal(result.outcome, 'done');
  assert.deepEqual(result.screens.slice(0, 4), ['instagram_home', 'instagram_settings', 'accounts_center_overview', 'accounts_center_accounts']);
  assert.equal((await state(env.stage)).linked, true);
});

test('sharing through Connected experiences → "Sharing across profiles"; without a link there are no switches', async () => {
  await fresh(env.stage, { locale: 'fr' });
  const none = await walks.setSharing(env.page, { posts: true }, { from: 'connected' });
  assert.equal(none.outcome, 'not_linked');
  await control(env.stage, 'POST', '/__stage/state', { linked: true });
  const done = await walks.setSharing(env.page, { posts: true }, { from: 'connected' });
  assert.equal(done.outcome, 'done');
  assert.deepEqual(done.screens, ['accounts_center_connected_experiences', 'accounts_center_sharing']);
  const again = await walks.setSharing(env.page, { posts: true });
  assert.equal(again.outcome, 'already');
  assert.equal(again.clicks, 0);
});

test('keyboard: a switch and a radio work with Space, as for a screen-reader user', async () => {
  await fresh(env.stage, { linked: true, layout: 'B', messagingUpdated: true });
  await env.page.goto(walks.URLS.sharing);
  const sw = env.page.getByRole('switch', { name: 'Share your reels to Facebook' });
  await sw.focus();
  await env.page.keyboard.press('Space');
  await env.page.locator('[role=switch][aria-checked=true]').first().waitFor();
  assert.equal((await state(env.stage)).sharing.reels, true);
  await env.page.goto('https://www.instagram.com/accounts/messages_and_story_replies/others_on_facebook/');
  await env.page.getByRole('radio', { name: 'Chats' }).focus();
  await env.page.keyboard.press('Space');
  await env.page.locator('[role=radio][aria-checked=true]').filter({ hasText: '' }).first().waitFor();
  for (let i = 0; i < 40 && (await state(env.stage)).othersOnFacebook !== 'chats'; i++) await new Promise((r) => setTimeout(r, 25));
  assert.equal((await state(env.stage)).othersOnFacebook, 'chats');
});

test('no page threw an error in the variants', () => {
  assert.deepEqual(env.errors, []);
});
