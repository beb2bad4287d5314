// The bad-input classes too large or too odd for a case file, through the Wasm build:
// each gives a named error and the module keeps answering afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, loadWrapped } from './load.mjs';

const core = await loadWrapped();
const raw = await loadModule();
const url = 'https://accountscenter.instagram.com/accounts/';
const errorName = (snapshot) => core.readLinkStatus(snapshot).error?.name;

test('over 100,000 elements is too_many_elements', () => {
  const elements = Array.from({ length: 100001 }, (_, i) => ({ i, role: 'button' }));
  assert.equal(errorName({ url, elements }), 'too_many_elements');
});

test('a string over 1 MB is string_too_long', () => {
  assert.equal(errorName({ url, elements: [{ i: 0, role: 'button', name: 'x'.repeat((1 << 20) + 1) }] }), 'string_too_long');
});

test('invalid UTF-8 bytes are bad_utf8', () => {
  // Embind takes a Uint8Array for std::string as raw bytes: the only way to hand the
  // core bytes that are not UTF-8 from JS.
  for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]]) {
    const bytes = Buffer.concat([Buffer.from(`{"url":"${url}","elements":[{"i":0,"role":"`), Buffer.from(bad), Buffer.from('"}]}')]);
    assert.equal(JSON.parse(raw.readLinkStatus(new Uint8Array(bytes))).error.name, 'bad_utf8');
  }
});

test('a lone surrogate in a JS string gives a named error, not a trap', () => {
  // Embind's UTF-8 encoder pairs the surrogate with the next code unit, so what arrives
  // is well-formed UTF-8 but broken JSON.
  assert.equal(errorName(`{"url":"${url}","elements":[{"i":0,"role":"\ud800"}]}`), 'bad_json');
});

test('100,000 levels of nesting is too_deep, not a stack overflow', () => {
  assert.equal(errorName(`{"url":"${url}","x":${'['.repeat(100000)}`), 'too_deep');
});

test('the module still answers correctly after every bad input', () => {
  const good = { url, elements: [{ i: 0, role: 'listitem', text: 'Jane Doe\nFacebook' }] };
  assert.deepEqual(core.readLinkStatus(good).result, { linked: true, facebookName: 'Jane Doe', instagramUsername: '' });
});

test('the wrapper takes JSON text as well as objects', () => {
  const text = JSON.stringify({ url, elements: [{ i: 0, role: 'listitem', text: 'ig\nInstagram' }] });
  assert.deepEqual(core.readLinkStatus(text).result, { linked: false, facebookName: '', instagramUsername: 'ig', sharing: null });
});
