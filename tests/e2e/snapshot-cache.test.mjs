// The actuator reuses its last look at the page while nothing changed (one snapshot per
// flow step instead of three, P7). Parity: what the worker receives for a step is exactly
// what a fresh crosslinkSnapshot() of the page gives at that moment — after no change
// (the reused look), and after every kind of change a page makes: an element added, an
// attribute that hides one, a switch flipped, text edited, and a checkbox ticked by the
// person (which changes no attribute at all).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalInContentScript, useBrowser } from './harness.mjs';

const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';
let browser;
useBrowser((env) => { ({ browser } = env); });

test('a step\'s snapshot equals a fresh one of the page, reused or not, through every kind of change', async () => {
  const page = await browser.context.newPage();
  await page.goto(ACCOUNTS);
  const worker = browser.context.serviceWorkers()[0];
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url: `${url}*` }))[0].id, ACCOUNTS);
  // What the flow driver asks for (actuator/snapshot), and what the page shows now.
  const step = () => worker.evaluate(async (id) => (await chrome.tabs.sendMessage(id, { type: 'actuator/snapshot', waitMs: 0 }, { frameId: 0 })), tabId);
  const fresh = () => evalInContentScript(page, 'JSON.stringify(crosslinkSnapshot().snapshot)');
  const same = async (what) => {
    const got = await step();
    assert.equal(got.snapshot, await fresh(), what);
    return got;
  };

  const first = await same('the first look');
  assert.ok(JSON.parse(first.snapshot).elements.length > 5, 'the accounts page has elements');
  const again = await same('no change: the look reused');
  assert.equal(again.changes, first.changes, 'nothing changed in between');

  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'bench-added';
    b.textContent = 'Added later';
    document.querySelector('main').append(b);
  });
  const added = await same('an element added');
  assert.match(added.snapshot, /Added later/);

  await page.evaluate(() => { document.getElementById('bench-added').style.display = 'none'; });
  const hidden = await same('an element hidden by an attribute');
  assert.doesNotMatch(hidden.snapshot, /Added later/);

  await page.evaluate(() => {
    const s = document.createElement('div');
    s.setAttribute('role', 'switch');
    s.setAttribute('aria-checked', 'false');
    s.setAttribute('aria-label', 'Bench switch');
    s.id = 'bench-switch';
    s.textContent = 'On';  // an empty div has no height: a person could not click it (left out)
    document.querySelector('main').append(s);
  });
  await same('a switch added');
  await page.evaluate(() => document.getElementById('bench-switch').setAttribute('aria-checked', 'true'));
  const flipped = await same('a switch flipped');
  assert.equal(JSON.parse(flipped.snapshot).elements.find((e) => e.name === 'Bench switch').checked, true);

  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'bench-text';
    b.textContent = 'Before';
    document.querySelector('main').append(b);
  });
  await same('a button to edit');
  await page.evaluate(() => { document.getElementById('bench-text').firstChild.data = 'After'; });
  const edited = await same('text edited');
  assert.match(edited.snapshot, /"After"/);

  await page.evaluate(() => {
    const label = document.createElement('label');
    label.innerHTML = '<input type="checkbox" id="bench-box"> Bench box';
    document.querySelector('main').append(label);
  });
  const unticked = await same('a checkbox added');
  assert.equal(JSON.parse(unticked.snapshot).elements.find((e) => e.role === 'checkbox' && e.name === 'Bench box').checked, false);
  await page.locator('#bench-box').click();  // the person's click: .checked changes, no attribute does
  const ticked = await same('a checkbox ticked by hand');
  assert.equal(JSON.parse(ticked.snapshot).elements.find((e) => e.role === 'checkbox' && e.name === 'Bench box').checked, true);
  await page.close();
});
