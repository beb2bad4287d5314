// What the snapshot trusts and how the actuator clicks (issue 15 item 4, issue 17 finding
// 6), on the stage's lab pages (web/lab.mjs), through the extension's own content scripts:
// the worker asks for a snapshot and sends the action exactly as the flow driver does
// (actuator/snapshot, actuator/act).
//  - a React-style control that ignores a bare click() is clicked, at its centre, with
//    pointer and mouse down/up first, after scrolling it into view;
//  - hidden, inert, zero-size and off-screen copies of a button earlier in the page are
//    not in the snapshot, and the real one is what gets clicked;
//  - a covered button is refused at click time (target_covered), and not clicked;
//  - the node clicked is the node snapshotted, even when a twin with the same role and
//    name is put before it after the snapshot;
//  - markup shadowing document.title / querySelectorAll / a form's getAttribute does not
//    break the snapshot;
//  - no typed text of any field reaches the snapshot;
//  - behind a modal <dialog>, the page is inert.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalInContentScript, until, useBrowser } from './harness.mjs';

const LAB = 'https://accountscenter.instagram.com/__lab/';
let browser;
useBrowser((env) => { ({ browser } = env); });

async function open(name) {
  const page = await browser.context.newPage();
  await page.goto(LAB + name);
  const worker = browser.context.serviceWorkers()[0];
  const tabId = await until(() => worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, LAB + name), (id) => id != null, { what: 'the tab' });
  // No answer in 15 s is a failure (a content script that broke on the page), not a hang.
  const send = (message) => Promise.race([
    worker.evaluate(([id, m]) => chrome.tabs.sendMessage(id, m, { frameId: 0 }), [tabId, message]),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer to ${message.type} from the page`)), 15000)),
  ]);
  const snapshot = async () => {
    const r = await send({ type: 'actuator/snapshot', waitMs: 0 });
    return JSON.parse(r.snapshot);
  };
  let n = 0;
  const act = (el, kind = 'click') => send({
    type: 'actuator/act', actionId: `lab-${name}-${(n += 1)}`, flowId: 'lab',
    decision: { kind, target: el.i, role: el.role, name: el.name },
  });
  const lab = () => page.evaluate(() => window.__lab);
  return { page, send, snapshot, act, lab };
}

const named = (snap, name, role = 'button') => snap.elements.filter((e) => e.role === role && e.name === name);

test('a React-style control that ignores a bare click() is clicked as a pointer would, at its centre', async () => {
  const { page, snapshot, act, lab } = await open('pointer');
  // The page's premise: a bare click() does nothing on it.
  await evalInContentScript(page, 'document.getElementById("sw").click(), document.getElementById("save").click()');
  assert.deepEqual((await lab()).clicked, [], 'the lab page ignores a bare click()');
  assert.equal(await page.getAttribute('#sw', 'aria-checked'), 'false');

  const snap = await snapshot();
  const [sw] = named(snap, 'Share to Facebook', 'switch');
  assert.ok(sw, 'the switch is in the snapshot');
  await page.evaluate(() => { window.__lab.events.length = 0; });
  const r = await act({ ...sw }, 'toggle');
  assert.equal(r.done, true, JSON.stringify(r));
  await until(() => page.getAttribute('#sw', 'aria-checked'), (v) => v === 'true', { what: 'the switch on' });
  const events = (await lab()).events.filter((e) => e.id === 'sw');
  assert.deepEqual(events.map((e) => e.type), ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'], 'down/up then click, in a pointer\'s order');
  for (const e of events) assert.ok(Math.abs(e.x) <= 1 && Math.abs(e.y) <= 1 && e.button === 0, `at the centre with the primary button: ${JSON.stringify(e)}`);

  // Far below the fold: scrolled into view, then clicked.
  const [far] = named(await snapshot(), 'Far below');
  assert.ok(far, 'the far button is in the snapshot (the page scrolls to it)');
  assert.equal((await act(far)).done, true);
  await until(lab, (l) => l.clicked.includes('far'), { what: 'the far button clicked' });
  assert.ok(await page.evaluate(() => scrollY > 1000), 'the page was scrolled to it');
  await page.close();
});

test('hidden, inert, zero-size and off-screen decoys are left out; the real button is the one clicked', async () => {
  const { page, snapshot, act, lab } = await open('decoys');
  const snap = await snapshot();
  const cont = named(snap, 'Continue');
  assert.equal(cont.length, 1, `one "Continue" in the snapshot, not its decoys: ${JSON.stringify(cont)}`);
  assert.equal((await act(cont[0])).done, true);
  await until(lab, (l) => l.clicked.length > 0, { what: 'a click' });
  assert.deepEqual((await lab()).clicked, ['real']);
  await page.close();
});

test('a covered button is refused at click time with a named refusal, and not clicked', async () => {
  const { page, snapshot, act, lab } = await open('decoys');
  const [covered] = named(await snapshot(), 'Delete everything');
  assert.ok(covered, 'the covered button is visible to the snapshot (only the click can tell)');
  const r = await act(covered);
  assert.equal(r.done, false);
  assert.equal(r.refusal, 'target_covered', JSON.stringify(r));
  assert.match(r.error, /covered/);
  await new Promise((res) => setTimeout(res, 100));
  assert.deepEqual((await lab()).clicked, []);
  await page.close();
});

test('the node clicked is the node snapshotted, not a twin put before it afterwards', async () => {
  const { page, snapshot, act, lab } = await open('decoys');
  const [send] = named(await snapshot(), 'Send');
  await page.evaluate(() => {
    const twin = document.createElement('button');
    twin.id = 'twin';
    twin.textContent = 'Send';
    twin.addEventListener('click', () => window.__lab.clicked.push('twin'));
    document.getElementById('send').before(twin);  // at the index the decision names, in a fresh look
  });
  const r = await act(send);
  assert.equal(r.done, true, JSON.stringify(r));
  await until(lab, (l) => l.clicked.length > 0, { what: 'a click' });
  assert.deepEqual((await lab()).clicked, ['send']);
  await page.close();
});

test('markup shadowing document and form members does not break the snapshot', async () => {
  const { page, snapshot } = await open('clobber');
  assert.equal(await page.evaluate(() => typeof document.querySelectorAll), 'object', 'the page does shadow querySelectorAll');
  const snap = await snapshot();
  assert.equal(snap.title, 'Clobber lab');
  assert.equal(typeof snap.lang, 'string');
  assert.deepEqual(named(snap, 'Clobber lab', 'heading').length, 1);
  assert.equal(named(snap, 'Clobber lab').length, 1, 'aria-labelledby read through the prototype\'s getElementById');
  const [inForm] = named(snap, 'Save in form');
  assert.ok(inForm, 'a button in a form whose inputs shadow getAttribute/closest/localName');
  const form = snap.elements.find((e) => e.role === 'dialog' && e.name === 'Settings form');
  assert.ok(form, 'the form itself (role=dialog) read through the prototype\'s getAttribute');
  assert.equal(inForm.container, form.i, 'and its container found through the prototype\'s parentElement');
  await page.close();
});

test('no typed text of any field enters the snapshot, not even in a container\'s text', async () => {
  const { page, snapshot } = await open('decoys');
  await page.locator('#ce').pressSequentially(' and more typed');
  const text = JSON.stringify(await snapshot());
  for (const typed of ['secret typed', 'more typed', 'editable draft', 'caption typed', 'search typed', 'typed value', 'typed caption'])
    assert.ok(!text.includes(typed), `"${typed}" is not in the snapshot`);
  const snap = JSON.parse(text);
  const box = snap.elements.find((e) => e.role === 'textbox' && e.name === 'Message');
  assert.ok(box && box.text === undefined, 'the textbox is there, by its name, without its text');
  const dialog = snap.elements.find((e) => e.role === 'dialog');
  assert.match(dialog.text, /New message/, 'the dialog keeps the text of the page');
  assert.match(dialog.text, /Send/);
  await page.close();
});

test('behind a modal dialog the page is inert: only the dialog is in the snapshot', async () => {
  const { page, snapshot } = await open('modal');
  const snap = await snapshot();
  assert.equal(named(snap, 'Behind the dialog').length, 0);
  assert.equal(named(snap, 'Yes, remove').length, 1);
  await page.close();
});

test('a list\'s <li> is a listitem, as the browser\'s accessibility tree has it; not in a list only for layout', async () => {
  const { page, snapshot } = await open('clobber');
  await page.evaluate(() => {
    const add = (html) => document.body.insertAdjacentHTML('beforeend', html);
    add('<ul id="real"><li>Jane Doe<br>Facebook</li></ul>');
    add('<ol><li>jane.doe<br>Instagram</li></ol>');
    add('<ul role="presentation"><li>Layout only</li></ul>');
    add('<ul role="list"><li>Listed again</li></ul>');
  });
  const items = (await snapshot()).elements.filter((e) => e.role === 'listitem').map((e) => e.text);
  assert.deepEqual(items, ['Jane Doe\nFacebook', 'jane.doe\nInstagram', 'Listed again']);
});
