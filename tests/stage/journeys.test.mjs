// Every journey of docs/SCREENS.md, walked by hand-scripted clicks in each of the five
// locales and both layouts; after each, the server's state and the audit log say
// exactly what happened (and nothing more).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as walks from './walks.mjs';
import { LAYOUTS, LOCALES, actionsOf, fresh, logOf, state, useBrowser } from './helpers.mjs';

const env = useBrowser();

for (const [i, locale] of LOCALES.entries()) {
  for (const layout of LAYOUTS) {
    const variant = { locale, layout };
    describe(`${locale} layout ${layout}`, () => {
      test('link: Add accounts → Facebook Continue → Yes, finish setup → profile sync', async () => {
        const sync = (i + (layout === 'B' ? 1 : 0)) % 2 === 0;
        await fresh(env.stage, variant);
        const seen = [];
        const result = await walks.link(env.page, { sync, onScreen: (id, page) => seen.push([id, new URL(page.url()).host]) });
        assert.equal(result.outcome, 'done');
        assert.deepEqual(result.screens, ['accounts_center_accounts', 'accounts_center_add_accounts', 'facebook_continue_as',
          'accounts_center_finish_setup', 'accounts_center_profile_sync', 'accounts_center_accounts']);
        assert.deepEqual(seen.map(([, host]) => host), ['accountscenter.instagram.com', 'accountscenter.instagram.com',
          'www.facebook.com', 'accountscenter.instagram.com', 'accountscenter.instagram.com', 'accountscenter.instagram.com']);
        assert.equal(result.clicks, 5);
        assert.equal(result.facebookName, 'Jane Doe');
        const s = await state(env.stage);
        assert.equal(s.linked, true);
        assert.equal(s.facebookName, 'Jane Doe');
        assert.equal(s.profileSynced, sync);
        assert.deepEqual(await actionsOf(env.stage),
          ['facebook_continue account=Jane Doe', 'link account=Jane Doe', `sync_profile sync=${sync ? 'on' : 'off'}`]);
        assert.deepEqual(await logOf(env.stage, 'login_input'), []);
        assert.equal(await env.page.evaluate(() => document.documentElement.lang), locale);
      });

      test('unlink: the Facebook card → remove → Continue → confirm', async () => {
        await fresh(env.stage, { ...variant, linked: true, facebookName: 'Maria Souza', facebookAccounts: ['Maria Souza'],
          sharing: { posts: true, stories: true }, messagingUpdated: true });
        const result = await walks.unlink(env.page);
        assert.equal(result.outcome, 'done');
        assert.equal(result.removed, 'Maria Souza');
        assert.deepEqual(result.screens, ['accounts_center_accounts', 'accounts_center_account_detail',
          'accounts_center_remove_intro', 'accounts_center_remove_confirm', 'accounts_center_accounts']);
        assert.equal(result.clicks, 4);
        const s = await state(env.stage);
        assert.equal(s.linked, false);
        assert.deepEqual(s.sharing, { posts: false, reels: false, stories: false, facebookStories: false });
        assert.equal(s.messagingUpdated, false);
        assert.deepEqual(await actionsOf(env.stage), ['remove_account account=Maria Souza']);
      });

      test('sharing: each switch set, read back, and the page reloads to the same', async () => {
        await fresh(env.stage, { ...variant, linked: true, sharing: { reels: true } });
        const wanted = { posts: true, reels: false, stories: true, facebookStories: true };
        const result = await walks.setSharing(env.page, wanted);
        assert.equal(result.outcome, 'done');
        assert.deepEqual(result.switches, wanted);
        assert.equal(result.changed, 4);
        assert.deepEqual((await state(env.stage)).sharing, wanted);
        assert.deepEqual((await actionsOf(env.stage)).sort(),
          ['set_switch facebookStories=on', 'set_switch posts=on', 'set_switch reels=off', 'set_switch stories=on']);
        const again = await walks.readStatus(env.page);
        assert.deepEqual(again.switches, wanted);
        const back = await walks.setSharing(env.page, { posts: false });
        assert.equal(back.outcome, 'done');
        assert.equal((await state(env.stage)).sharing.posts, false);
      });

      test('link messaging: Settings → Update Messaging → Update', async () => {
        await fresh(env.stage, { ...variant, linked: true });
        const result = await walks.linkMessaging(env.page);
        assert.equal(result.outcome, 'done');
        assert.deepEqual(result.screens, ['instagram_settings', 'instagram_update_messaging', 'instagram_messages_settings']);
        assert.equal(result.othersOnFacebook, 'requests');
        assert.equal((await state(env.stage)).messagingUpdated, true);
        assert.deepEqual(await actionsOf(env.stage), ['update_messaging']);
        const again = await walks.linkMessaging(env.page);
        assert.equal(again.outcome, 'already', 'the offer is gone once messaging is updated');
      });

      test("unlink messaging: Others on Facebook → Don't receive requests", async () => {
        await fresh(env.stage, { ...variant, linked: true, messagingUpdated: true, othersOnFacebook: 'chats' });
        const result = await walks.unlinkMessaging(env.page, { via: layout === 'A' ? 'privacy' : 'column' });
        assert.equal(result.outcome, 'done');
        assert.equal(result.othersOnFacebook, 'none');
        assert.ok(result.screens.includes('instagram_messages_others_on_facebook'));
        const s = await state(env.stage);
        assert.equal(s.othersOnFacebook, 'none');
        assert.equal(s.linked, true, 'the accounts stay linked');
        assert.equal(s.messagingUpdated, true);
        assert.deepEqual(await actionsOf(env.stage), ['set_others_on_facebook choice=none']);
      });

      test('composer: a post with "Also share to Facebook" on', async () => {
        await fresh(env.stage, { ...variant, linked: true });
        const result = await walks.post(env.page, { caption: `Hello ${locale}`, shareToFacebook: true });
        assert.equal(result.outcome, 'done');
        assert.equal(result.offered, true);
        assert.equal(result.sharedToFacebook, true);
        assert.deepEqual(result.screens.filter((s) => s === 'instagram_composer').length, 6);
        const [p] = (await state(env.stage)).posts;
        assert.equal(p.caption, `Hello ${locale}`);
        assert.equal(p.shareToFacebook, true);
        assert.equal(p.destinationType, 'USER');
        assert.match(p.destinationId, /^\d{15}$/);
        assert.deepEqual(await actionsOf(env.stage), ['post share_to_facebook=on']);
      });

      test('composer: a post with "Also share to Facebook" off', async () => {
        await fresh(env.stage, { ...variant, linked: true, sharing: { posts: true } });
        const result = await walks.post(env.page, { caption: 'only here', shareToFacebook: false });
        assert.equal(result.outcome, 'done');
        assert.equal(result.sharedToFacebook, false);
        const s = await state(env.stage);
        assert.equal(s.posts.length, 1);
        assert.equal(s.posts[0].shareToFacebook, false);
        assert.equal(s.posts[0].destinationId, '');
        assert.deepEqual(await actionsOf(env.stage), ['post share_to_facebook=off']);
      });
    });
  }
}

test('no page threw an error during the journeys', () => {
  assert.deepEqual(env.errors, []);
});
