// Hostile messages to the service worker (issue 9): 10,000 malformed messages from our own
// content script, and messages from senders that are not ours (a web page, another
// extension's worker and its content script on www.facebook.com and www.instagram.com).
// Every one is refused with a named error and none is acted on: the stage's audit log
// shows no action, no tab opens, chrome.storage (local, sync, session) stays as it was,
// the dispatcher's refusal count goes up by exactly as many, and afterwards the worker
// still answers real messages correctly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, stageRequest, startStage, until } from './harness.mjs';

const POST = 'https://www.instagram.com/p/CxYz12_-a9/';
const COUNT = 10000;
// Refusals of the dispatcher (docs/PROTOCOL.md) and the core's names for a bad post link
// or a network that is not offered: the only answers a malformed message may get.
const DISPATCHER = ['foreign_sender', 'bad_message', 'unknown_type', 'sender_not_allowed'];

let stage;
let browser;
let popup;
let foreignDir;
let foreignWorker;

/** A second extension that tries to talk to ours: a worker and content scripts. */
function writeForeignExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-foreign-'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Foreign', version: '1.0',
    background: { service_worker: 'sw.js' },
    content_scripts: [{ matches: ['https://www.facebook.com/*', 'https://www.instagram.com/*'], js: ['cs.js'] }],
  }));
  fs.writeFileSync(path.join(dir, 'sw.js'), '// evaluated into by the test\n');
  fs.writeFileSync(path.join(dir, 'cs.js'), 'window.__foreign = true;\n');
  return dir;
}

/** Runs an expression in one extension's isolated world of a page (by extension id). */
async function evalInWorld(page, extensionId, expression) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  try {
    if (!world) throw new Error(`no isolated world of ${extensionId} on ${page.url()}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression, contextId: world.id, awaitPromise: true, returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Everything the extension keeps, read from its own page. */
const storage = () => popup.evaluate(async () => ({
  local: await chrome.storage.local.get(null),
  sync: await chrome.storage.sync.get(null),
  session: await chrome.storage.session.get(null),
}));
const refusedCount = async () => (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'popup/getStatus' }))).refused;
const actions = async () => (await stageRequest(stage, '/__stage/log?kind=action')).entries.length
  + (await stageRequest(stage, '/__stage/log?kind=refused')).entries.length;

before(async () => {
  stage = await startStage();
  foreignDir = writeForeignExtension();
  browser = await launch(stage, { otherExtensions: [foreignDir] });
  foreignWorker = await until(
    () => browser.context.serviceWorkers().find((w) => new URL(w.url()).host !== browser.extensionId),
    Boolean, { what: 'the foreign extension worker' });
  popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl);
});
after(async () => {
  try { await browser?.close(); } finally { await stage?.close(); }  // the stage closes even if the browser's close fails
  if (foreignDir) fs.rmSync(foreignDir, { recursive: true, force: true });
});

// Runs in our content script's world: builds COUNT malformed messages from a seeded
// generator (the same every run), sends them 250 at a time, and returns every answer
// that is not a named refusal, the count per error name and a few samples.
const HOSTILE = (count, post) => `(async () => {
  let seed = 9;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const pick = (list) => list[rnd(list.length)];
  const junk = () => pick([null, 0, -1, 1e308, '', 'x'.repeat(1 + rnd(5000)), true, [], [1, 2], {}, { a: { b: {} } },
    '\\u0000', '\\ud800', '<script>alert(1)</script>', 'javascript:alert(1)', '__proto__', { __proto__: { polluted: 1 } }]);
  const badUrls = ['', 'javascript:alert(1)', 'https://evil.example/p/CxYz12_-a9/', 'chrome://settings', 'file:///etc/passwd',
    'https://www.instagram.com.evil.example/p/CxYz12_-a9/', 'https://www.instagram.com/p/../../etc/passwd',
    'https://user:pw@www.instagram.com/p/CxYz12_-a9/', 'data:text/html,hi', 'https://www.instagram.com/', 'https://www.instagram.com/stories/',
    'https://www.instagram.com/p/' + 'A'.repeat(3000) + '/', 'https://www.instagram.com/p/Cx%00Yz/'];
  const make = (i) => {
    switch (i % 12) {
      case 0: return junk();                                                     // not an object
      case 1: return { kind: 'content/shareLinks', url: ${JSON.stringify(post)} }; // no type
      case 2: return { type: junk() };                                           // type that is no text
      case 3: return { type: pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'content/', 'content/launch',
        'popup/getstatus', 'CONTENT/SNAPSHOT', ' content/snapshot', 'x'.repeat(rnd(300))]) };          // unknown type
      case 4: return { type: pick(['popup/getStatus']) };                        // not for a content script
      case 5: return { type: 'content/snapshot' };                               // missing field
      case 6: return { type: 'content/snapshot', snapshot: pick([null, 7, [], {}, true]) };  // wrong type
      case 7: return { type: 'content/shareLinks', url: ${JSON.stringify(post)}, [pick(['extra', '__proto__', 'constructor', 'tabId'])]: junk() };
      case 8: return { type: 'content/openShare', url: ${JSON.stringify(post)}, network: junk() === null ? 7 : pick([[], {}, 1]) };
      case 9: return { type: 'content/openShare', url: ${JSON.stringify(post)}, network: pick(['copy', 'javascript:', 'facebook ', 'myspace', '', 'FACEBOOK']) };
      case 10: return { type: 'content/openShare', url: pick(badUrls), network: 'facebook' };
      default: return { type: 'content/shareLinks', url: pick(badUrls), text: pick(['', 'x'.repeat(rnd(20000))]) };
    }
  };
  const names = {};
  const wrong = [];
  const samples = {};
  for (let start = 0; start < ${count}; start += 250) {
    const batch = [];
    for (let i = start; i < Math.min(start + 250, ${count}); i++) {
      const message = make(i);
      batch.push(chrome.runtime.sendMessage(message).then(
        (reply) => ({ i, message, reply }),
        (e) => ({ i, message, reply: { thrown: String(e.message ?? e) } })));
    }
    for (const { i, message, reply } of await Promise.all(batch)) {
      const name = reply?.error?.name;
      if (reply?.ok !== false || typeof name !== 'string' || !/^[a-z_]+$/.test(name) || typeof reply.error.detail !== 'string') {
        if (wrong.length < 10) wrong.push({ i, message: JSON.stringify(message)?.slice(0, 200), reply });
        continue;
      }
      names[name] = (names[name] ?? 0) + 1;
      samples[name] ??= { message: JSON.stringify(message)?.slice(0, 120), detail: reply.error.detail.slice(0, 120) };
    }
  }
  return { names, wrong, samples };
})()`;

test(`${COUNT} malformed messages from our content script: each refused by name, none acted on`, async () => {
  const page = await browser.context.newPage();
  await page.goto('https://www.instagram.com/');
  // The page's own write first: the Instagram account it shows (content/instagram-account.js).
  await until(storage, (s) => s.local.instagramAccount?.username === 'jane.doe', { what: 'the account the page shows' });
  const storedBefore = await storage();
  const refusedBefore = await refusedCount();
  const actionsBefore = await actions();
  const tabsBefore = browser.context.pages().length;

  const started = Date.now();
  const { names, wrong, samples } = await evalInWorld(page, browser.extensionId, HOSTILE(COUNT, POST));
  const ms = Date.now() - started;
  console.log(`# ${COUNT} messages in ${ms} ms; refusals by name: ${JSON.stringify(names)}`);
  for (const [name, s] of Object.entries(samples)) console.log(`#   ${name}: ${s.message} → ${s.detail}`);

  assert.deepEqual(wrong, [], 'every answer is {ok: false, error: {name, detail}}');
  const total = Object.values(names).reduce((a, b) => a + b, 0);
  assert.equal(total, COUNT);
  // Each refusal reason of the dispatcher is exercised, and the core names the bad links.
  for (const name of DISPATCHER.filter((n) => n !== 'foreign_sender')) assert.ok(names[name] > 0, `${name} exercised`);
  assert.ok(names.network_disabled > 0, 'a network that is off or unknown is refused');
  const coreNames = Object.keys(names).filter((n) => !DISPATCHER.includes(n) && n !== 'network_disabled');
  assert.ok(coreNames.length > 0, 'bad post links are refused by the core with its own names');

  // Counted, and nothing acted on.
  assert.equal(await refusedCount(), refusedBefore + COUNT, 'the dispatcher counted every refusal');
  assert.equal(await actions(), actionsBefore, 'the stage saw no action');
  assert.equal(browser.context.pages().length, tabsBefore, 'no tab was opened');
  assert.deepEqual(await storage(), storedBefore, 'storage is unchanged');
  await page.close();
});

test('a web page cannot reach the worker: no chrome.runtime messaging in the page world', async () => {
  const tabsBefore = browser.context.pages().length;
  for (const url of ['https://www.instagram.com/', 'https://www.facebook.com/']) {
    const page = await browser.context.newPage();
    await page.goto(url);
    const reach = await page.evaluate(async (id) => {
      const runtime = globalThis.chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage';
      try {
        return JSON.stringify(await runtime.sendMessage(id, { type: 'popup/getStatus' }));
      } catch (e) {
        return `threw: ${e.message}`;
      }
    }, browser.extensionId);
    assert.match(reach, /^(no chrome\.runtime\.sendMessage|threw: )/, `${url}: ${reach}`);
    // window.postMessage is the other way a page could try: nothing listens to it.
    await page.evaluate(() => window.postMessage({ type: 'content/openShare', url: 'https://www.instagram.com/p/CxYz12_-a9/', network: 'facebook' }, '*'));
    await page.close();
  }
  assert.equal(browser.context.pages().length, tabsBefore, 'no tab was opened');
});

test('another extension, from its worker and from its content scripts, is refused as foreign_sender', async () => {
  const storedBefore = await storage();
  const refusedBefore = await refusedCount();
  const actionsBefore = await actions();
  const messages = [
    { type: 'popup/getStatus' },
    { type: 'content/openShare', url: POST, network: 'facebook' },
    { type: 'content/snapshot', snapshot: '{"url":"https://accountscenter.instagram.com/accounts/","elements":[]}' },
    { type: 'content/shareConfig' },
    'hello',
  ];
  const send = `(async (id, messages) => Promise.all(messages.map((m) => chrome.runtime.sendMessage(id, m)
      .then((r) => r, (e) => ({ thrown: String(e.message ?? e) })))))`;
  const fromWorker = await foreignWorker.evaluate(`${send}(${JSON.stringify(browser.extensionId)}, ${JSON.stringify(messages)})`);
  const replies = [...fromWorker];
  for (const url of ['https://www.facebook.com/', 'https://www.instagram.com/']) {
    const page = await browser.context.newPage();
    await page.goto(url);
    const foreignId = new URL(foreignWorker.url()).host;
    replies.push(...await evalInWorld(page, foreignId, `${send}(${JSON.stringify(browser.extensionId)}, ${JSON.stringify(messages)})`));
    await page.close();
  }
  assert.equal(replies.length, messages.length * 3);
  for (const reply of replies) {
    assert.equal(reply.ok, false, JSON.stringify(reply));
    assert.equal(reply.error.name, 'foreign_sender');
    assert.match(reply.error.detail, /^(chrome-extension:\/\/[a-p]{32}\/|https:\/\/www\.(facebook|instagram)\.com\/)/,
      'the detail names the sender');
  }
  assert.equal(await refusedCount(), refusedBefore + replies.length);
  assert.equal(await actions(), actionsBefore);
  assert.deepEqual(await storage(), storedBefore);
});

test('after all that the worker still answers correctly', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://www.instagram.com/');
  const links = await evalInWorld(page, browser.extensionId,
    `chrome.runtime.sendMessage({ type: 'content/shareLinks', url: ${JSON.stringify(`${POST}?igsh=abc`)} })`);
  assert.deepEqual(links, { ok: true, url: POST, networks: ['facebook', 'x', 'tumblr', 'okru', 'threads', 'copy'] });
  const config = await evalInWorld(page, browser.extensionId, `chrome.runtime.sendMessage({ type: 'content/shareConfig' })`);
  assert.equal(config.ok, true);
  await page.close();

  // The real slice end to end: Accounts Center read by the content script, shown in the popup.
  await stageRequest(stage, '/__stage/state', { linked: true, facebookName: 'Jane Doe' });
  const accounts = await browser.context.newPage();
  await accounts.goto('https://accountscenter.instagram.com/accounts/');
  await until(() => popup.evaluate(() => chrome.runtime.sendMessage({ type: 'popup/getStatus' })),
    (r) => r.status?.linked === true && r.status.facebookName === 'Jane Doe', { what: 'the link status read after the flood' });
  await accounts.close();
});
