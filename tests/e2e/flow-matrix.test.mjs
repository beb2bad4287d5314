// Every flow, from the popup's one-click controls, in English and one other locale, on
// layout A and layout B of the stage; each test asserts the stage's server state and its
// audit log (the actions the pages recorded), then what the popup says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setState, until } from './harness.mjs';
import {
  MESSAGING_SWITCH, READ_TRUTH, SWITCH_NAMES, actionNames, assertLinkedJaneDoe, assertReadWithoutActing, assertUnlinked, runFromPopup, stageLog, stageState, useFlowBrowser,
} from './flow-helpers.mjs';

const env = useFlowBrowser();
const outcomeText = () => env.popup.locator('#flow-outcome').textContent();
const switchState = (name) => env.popup.getByRole('switch', { name, exact: true }).getAttribute('aria-checked');

/** Reads the status through the popup first (for controls whose action depends on it). */
async function readStatusFirst() {
  const rec = await runFromPopup(env.popup, 'button', 'Read status from the pages');
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  await until(() => env.popup.locator('#status-time').textContent(), (t) => /^Read from the pages at /.test(t), { what: 'status read' });
}

const OTHER = { link: 'es', unlink: 'pt', setSharing: 'de', linkMessaging: 'fr', unlinkMessaging: 'es', readStatus: 'pt' };

for (const layout of ['A', 'B']) {
  for (const kind of Object.keys(OTHER)) {
    for (const locale of ['en', OTHER[kind]]) {
      test(`${kind}: locale ${locale}, layout ${layout}`, async () => {
        await CASES[kind]({ locale, layout });
      });
    }
  }
}

const CASES = {
  async link({ locale, layout }) {
    await setState(env.stage, { locale, layout, linked: false, facebookAccounts: ['Jane Doe'] });
    const rec = await runFromPopup(env.popup, 'button', 'Link to Facebook');
    await assertLinkedJaneDoe(env.stage, rec);
    assert.equal(await outcomeText(), 'Done: Instagram is linked to Facebook as Jane Doe.');
    await until(() => env.popup.getByRole('status').textContent(), (t) => t === 'Linked to Facebook as Jane Doe', { what: 'status line' });
  },

  async unlink({ locale, layout }) {
    await setState(env.stage, { locale, layout, linked: true, facebookName: 'Maria Souza', sharing: { posts: true } });
    await assertUnlinked(env.stage, await runFromPopup(env.popup, 'button', 'Unlink Facebook'));
    assert.equal(await outcomeText(), 'Done: Facebook is unlinked.');
    await until(() => env.popup.getByRole('status').textContent(), (t) => t === 'Not linked', { what: 'status line' });
  },

  async setSharing({ locale, layout }) {
    await setState(env.stage, { locale, layout, linked: true, sharing: { posts: false, reels: true, stories: false, facebookStories: true } });
    let wanted;
    if (layout === 'A') {
      // Unread switches show off: a click turns one on.
      const rec = await runFromPopup(env.popup, 'switch', SWITCH_NAMES.posts);
      assert.equal(rec.status, 'done', JSON.stringify(rec.error));
      wanted = { posts: true, reels: true, stories: false, facebookStories: true };
      assert.deepEqual(await actionNames(env.stage), ['set_switch']);
      assert.equal((await stageLog(env.stage, 'action'))[0].action, 'set_switch posts=on');
    } else {
      // Read first: the switch shows on, and a click turns it off.
      await readStatusFirst();
      assert.equal(await switchState(SWITCH_NAMES.facebookStories), 'true');
      const rec = await runFromPopup(env.popup, 'switch', SWITCH_NAMES.facebookStories);
      assert.equal(rec.status, 'done', JSON.stringify(rec.error));
      wanted = { posts: false, reels: true, stories: false, facebookStories: false };
      assert.deepEqual((await stageLog(env.stage, 'action')).map((e) => e.action), ['set_switch facebookStories=off']);
    }
    assert.deepEqual((await stageState(env.stage)).sharing, wanted);
    assert.equal(await outcomeText(), 'Done: the sharing switch is set and read back.');
    for (const [key, name] of Object.entries(SWITCH_NAMES)) {
      await until(() => switchState(name), (v) => v === String(wanted[key]), { what: `${name} shown as read back` });
    }
  },

  async linkMessaging({ locale, layout }) {
    await setState(env.stage, { locale, layout, linked: true, messagingUpdated: false });
    const rec = await runFromPopup(env.popup, 'switch', MESSAGING_SWITCH);
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    assert.equal(rec.result.messaging.updated, true);
    const state = await stageState(env.stage);
    assert.equal(state.messagingUpdated, true);
    assert.deepEqual(await actionNames(env.stage), ['update_messaging']);
    assert.equal(await outcomeText(), 'Done: Instagram messages use Messenger.');
    await until(() => switchState(MESSAGING_SWITCH), (v) => v === 'true', { what: 'messaging switch on' });
  },

  async unlinkMessaging({ locale, layout }) {
    await setState(env.stage, { locale, layout, linked: true, messagingUpdated: true, othersOnFacebook: 'chats' });
    await readStatusFirst();
    assert.equal(await switchState(MESSAGING_SWITCH), 'true');
    const rec = await runFromPopup(env.popup, 'switch', MESSAGING_SWITCH);
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    assert.equal(rec.result.messaging.othersOnFacebook, 'none');
    const state = await stageState(env.stage);
    assert.equal(state.othersOnFacebook, 'none');
    assert.deepEqual((await stageLog(env.stage, 'action')).map((e) => e.action), ['set_others_on_facebook choice=none']);
    assert.equal(await outcomeText(), 'Done: people on Facebook can no longer message you on Instagram.');
    await until(() => switchState(MESSAGING_SWITCH), (v) => v === 'false', { what: 'messaging switch off' });
  },

  async readStatus({ locale, layout }) {
    const truth = READ_TRUTH;
    await setState(env.stage, { locale, layout, ...truth });
    const rec = await runFromPopup(env.popup, 'button', 'Read status from the pages');
    await assertReadWithoutActing(env.stage, rec);
    const pages = (await stageLog(env.stage, 'request')).filter((e) => e.method === 'GET').map((e) => `${e.host}${e.path}`);
    for (const page of ['accountscenter.instagram.com/accounts/', 'accountscenter.instagram.com/connected_experiences/cross_posting/',
      'www.instagram.com/accounts/messages_and_story_replies/']) assert.ok(pages.includes(page), `${page} read (${pages.join(', ')})`);
    await until(() => env.popup.getByRole('status').textContent(), (t) => t === 'Linked to Facebook as Maria Souza', { what: 'status line' });
    for (const [key, name] of Object.entries(SWITCH_NAMES)) assert.equal(await switchState(name), String(truth.sharing[key]), name);
    assert.equal(await switchState(MESSAGING_SWITCH), 'true');
    assert.match(await env.popup.locator('#status-time').textContent(), /^Read from the pages at /);
  },
};
