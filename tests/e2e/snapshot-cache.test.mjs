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

// The look in slices (issue 20, P7): the page runs between slices, so a page of thousands of
// candidates costs no long task; what it gives is what one walk gives, and a change while
// it is taken gives it up (null) instead of a snapshot of two different pages.
test('a look taken in slices is one walk\'s snapshot, and a change while it is taken gives it up', async () => {
  const page = await browser.context.newPage();
  await page.goto(ACCOUNTS);
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'bench-rows';
    box.innerHTML = Array.from({ length: 3000 }, (_, i) => (i % 2 ? `<div><a href="/p/${i}/">Row ${i}</a></div>` : `<div><button>Row ${i}</button></div>`)).join('');
    document.querySelector('main').prepend(box);
  });
  const got = await evalInContentScript(page, `(async () => {
    const whole = crosslinkSnapshot();
    const sliced = await crosslinkSnapshot.inSlices(() => false, { sliceMs: 1 });
    return { whole: JSON.stringify(whole.snapshot), sliced: JSON.stringify(sliced.snapshot), slices: sliced.slices,
      sameNodes: whole.nodes.length === sliced.nodes.length && whole.nodes.every((n, i) => n === sliced.nodes[i]) };
  })()`);
  assert.ok(got.slices > 3, `taken in ${got.slices} slices`);
  assert.equal(got.sliced, got.whole, 'the same snapshot as one walk');
  assert.ok(got.sameNodes, 'the same nodes, in the same order');
  assert.ok(JSON.parse(got.whole).elements.length > 3000, 'the rows are in it');

  // A change between two slices (a timer of the page's): the look is given up.
  const changed = await evalInContentScript(page, `(async () => {
    let seen = false;
    const mo = new MutationObserver(() => { seen = true; });
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => { document.querySelector('#bench-rows button').textContent = 'Changed'; }, 0);
    const out = await crosslinkSnapshot.inSlices(() => { mo.takeRecords().length && (seen = true); return seen; }, { sliceMs: 1 });
    mo.disconnect();
    return out;
  })()`);
  assert.equal(changed, null, 'a page that changed while it was looked at gives no snapshot');
  await page.close();
});

test('while a flow works in the tab, the look is taken ahead once the page is quiet, and is what a fresh walk gives', async () => {
  const page = await browser.context.newPage();
  await page.goto(ACCOUNTS);
  const worker = browser.context.serviceWorkers()[0];
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url: `${url}*` }))[0].id, ACCOUNTS);
  const send = (message) => worker.evaluate(async ([id, m]) => chrome.tabs.sendMessage(id, m, { frameId: 0 }), [tabId, message]);
  await send({ type: 'actuator/flow', active: true, flowId: 'bench-ahead' });
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = Array.from({ length: 2000 }, (_, i) => `<div><button>Ahead ${i}</button></div>`).join('');
    document.querySelector('main').prepend(box);
  });
  await page.waitForTimeout(1500);  // quiet: the look is taken in the meantime
  const step = await send({ type: 'actuator/snapshot', waitMs: 0 });
  assert.equal(step.timing.ready, true, 'the look was ready when the page had settled');
  // One look of the page as the flow found it, and one of it with the rows, once quiet.
  assert.ok(step.timing.looks >= 1 && step.timing.looks <= 2, `looks begun: ${step.timing.looks}`);
  // How many 25 ms slices 2,000 rows take depends on the machine (one, on a fast one): the
  // pausing itself is held by the 1 ms slices test above; here, that no task of ours is long.
  assert.ok(step.timing.slices >= 1, `taken in ${step.timing.slices} slices`);
  assert.ok(step.timing.longestTaskMs < 50, `no task of ours over 50 ms (${step.timing.longestTaskMs} ms)`);
  assert.equal(step.snapshot, await evalInContentScript(page, 'JSON.stringify(crosslinkSnapshot().snapshot)'), 'the same as a fresh walk');
  await send({ type: 'actuator/flow', active: false, flowId: 'bench-ahead', status: 'cancelled' });
  await page.close();
});
