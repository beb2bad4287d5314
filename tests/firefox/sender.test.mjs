// The dispatcher's sender check as a pure function (no browser): an extension page is
// trusted by its origin, the one of runtime.getURL('/') — chrome-extension://<id> in
// Chromium, moz-extension://<uuid> in Firefox, where the host is not runtime.id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createDispatcher, extensionOrigin, senderKind } from '../../extension/background/dispatcher.js';

// The hosts a sender may be on come from the manifest (chrome.runtime.getManifest()).
const manifest = JSON.parse(fs.readFileSync(new URL('../../extension/manifest.json', import.meta.url), 'utf8'));
globalThis.chrome = { runtime: { getManifest: () => manifest } };

const CHROMIUM_ID = 'abcdefghijklmnopabcdefghijklmnop';
const GECKO_ID = 'crosslink@extension.crosslink';
const UUID = '3f1c9d2e-7a4b-4c11-9e0f-2b6d8a5c7e10';
const chromium = [CHROMIUM_ID, `chrome-extension://${CHROMIUM_ID}`];
const firefox = [GECKO_ID, `moz-extension://${UUID}`];
const tab = { id: 7 };

test('extensionOrigin: scheme://host of the two extension schemes, null for anything else', () => {
  assert.equal(extensionOrigin(`chrome-extension://${CHROMIUM_ID}/`), `chrome-extension://${CHROMIUM_ID}`);
  assert.equal(extensionOrigin(`moz-extension://${UUID}/popup/popup.html?x=1#y`), `moz-extension://${UUID}`);
  // The WHATWG parser gives such URLs the opaque origin "null": it must never be what we compare.
  assert.equal(new URL(`moz-extension://${UUID}/`).origin, 'null');
  for (const other of ['https://www.instagram.com/', 'data:text/html,x', 'about:blank', 'null', '', 'moz-extension:///x',
    'file:///etc/passwd', 'blob:https://www.instagram.com/1', 'not a url']) assert.equal(extensionOrigin(other), null, other);
});

test('Chromium: its own pages are "page"', () => {
  for (const p of ['popup/popup.html', 'options/options.html']) {
    assert.equal(senderKind({ id: CHROMIUM_ID, url: `chrome-extension://${CHROMIUM_ID}/${p}` }, ...chromium), 'page');
  }
});

test('Firefox: its own moz-extension pages are "page" although the host is not runtime.id', () => {
  for (const p of ['popup/popup.html', 'options/options.html']) {
    assert.equal(senderKind({ id: GECKO_ID, url: `moz-extension://${UUID}/${p}` }, ...firefox), 'page');
  }
  // The old check (host === runtime.id) is what refused these as foreign_sender.
  assert.notEqual(new URL(`moz-extension://${UUID}/`).host, GECKO_ID);
});

test('another extension\'s pages are refused, in either browser, whatever id they claim', () => {
  const otherId = 'ponmlkjihgfedcbaponmlkjihgfedcba';
  assert.equal(senderKind({ id: otherId, url: `chrome-extension://${otherId}/x.html` }, ...chromium), null);
  assert.equal(senderKind({ id: CHROMIUM_ID, url: `chrome-extension://${otherId}/x.html` }, ...chromium), null, 'our id, their page');
  assert.equal(senderKind({ id: 'other@ext', url: `moz-extension://${UUID.replace('3f', '40')}/x.html` }, ...firefox), null);
  assert.equal(senderKind({ id: GECKO_ID, url: `moz-extension://${UUID.replace('3f', '40')}/x.html` }, ...firefox), null, 'our id, another uuid');
  // The other browser's spelling of our own page is not ours either.
  assert.equal(senderKind({ id: GECKO_ID, url: `chrome-extension://${UUID}/popup/popup.html` }, ...firefox), null);
  assert.equal(senderKind({ id: CHROMIUM_ID, url: `moz-extension://${CHROMIUM_ID}/popup/popup.html` }, ...chromium), null);
});

test('web pages are refused as pages; our content scripts count only in a top frame of our hosts', () => {
  for (const [id, origin] of [chromium, firefox]) {
    const s = (url, extra = {}) => senderKind({ id, url, ...extra }, id, origin);
    assert.equal(s('https://evil.example/'), null);
    assert.equal(s('https://evil.example/', { tab, frameId: 0 }), null);
    assert.equal(s('http://www.instagram.com/', { tab, frameId: 0 }), null, 'not https');
    assert.equal(s('https://www.instagram.com/', { tab, frameId: 0 }), 'content');
    assert.equal(s('https://accountscenter.instagram.com/accounts/', { tab, frameId: 0 }), 'content');
    assert.equal(s('https://www.instagram.com/', { tab, frameId: 3 }), null, 'a subframe');
    assert.equal(s('https://www.instagram.com/'), null, 'no tab');
    assert.equal(s('https://m.facebook.com/', { tab, frameId: 0 }), 'facebook');
    // Meta's other hosts the Link click asks for: ours there once granted, 'facebook' like Facebook's.
    assert.equal(s('https://accountscenter.meta.com/add/', { tab, frameId: 0 }), 'facebook');
    assert.equal(s('https://auth.meta.com/fxauth/', { tab, frameId: 0 }), 'facebook');
    assert.equal(s('https://mbasic.facebook.com/', { tab, frameId: 0 }), null, 'a Meta host never asked for');
    assert.equal(s('https://www.instagram.com.evil.example/', { tab, frameId: 0 }), null);
    // An extension page's URL given by a web page's sender is still a web page's id.
    assert.equal(senderKind({ id: 'web', url: `${origin}/popup/popup.html` }, id, origin), null);
    assert.equal(senderKind(null, id, origin), null);
    assert.equal(senderKind({ id }, id, origin), null, 'no url');
    assert.equal(senderKind({ id, url: 'not a url' }, id, origin), null);
  }
});

test('with no known page origin nothing is a page (a "null" origin matches nothing)', () => {
  assert.equal(senderKind({ id: GECKO_ID, url: `moz-extension://${UUID}/popup/popup.html` }, GECKO_ID, null), null);
  assert.equal(senderKind({ id: GECKO_ID, url: 'data:text/html,x' }, GECKO_ID, 'null'), null);
});

test('the dispatcher refuses a foreign sender by name and acts for our page (default check, stubbed chrome)', async () => {
  globalThis.chrome = { runtime: { id: GECKO_ID, getURL: (p) => `moz-extension://${UUID}${p}`, getManifest: () => manifest } };
  try {
    let calls = 0;
    const { dispatch } = createDispatcher({ 'popup/getStatus': { from: ['page'], fields: {}, handle: async () => ({ n: ++calls }) } });
    assert.deepEqual(await dispatch({ type: 'popup/getStatus' }, { id: GECKO_ID, url: `moz-extension://${UUID}/popup/popup.html` }), { ok: true, n: 1 });
    const foreign = await dispatch({ type: 'popup/getStatus' }, { id: 'x', url: 'moz-extension://0000/popup/popup.html' });
    assert.equal(foreign.ok, false);
    assert.equal(foreign.error.name, 'foreign_sender');
    const page = await dispatch({ type: 'popup/getStatus' }, { id: GECKO_ID, url: 'https://www.instagram.com/', tab, frameId: 0 });
    assert.equal(page.error.name, 'sender_not_allowed');
    assert.equal(calls, 1);
  } finally {
    delete globalThis.chrome;
  }
});

test('platform.js: the browser told by its own URL scheme, and only Firefox asks before the link flow', async () => {
  const { askPermissionBeforeFlow, browserOf } = await import('../../extension/background/platform.js');
  assert.equal(browserOf(`moz-extension://${UUID}/`), 'firefox');
  assert.equal(browserOf(`chrome-extension://${CHROMIUM_ID}/`), 'chromium');
  assert.equal(browserOf(''), 'chromium', 'no chrome.runtime (Node): the Chromium default');
  assert.equal(askPermissionBeforeFlow('firefox'), true);
  assert.equal(askPermissionBeforeFlow('chromium'), false);
});
