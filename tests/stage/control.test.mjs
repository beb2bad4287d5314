// The stage's control endpoints, its answers by host, its actions' rules and the text
// table, from Node (no browser).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { root, startStage } from '../e2e/harness.mjs';
import { TEXTS, LOCALES } from '../../web/texts.mjs';
import { codeFor, indexOf } from '../../web/feed.mjs';
import { control, fresh, hostRequest, logOf, state } from './helpers.mjs';

let stage;
before(async () => { stage = await startStage(); });
after(async () => { await stage?.close(); });

const json = (body) => JSON.stringify(body);
const graphql = (host, doc, variables = {}) => hostRequest(stage, host, 'POST', '/api/graphql/', json({ doc, variables }), { 'content-type': 'application/json' });

test('GET /__stage/state gives every documented key with its default', async () => {
  await fresh(stage);
  const s = await state(stage);
  assert.deepEqual(Object.keys(s).sort(), ['actionCount', 'facebookAccounts', 'facebookLoggedIn', 'facebookName', 'facebookShares',
    'feedSize', 'instagramUsername', 'interstitial', 'latencyMs', 'layout', 'liked', 'linked', 'locale', 'messagingAvailable',
    'messagingUpdated', 'othersOnFacebook', 'postFails', 'posts', 'profileSynced', 'rateLimitAfter', 'rateLimited', 'sharing',
    // first contact (issue 15)
    'accountsCentre', 'adsChoice', 'birthday', 'checkpoint', 'confirmIdentity', 'cookieBanner', 'facebookLoginHost', 'facebookPassword', 'finishWording', 'handOffHost', 'linkReturnHost', 'linkSteps', 'newPassword', 'reactClicks', 'removalWording', 'saveLoginInfo', 'scramble',
    // guided steps (issue 16)
    'unknownWording',
    // a finish screen with a spinner (issue 17)
    'finishSpinner'].sort());
  assert.equal(s.unknownWording, null);
  assert.equal(s.finishSpinner, 0);
  assert.equal(s.linkReturnHost, 'accountscenter.instagram.com');
  assert.equal(s.locale, 'en');
  assert.equal(s.layout, 'A');
  assert.equal(s.linked, false);
  assert.deepEqual(s.sharing, { posts: false, reels: false, stories: false, facebookStories: false });
});

test('POST /__stage/state changes what it names, sharing partially, and keeps the rest', async () => {
  await fresh(stage);
  const r = await control(stage, 'POST', '/__stage/state', { locale: 'de', sharing: { reels: true }, facebookAccounts: ['A B', 'C D'] });
  assert.equal(r.status, 200);
  assert.equal(r.body.locale, 'de');
  assert.deepEqual(r.body.sharing, { posts: false, reels: true, stories: false, facebookStories: false });
  assert.deepEqual(r.body.facebookAccounts, ['A B', 'C D']);
  assert.equal(r.body.layout, 'A');
});

test('unknown keys, wrong types, bad values and read-only keys are 400 with a message, and change nothing', async () => {
  await fresh(stage);
  const cases = [
    [{ linkd: true }, /unknown key "linkd"/],
    [{ linked: 'yes' }, /"linked" must be a boolean/],
    [{ locale: 'it' }, /"locale" must be one of "en", "es", "pt", "de", "fr"/],
    [{ layout: 'C' }, /"layout" must be one of/],
    [{ latencyMs: -5 }, /"latencyMs" must be an integer/],
    [{ feedSize: 1.5 }, /"feedSize" must be an integer/],
    [{ rateLimitAfter: 'three' }, /"rateLimitAfter" must be null or an integer/],
    [{ sharing: { posts: 'on' } }, /"sharing" \.posts must be a boolean/],
    [{ sharing: { tweets: true } }, /"sharing" has unknown key "tweets"/],
    [{ facebookAccounts: [] }, /"facebookAccounts" must be 1 to 10/],
    [{ facebookAccounts: ['Same', 'Same'] }, /"facebookAccounts" must be 1 to 10 different/],
    [{ othersOnFacebook: 'all' }, /"othersOnFacebook" must be one of "chats", "requests", "none"/],
    [{ posts: [] }, /"posts" is read-only/],
    [{ actionCount: 3 }, /"actionCount" is read-only/],
    [[1, 2], /body must be a JSON object/],
    [{ locale: 'de', linked: 'no' }, /"linked" must be a boolean/],
  ];
  for (const [body, message] of cases) {
    const r = await control(stage, 'POST', '/__stage/state', body);
    assert.equal(r.status, 400, json(body));
    assert.match(r.body.error, message);
  }
  const notJson = await control(stage, 'POST', '/__stage/state', undefined, { raw: '{"linked": ' });
  assert.equal(notJson.status, 400);
  assert.match(notJson.body.error, /body is not JSON/);
  assert.equal((await state(stage)).locale, 'en', 'a refused patch changes nothing, not even its valid keys');
});

test('POST /__stage/reset restores the defaults and clears the log', async () => {
  await control(stage, 'POST', '/__stage/state', { linked: true, locale: 'fr', sharing: { posts: true } });
  await hostRequest(stage, 'www.instagram.com', 'GET', '/');
  assert.ok((await logOf(stage)).length > 0);
  const r = await control(stage, 'POST', '/__stage/reset');
  assert.equal(r.status, 200);
  assert.equal(r.body.linked, false);
  assert.equal(r.body.locale, 'en');
  assert.equal(r.body.sharing.posts, false);
  assert.deepEqual(await logOf(stage), []);
  assert.equal((await control(stage, 'GET', '/__stage/reset')).status, 405);
});

test('the log records every request with host, method, path, status and time; DELETE clears it', async () => {
  await fresh(stage);
  const t0 = Date.now();
  await hostRequest(stage, 'accountscenter.instagram.com', 'GET', '/accounts/?x=1');
  await hostRequest(stage, 'www.instagram.com', 'GET', '/no/such/page/');
  const entries = await logOf(stage, 'request');
  assert.equal(entries.length, 2);
  assert.deepEqual(entries.map((e) => [e.host, e.method, e.path, e.status]),
    [['accountscenter.instagram.com', 'GET', '/accounts/?x=1', 200], ['www.instagram.com', 'GET', '/no/such/page/', 404]]);
  for (const e of entries) {
    assert.ok(Date.parse(e.time) >= t0 - 1000 && Date.parse(e.time) <= Date.now());
    assert.equal(typeof e.durationMs, 'number');
  }
  assert.ok(entries[1].seq > entries[0].seq);
  assert.equal((await control(stage, 'GET', '/__stage/log?kind=nonsense')).status, 400);
  assert.equal((await control(stage, 'DELETE', '/__stage/log')).status, 200);
  assert.deepEqual(await logOf(stage), []);
});

test('each host answers with its own pages, in the locale of the state', async () => {
  await fresh(stage, { locale: 'es' });
  const ig = await hostRequest(stage, 'www.instagram.com', 'GET', '/');
  assert.equal(ig.status, 200);
  assert.match(ig.body, /<html lang="es">/);
  assert.match(ig.body, /aria-label="Nueva publicación"/);
  const ac = await hostRequest(stage, 'accountscenter.instagram.com', 'GET', '/accounts/');
  assert.match(ac.body, /Agregar cuentas/);
  assert.match(ac.body, /role="listitem"/);
  const fb = await hostRequest(stage, 'www.facebook.com', 'GET', '/login/?src=fxcal&show_accounts_center_content=1');
  assert.match(fb.body, /¿No eres tú\?/);
  const handOff = await hostRequest(stage, 'm.facebook.com', 'GET', '/fxauth/?app_id=1&etoken=abc&extra_data=x');
  assert.equal(handOff.status, 302);
  assert.equal(handOff.headers.location, 'https://accountscenter.instagram.com/add/confirm/?etoken=abc');
  const missing = await hostRequest(stage, 'www.instagram.com', 'GET', '/p/nonsense/');
  assert.equal(missing.status, 404);
  assert.match(missing.body, /Esta página no está disponible/);
  const other = await hostRequest(stage, 'example.com', 'GET', '/');
  assert.match(other.body, /Crosslink stage/);
});

test('pages carry no test ids or data attributes, and class names change with every start', async () => {
  await fresh(stage, { linked: true });
  const pages = [['www.instagram.com', '/'], ['www.instagram.com', '/accounts/edit/'], ['accountscenter.instagram.com', '/accounts/'],
    ['accountscenter.instagram.com', '/connected_experiences/cross_posting/'], ['www.facebook.com', '/login/?src=fxcal']];
  for (const [host, path] of pages) {
    const { body } = await hostRequest(stage, host, 'GET', path);
    assert.doesNotMatch(body, /\sdata-[\w-]+=|testid|test-id/i, `${host}${path}`);
  }
  const other = await startStage();
  try {
    const classes = (html) => new Set([...html.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1].split(' ')));
    const a = classes((await hostRequest(stage, 'accountscenter.instagram.com', 'GET', '/accounts/')).body);
    const b = classes((await hostRequest(other, 'accountscenter.instagram.com', 'GET', '/accounts/')).body);
    assert.ok(a.size > 5);
    assert.deepEqual([...a].filter((x) => b.has(x)), [], 'no class name survives a restart');
  } finally {
    await other.close();
  }
});

test('actions: an unknown doc is refused; an action without its precondition is refused and logged', async () => {
  await fresh(stage);
  const unknown = await graphql('accountscenter.instagram.com', 'drop_tables');
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.message, /unknown doc/);
  const expired = await graphql('accountscenter.instagram.com', 'link', { etoken: 'forged' });
  assert.equal(expired.status, 400);
  assert.match(expired.body.message, /expired/);
  const notLinked = await graphql('accountscenter.instagram.com', 'set_switch', { key: 'posts', value: true });
  assert.equal(notLinked.status, 400);
  const badKey = await graphql('accountscenter.instagram.com', 'set_switch', { key: 'tweets', value: true });
  assert.equal(badKey.status, 400);
  const s = await state(stage);
  assert.equal(s.linked, false);
  assert.equal(s.actionCount, 0);
  const refused = await logOf(stage, 'refused');
  assert.deepEqual(refused.map((e) => e.name), ['link', 'set_switch', 'set_switch']);
  assert.deepEqual(await logOf(stage, 'action'), []);
});

test('a link needs the token Facebook handed over, and uses the account chosen there', async () => {
  await fresh(stage, { facebookAccounts: ['Jane Doe', 'John Smith'] });
  const chosen = await graphql('www.facebook.com', 'facebook_continue', { account: 1 });
  assert.equal(chosen.status, 200);
  const handOff = new URL(chosen.body.redirect);
  assert.equal(handOff.host, 'm.facebook.com');
  assert.equal(handOff.pathname, '/fxauth/');
  const etoken = handOff.searchParams.get('etoken');
  const confirm = await hostRequest(stage, 'accountscenter.instagram.com', 'GET', `/add/confirm/?etoken=${etoken}`);
  assert.match(confirm.body, /John Smith/);
  const linked = await graphql('accountscenter.instagram.com', 'link', { etoken });
  assert.equal(linked.status, 200);
  assert.equal((await state(stage)).facebookName, 'John Smith');
  const replay = await graphql('accountscenter.instagram.com', 'link', { etoken });
  assert.equal(replay.status, 400, 'a token is used once');
});

test('rate limit: the first K actions pass, the rest get 429 until it is lifted; dismissals do not count', async () => {
  await fresh(stage, { linked: true, rateLimitAfter: 2 });
  const set = (key) => graphql('accountscenter.instagram.com', 'set_switch', { key, value: true });
  assert.equal((await set('posts')).status, 200);
  assert.equal((await graphql('www.instagram.com', 'dismiss_interstitial', { choice: 'not_now' })).status, 200);
  assert.equal((await set('reels')).status, 200);
  const refused = await set('stories');
  assert.equal(refused.status, 429);
  assert.equal(refused.body.feedback_title, 'Try Again Later');
  let s = await state(stage);
  assert.equal(s.rateLimited, true);
  assert.deepEqual(s.sharing, { posts: true, reels: true, stories: false, facebookStories: false });
  assert.equal((await graphql('www.instagram.com', 'update_messaging')).status, 429);
  await control(stage, 'POST', '/__stage/state', { rateLimited: false, rateLimitAfter: null });
  assert.equal((await set('stories')).status, 200);
  s = await state(stage);
  assert.equal(s.sharing.stories, true);
  assert.deepEqual((await logOf(stage, 'refused')).map((e) => e.reason), ['rate_limited', 'rate_limited']);
});

test('the feed pages through N posts in batches of 12, each with a code that finds it again', async () => {
  await fresh(stage, { feedSize: 1000 });
  let offset = 0;
  let batches = 0;
  let articles = 0;
  for (;;) {
    const { body } = await hostRequest(stage, 'www.instagram.com', 'GET', `/api/v1/feed/timeline/?offset=${offset}`);
    batches += 1;
    articles += (body.html.match(/<article/g) ?? []).length;
    assert.ok(body.count <= 12);
    offset = body.next_offset;
    if (!body.more_available) break;
  }
  assert.equal(articles, 1000);
  assert.equal(batches, Math.ceil(1000 / 12));
  for (const n of [0, 1, 11, 999, 54321]) assert.equal(indexOf(codeFor(n)), n);
  assert.match(codeFor(7), /^C[A-Za-z0-9_-]{10}$/);
  const post = await hostRequest(stage, 'www.instagram.com', 'GET', `/p/${codeFor(999)}/?igsh=abc&utm_source=x`);
  assert.equal(post.status, 200);
  assert.equal((await hostRequest(stage, 'www.instagram.com', 'GET', `/p/${codeFor(1000)}/`)).status, 404, 'beyond the feed');
});

test('the text table has every text in every locale, with the same placeholders, and marks what was seen', () => {
  const ids = Object.keys(TEXTS).filter((k) => !k.startsWith('_'));
  assert.ok(ids.length > 200);
  const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
  for (const id of ids) {
    const entry = TEXTS[id];
    for (const l of LOCALES) assert.ok(typeof entry[l] === 'string' && entry[l].length > 0, `${id} ${l}`);
    assert.ok(Array.isArray(entry.seen) && entry.seen.every((l) => LOCALES.includes(l)), `${id} seen`);
    for (const l of LOCALES) {
      // The one known exception is a seen Portuguese wording that names the account.
      if (id === 'ac.remove.confirm_b' && l === 'pt') continue;
      assert.equal(holes(entry[l]), holes(entry.en), `${id} ${l} placeholders`);
    }
  }
  // What FACTS.md says was seen is marked seen.
  assert.deepEqual(TEXTS['ig.nav.new_post'].seen, ['en', 'es', 'pt']);
  assert.equal(TEXTS['ig.nav.new_post'].pt, 'Nova publicação');
  assert.equal(TEXTS['ac.remove.confirm_b'].pt, 'Sim, remover {name}');
  assert.ok(TEXTS['ac.finish.yes'].seen.includes('en'));
});

test('web/README.md documents every state key', async () => {
  const readme = fs.readFileSync(`${root}/web/README.md`, 'utf8');
  for (const key of Object.keys(await state(stage))) assert.match(readme, new RegExp(`\\| \`${key}\` \\|`), key);
});
