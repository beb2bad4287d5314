// Sharing, settings and the activity log through the Wasm build, for what the parity
// case files cannot carry: bytes that are not UTF-8, JS values of the wrong type, NaN,
// huge inputs, and dates checked against the JS engine's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, loadWrapped } from './load.mjs';

const core = await loadWrapped();
const raw = await loadModule();
const post = 'https://www.instagram.com/p/ABC123/';
const bytes = (...parts) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))));

test('a link whose bytes are not UTF-8 is bad_utf8', () => {
  for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
    const out = JSON.parse(raw.normalizePermalink(bytes('https://www.instagram.com/p/A', bad, '/')));
    assert.equal(out.error.name, 'bad_utf8');
  }
});

test('share text whose bytes are not UTF-8 is bad_utf8', () => {
  const out = JSON.parse(raw.shareLinks(post, bytes('caf', [0xe9]), 'x'));
  assert.deepEqual(out.error, { name: 'bad_utf8', detail: 'the text is not valid UTF-8' });
});

test('a lone surrogate in share text reaches X as U+FFFD, not as broken bytes', () => {
  const out = core.shareLinks(post, { text: 'a\ud800b', networks: ['x'] });
  assert.equal(out.ok, true);
  assert.equal(out.x.text, 'a\ufffdb');
  assert.equal(out.links[0].url, `https://x.com/intent/tweet?text=a%EF%BF%BDb&url=${encodeURIComponent(post)}`);
});

test('the wrapper names wrong JS types instead of throwing', () => {
  assert.equal(core.normalizePermalink(undefined).error.name, 'empty_url');
  assert.equal(core.normalizePermalink(42).error.name, 'wrong_host');
  assert.equal(core.shareLinks(post, { networks: 'x,copy' }).links.length, 2);
  assert.equal(core.shareLinks(post, { networks: [7] }).error.name, 'unknown_network');
  assert.equal(core.logAppend('', { type: 'share' }, '1717243200000', 500).error.name, 'bad_time');
  assert.equal(core.logAppend('', { type: 'share' }, NaN, 500).error.name, 'bad_time');
  assert.equal(core.logAppend('', { type: 'share' }, Infinity, 500).error.name, 'bad_time');
  assert.equal(core.logAppend('', { type: 'share' }, 1, undefined).error.name, 'bad_cap');
  assert.equal(core.logLoad(null, 500).ok, true);
  assert.equal(core.logExport(undefined, -0.5).error.name, 'bad_time');
});

test('settings straight from storage: undefined, an object, a cycle', () => {
  assert.deepEqual(core.settingsLoad(undefined), { ...core.settingsLoad(''), storedVersion: null });
  const loaded = core.settingsLoad({ version: 2, locale: 'de' });
  assert.equal(loaded.settings.locale, 'de');
  assert.equal(loaded.writeBack, false);
  const cycle = { version: 1 };
  cycle.self = cycle;
  assert.equal(core.settingsLoad(cycle).dropped[0].name, 'bad_json');
  assert.equal(core.settingsLoad({ big: 10n }).dropped[0].name, 'bad_json');
});

test('huge stored settings and logs are refused whole, and logging carries on', () => {
  assert.equal(core.settingsLoad('{"pad":"' + 'x'.repeat(70000) + '"}').dropped[0].name, 'too_large');
  assert.equal(core.settingsValidate({ version: 1, pad: 'x'.repeat(9000) }).error.name, 'too_large');
  const huge = `{"entries":[],"pad":"${'x'.repeat(16 * 1024 * 1024)}"}`;
  const out = core.logAppend(huge, { type: 'share' }, 5, 10);
  assert.equal(out.repair.name, 'too_large');
  assert.equal(out.log.entries.length, 1);
});

test('export times are exactly what JS Date prints, over the whole range', () => {
  const times = [0, 1, 951782400000, 4107542400000, 253402300799999, 253402300800000, 8.64e15];
  for (let i = 0; i < 300; i += 1) times.push(Math.floor(Math.random() * 8.64e15));
  let log = '';
  for (const t of times) log = JSON.stringify(core.logAppend(log, { type: 'share' }, t, 5000).log);
  const exported = core.logExport(log, 0).export;
  assert.equal(exported.count, times.length);
  exported.entries.forEach((e, i) => assert.equal(e.time, new Date(times[i]).toISOString()));
});

test('a log filled over its cap many times keeps the newest, in order', () => {
  let log;
  for (let i = 0; i < 1200; i += 1) log = core.logAppend(log, { type: 'share', data: { i } }, 1000 + i, 100).log;
  assert.equal(log.entries.length, 100);
  assert.deepEqual(log.entries.map((e) => e.data.i), Array.from({ length: 100 }, (_, k) => 1100 + k));
  assert.equal(log.next, 1200);
});

test('the X text fits 280 for long captions in every script', () => {
  const samples = ['word ', '日本語のテキスト', '👩‍💻 ', 'émoji ', '한국어 ', 'https://example.com/x ', '🇯🇵'];
  for (const s of samples) {
    const out = core.shareLinks(post, { text: s.repeat(200), networks: ['x'] });
    assert.equal(out.ok, true);
    assert.ok(out.x.weightedLength <= 280, `${s}: ${out.x.weightedLength}`);
    assert.ok(out.x.trimmed);
    assert.ok(out.x.text.endsWith('…'));
    assert.equal(new URL(out.links[0].url).searchParams.get('text'), out.x.text);
    assert.equal(new URL(out.links[0].url).searchParams.get('url'), post);
  }
});

test('every share URL decodes back to the clean permalink', () => {
  const out = core.shareLinks('https://instagram.com/reel/XyZ_-1?igsh=abc&utm_source=x#c', { text: 'a & b = c?' });
  const reel = 'https://www.instagram.com/reel/XyZ_-1/';
  const param = { facebook: 'u', x: 'url', tumblr: 'canonicalUrl', okru: 'url', threads: 'url' };
  for (const { network, url } of out.links) {
    if (network === 'copy') assert.equal(url, reel);
    else assert.equal(new URL(url).searchParams.get(param[network]), reel, network);
  }
  assert.deepEqual(out.removed, ['igsh', 'utm_source']);
});

test('the module still answers after all of the above', () => {
  assert.equal(core.normalizePermalink(post).url, post);
  assert.equal(core.settingsDefaults().settings.logSize, 500);
});
