// Storage faults (issue 9): corrupt, oversized and old-version data in each storage area
// the extension uses → recovered. Each case writes the damage from the extension's own
// page, lets the worker read it the way it does in use, and shows what was kept: the
// worker's answer, the popup's words and what storage holds afterwards.
//   chrome.storage.local   linkStatus (extension/background/status-store.js)
//   chrome.storage.sync    settings   (settings-store.js, through core.settingsLoad)
//   chrome.storage.session nothing yet on this branch: damage there must not matter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXED_NOW, evalInContentScript, until, useBrowser } from './harness.mjs';

const AC = 'https://accountscenter.instagram.com/accounts/';
const DEFAULT_NETWORKS = ['facebook', 'x', 'tumblr', 'okru', 'threads', 'copy'];
const DEFAULTS = {
  version: 2, share: { networks: DEFAULT_NETWORKS }, composer: { applyDefault: false, shareToFacebook: false },
  locale: 'auto', clickPacingMs: 400, logSize: 500,
};
let stage, browser, popup;  // set up by useBrowser
let instagram;
// The pages' clock fixed, the readings two minutes before it: the popup reads a reading
// older than ten minutes again on opening, which is not what these tests are about.
useBrowser(async (env) => {
  ({ stage, browser, page: popup } = env);
  await popup.goto(browser.popupUrl);
  instagram = await browser.context.newPage();
  await instagram.goto('https://www.instagram.com/');
}, { clock: FIXED_NOW });

/** Writes into one area from the extension's page (as a bug, an old version or a user could). */
const put = (area, items) => popup.evaluate(([a, i]) => chrome.storage[a].set(i).then(() => 'ok', (e) => `refused: ${e.message}`), [area, items]);
const read = (area, key) => popup.evaluate(([a, k]) => chrome.storage[a].get(k).then((r) => r[k] ?? null), [area, key]);
const bytes = (area, key) => popup.evaluate(([a, k]) => chrome.storage[a].getBytesInUse(k), [area, key]);
const getStatus = () => popup.evaluate(() => chrome.runtime.sendMessage({ type: 'popup/getStatus' }));
const shareConfig = () => evalInContentScript(instagram, `chrome.runtime.sendMessage({ type: 'content/shareConfig' })`);
async function popupLine() {
  await popup.reload();
  return until(() => popup.getByRole('status').textContent(), (t) => t && t.length > 0, { what: 'the popup status line' });
}
const report = (what, value) => console.log(`# ${what}: ${JSON.stringify(value).slice(0, 300)}`);

const READ_AT = FIXED_NOW - 2 * 60000;

test('local linkStatus: corrupt values are dropped, the popup says "Not read yet" and storage is cleared', async () => {
  const corrupt = ['garbage', 42, [1, 2, 3], { linked: 'yes', facebookName: { first: 'Jane' }, readAt: 'yesterday', url: 7 },
    { linked: true, readAt: READ_AT, url: AC }];  // the last: "linked" without a name to show
  for (const value of corrupt) {
    assert.equal(await put('local', { linkStatus: value }), 'ok');
    const reply = await getStatus();
    assert.equal(reply.ok, true);
    assert.equal(reply.status, null, JSON.stringify(value));
    assert.equal(await read('local', 'linkStatus'), null, 'the damaged item is removed');
    assert.match(await popupLine(), /^Not read yet/);
  }
  report('kept from corrupt linkStatus values', 'nothing (item removed)');
});

test('local linkStatus: a reading with damaged extra fields keeps its sound fields', async () => {
  const damaged = { linked: true, facebookName: 'Jane Doe', readAt: READ_AT, url: AC, error: 5, colour: 'blue', __proto__: null };
  assert.equal(await put('local', { linkStatus: damaged }), 'ok');
  const { status } = await getStatus();
  const kept = { linked: true, facebookName: 'Jane Doe', readAt: READ_AT, url: AC };
  assert.deepEqual(status, kept);
  assert.deepEqual(await read('local', 'linkStatus'), kept, 'storage rewritten with what was kept');
  assert.equal(await popupLine(), 'Linked to Facebook as Jane Doe');
  report('kept from a damaged reading', status);
});

test('local linkStatus: what a flow read back (sharing, messaging) is kept when sound, dropped alone when not', async () => {
  const sound = { linked: true, facebookName: 'Jane Doe', readAt: READ_AT, url: 'flow',
    sharing: { posts: true, reels: false, stories: null }, messaging: { updated: true, othersOnFacebook: 'chats' } };
  assert.equal(await put('local', { linkStatus: sound }), 'ok');
  assert.deepEqual((await getStatus()).status, sound);
  assert.equal(await put('local', { linkStatus: { ...sound, sharing: { posts: 'yes', rockets: true }, messaging: [] } }), 'ok');
  const { status } = await getStatus();
  assert.deepEqual(status, { linked: true, facebookName: 'Jane Doe', readAt: READ_AT, url: 'flow' });
  report('kept from a flow reading with damaged switches', status);
});

test('local linkStatus: an oversized item (4 MB) is cut back to the reading', async () => {
  const huge = { linked: false, readAt: READ_AT, url: AC, padding: 'x'.repeat(4 << 20) };
  assert.equal(await put('local', { linkStatus: huge }), 'ok');
  assert.ok(await bytes('local', 'linkStatus') > 4 << 20);
  const { status } = await getStatus();
  assert.deepEqual(status, { linked: false, readAt: READ_AT, url: AC });
  assert.ok(await bytes('local', 'linkStatus') < 200, 'storage holds the small reading again');
  assert.equal(await popupLine(), 'Not linked');
  // An oversized name is no name of ours: that reading cannot be shown at all.
  assert.equal(await put('local', { linkStatus: { linked: true, facebookName: 'J'.repeat(1 << 20), readAt: READ_AT, url: AC } }), 'ok');
  assert.equal((await getStatus()).status, null);
  report('kept from a 4 MB item', status);
});

test('local linkStatus: a shape from another version is dropped, and the next reading replaces it', async () => {
  assert.equal(await put('local', { linkStatus: { status: 'LINKED', name: 'Jane', time: '2024-06-01T12:00:00Z' } }), 'ok');
  assert.equal((await getStatus()).status, null);
  assert.match(await popupLine(), /^Not read yet/);
  // Recovery is complete: a fresh reading from Accounts Center is stored and shown.
  const page = await browser.context.newPage();
  await page.goto(AC);
  await until(getStatus, (r) => r.status && 'linked' in r.status, { what: 'a fresh reading' });
  await page.close();
  const fresh = await read('local', 'linkStatus');
  assert.equal(typeof fresh.linked, 'boolean');
  assert.equal(fresh.url, AC);
  report('after a fresh reading', fresh);
});

test('sync settings: corrupt values give the defaults and are repaired in storage', async () => {
  for (const value of ['{not json', 17, ['facebook'], { version: 2, share: 'everything', composer: [], locale: 9 }]) {
    assert.equal(await put('sync', { settings: value }), 'ok');
    const reply = await until(shareConfig, (r) => r.ok, { what: 'shareConfig' });
    assert.deepEqual(reply.networks, DEFAULT_NETWORKS, JSON.stringify(value));
    assert.deepEqual(reply.composer, DEFAULTS.composer);
    assert.deepEqual(await until(() => read('sync', 'settings'), (s) => s?.version === 2, { what: 'repaired settings' }), DEFAULTS,
      `${JSON.stringify(value)}: repaired in storage`);
  }
  report('kept from corrupt settings', 'the defaults, written back');
});

test('sync settings: a damaged field is dropped alone, the rest is kept', async () => {
  const value = { ...DEFAULTS, share: { networks: ['x', 'myspace', 'x', 'facebook'] }, clickPacingMs: -4, locale: 'de' };
  assert.equal(await put('sync', { settings: value }), 'ok');
  await until(() => read('sync', 'settings'), (s) => s?.clickPacingMs === 400, { what: 'the repair written back' });
  const kept = await read('sync', 'settings');
  assert.equal(kept.locale, 'de', 'a sound field is kept');
  assert.equal(kept.clickPacingMs, 400, 'an out-of-range field goes back to its default');
  const reply = await shareConfig();
  assert.deepEqual(reply.networks, kept.share.networks);
  report('kept from damaged settings', kept);
});

test('sync settings: oversized items are refused by the browser, and a large one full of junk is cut back', async () => {
  // chrome.storage.sync refuses an item over 8 KB itself: nothing is stored.
  const before = await read('sync', 'settings');
  assert.match(await put('sync', { settings: { ...DEFAULTS, junk: 'x'.repeat(9000) } }), /^refused: .*quota/i);
  assert.deepEqual(await read('sync', 'settings'), before);
  // Just under the quota: unknown fields dropped, what is sound kept.
  const big = { ...DEFAULTS, locale: 'fr' };
  for (let i = 0; i < 60; i++) big[`junk${i}`] = 'y'.repeat(100);
  assert.equal(await put('sync', { settings: big }), 'ok');
  await until(() => read('sync', 'settings'), (s) => s && !('junk0' in s), { what: 'the junk dropped' });
  const kept = await read('sync', 'settings');
  assert.equal(kept.locale, 'fr');
  assert.ok(await bytes('sync', 'settings') < 400, 'back to a small item');
  report('kept from a 7 KB item', kept);
});

test('sync settings: the v0 shape of the prototypes is migrated to v2; a newer version is read, never overwritten', async () => {
  const v0 = { shareTargets: 'facebook,twitter', fbDefault: 'on', lang: 'pt-BR', delayMs: '800', maxLogEntries: 200 };
  assert.equal(await put('sync', { settings: v0 }), 'ok');
  const migrated = await until(() => read('sync', 'settings'), (s) => s?.version === 2, { what: 'v0 migrated' });
  assert.deepEqual(migrated, {
    version: 2, share: { networks: ['facebook', 'x'] }, composer: { applyDefault: true, shareToFacebook: true },
    locale: 'pt', clickPacingMs: 800, logSize: 200,
  });
  assert.deepEqual((await shareConfig()).networks, ['facebook', 'x']);
  report('v0 migrated to', migrated);

  const v3 = { ...DEFAULTS, version: 3, share: { networks: ['tumblr'] }, hologram: true };
  assert.equal(await put('sync', { settings: v3 }), 'ok');
  await until(shareConfig, (r) => r.ok && r.networks.join() === 'tumblr', { what: 'the newer settings read' });
  assert.deepEqual(await read('sync', 'settings'), v3, 'a newer version is left as it was');
});

test('session: damage in an area the extension does not read changes nothing', async () => {
  assert.equal(await put('session', { flow: '{broken', linkStatus: 'garbage', settings: { version: 'x' } }), 'ok');
  await put('sync', { settings: DEFAULTS });
  assert.deepEqual((await until(shareConfig, (r) => r.ok && r.networks.length === DEFAULT_NETWORKS.length, { what: 'shareConfig' })).networks, DEFAULT_NETWORKS);
  assert.equal((await getStatus()).ok, true);
  assert.deepEqual(await read('session', 'flow'), '{broken', 'left alone: nothing of ours lives there yet');
});
