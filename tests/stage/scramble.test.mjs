// The markup scrambler (web/scramble.mjs, state `scramble`): for 8 fixed seeds, every
// journey walked by hand (tests/stage/walks.mjs: clicks by role and name, as a screen
// reader user would find them) ends as it does unscrambled, with the same server state,
// and every screen it reaches has no axe-core violation; the static pages' accessibility
// trees are the same as unscrambled (decoys, wrappers and tag changes are invisible to
// assistive technology), while their markup differs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as walks from './walks.mjs';
import { actionsOf, fresh, hostRequest, state, useBrowser } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];
// What a screen reader depends on: the WCAG 2.1 A/AA rules, less colour contrast (not
// read aloud) and the experimental label-content-name-mismatch, which the unscrambled
// stage already breaks on the accounts list (an aria-label shorter than the card's text).
const AXE_OPTIONS = {
  resultTypes: ['violations'],
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: false } },
};

const env = useBrowser();

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (options) => (await window.axe.run(document, options)).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')} (${v.help})`), AXE_OPTIONS);
}

/** A walk that checks each screen with axe on the way; returns the walk's result and the findings. */
async function walked(walk, ...args) {
  const findings = [];
  const onScreen = async (id, page) => {
    for (const v of await axe(page)) findings.push(`${id} ${new URL(page.url()).pathname}: ${v}`);
  };
  const last = args.length && typeof args[args.length - 1] === 'object' && !('posts' in args[args.length - 1]) ? args.pop() : {};
  const result = await walk(env.page, ...args, { ...last, onScreen });
  return { result, findings };
}

for (const seed of SEEDS) {
  test(`seed ${seed}: every journey by role and name, same outcome and state, no axe violation on any screen`, async () => {
    const layout = seed % 2 ? 'A' : 'B';
    const base = { scramble: seed, layout };

    await fresh(env.stage, base);
    let { result, findings } = await walked(walks.link, { sync: seed % 3 === 0 });
    assert.equal(result.outcome, 'done', `link: ${JSON.stringify(result)}`);
    assert.equal((await state(env.stage)).linked, true);
    assert.deepEqual(await actionsOf(env.stage), ['facebook_continue account=Jane Doe', 'link account=Jane Doe', `sync_profile sync=${seed % 3 === 0 ? 'on' : 'off'}`]);
    assert.deepEqual(findings, [], 'link');

    await fresh(env.stage, { ...base, linked: true, sharing: { reels: true } });
    ({ result, findings } = await walked(walks.setSharing, { posts: true, reels: false }));
    assert.equal(result.outcome, 'done', `setSharing: ${JSON.stringify(result)}`);
    assert.deepEqual((await state(env.stage)).sharing, { posts: true, reels: false, stories: false, facebookStories: false });
    assert.deepEqual(await actionsOf(env.stage), ['set_switch posts=on', 'set_switch reels=off']);
    assert.deepEqual(findings, [], 'setSharing');

    const truth = { linked: true, facebookName: 'Maria Souza', sharing: { posts: true, stories: true }, messagingUpdated: true, othersOnFacebook: 'chats' };
    await fresh(env.stage, { ...base, ...truth });
    ({ result, findings } = await walked(walks.readStatus));
    assert.equal(result.outcome, 'done', `readStatus: ${JSON.stringify(result)}`);
    assert.equal(result.facebookName, 'Maria Souza');
    assert.deepEqual(result.switches, { posts: true, reels: false, stories: true, facebookStories: false });
    assert.equal(result.othersOnFacebook, 'chats');
    assert.deepEqual(await actionsOf(env.stage), []);
    assert.deepEqual(findings, [], 'readStatus');

    await fresh(env.stage, { ...base, linked: true, messagingUpdated: true, othersOnFacebook: 'chats' });
    ({ result, findings } = await walked(walks.unlinkMessaging));
    assert.equal(result.outcome, 'done', `unlinkMessaging: ${JSON.stringify(result)}`);
    assert.equal((await state(env.stage)).othersOnFacebook, 'none');
    assert.deepEqual(findings, [], 'unlinkMessaging');

    await fresh(env.stage, { ...base, linked: true, messagingUpdated: false });
    ({ result, findings } = await walked(walks.linkMessaging));
    assert.equal(result.outcome, 'done', `linkMessaging: ${JSON.stringify(result)}`);
    assert.equal((await state(env.stage)).messagingUpdated, true);
    assert.deepEqual(await actionsOf(env.stage), ['update_messaging']);
    assert.deepEqual(findings, [], 'linkMessaging');

    await fresh(env.stage, { ...base, linked: true, facebookName: 'Maria Souza', sharing: { posts: true } });
    ({ result, findings } = await walked(walks.unlink));
    assert.equal(result.outcome, 'done', `unlink: ${JSON.stringify(result)}`);
    assert.equal((await state(env.stage)).linked, false);
    assert.deepEqual(await actionsOf(env.stage), ['remove_account account=Maria Souza']);
    assert.deepEqual(findings, [], 'unlink');
    assert.deepEqual(env.errors, [], 'no error in the pages\' own scripts');
  });
}

const PAGES = [
  ['accountscenter.instagram.com', '/accounts/'], ['accountscenter.instagram.com', '/add/'],
  ['accountscenter.instagram.com', '/connected_experiences/cross_posting/'], ['accountscenter.instagram.com', '/profiles/100000000000001/'],
  ['www.instagram.com', '/accounts/edit/'], ['www.instagram.com', '/accounts/messages_and_story_replies/'],
];
/** The accessibility tree as Playwright reads it, without what only comes and goes (the toast). */
async function tree(url) {
  await env.page.goto(url);
  const snap = await env.page.locator('body').ariaSnapshot();
  return snap.split('\n').filter((l) => !/- (status|progressbar)\b/.test(l))
    .map((l) => l.replace(/- checkbox\b/, '- switch').replace(/\[checked\]/, '[checked=true]'));
}

test('the same accessibility tree for every seed, from different markup (the same seed: the same markup)', async () => {
  for (const layout of ['A', 'B']) {
    await fresh(env.stage, { layout, linked: true, messagingUpdated: true, sharing: { posts: true } });
    const plain = {};
    for (const [host, path] of PAGES) plain[host + path] = await tree(`https://${host}${path}`);
    for (const seed of SEEDS) {
      await fresh(env.stage, { layout, linked: true, messagingUpdated: true, sharing: { posts: true }, scramble: seed });
      for (const [host, path] of PAGES) {
        const shape = (await tree(`https://${host}${path}`));
        assert.deepEqual(shape, plain[host + path], `seed ${seed}, layout ${layout}: ${host}${path}`);
      }
    }
  }
  // The markup does differ, and a seed reproduces it (but for this start's random classes and ids).
  const body = async (seed) => {
    await fresh(env.stage, { linked: true, scramble: seed });
    const html = (await hostRequest(env.stage, 'accountscenter.instagram.com', 'GET', '/connected_experiences/cross_posting/')).body;
    return html.replace(/<script>[\s\S]*<\/script>/, '');
  };
  const [a, a2, b, none] = [await body(1), await body(1), await body(2), await body(null)];
  const skeleton = (html) => html.replace(/x[0-9a-f]{8}(_\d+)?/g, 'X');
  assert.equal(skeleton(a), skeleton(a2), 'one seed, one shape');
  assert.notEqual(skeleton(a), skeleton(b), 'two seeds, two shapes');
  assert.notEqual(skeleton(a), skeleton(none), 'scrambled differs from plain');
});
