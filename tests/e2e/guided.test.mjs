// Guided steps, taught wordings and the problem report (issue 16, items 2-4), on the stage
// with a wording the core does not know for one step (web/variants.mjs, unknownWording):
// link ("Yes, finish setup" renamed), unlink ("Remove account" renamed) and a sharing
// switch (the posts switch renamed). The flow goes guided instead of stopping, the test
// clicks the right element as the person, the flow goes on by itself and the stage ends in
// the right state; after "Remember" the same flow in a fresh tab needs no guidance; a taught
// wording that leads to a wrong screen is dropped and the log says so. The problem report
// is shown whole in the panel and carries no name, username or id of the page.
// The panel lives in a closed shadow root: it is read and pressed the way a person and a
// screen reader reach it (the accessibility tree; a real mouse click at its button).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { evalInContentScript, root, setState, until } from './harness.mjs';
import { flowEnded, flowPage, flowRecord, flowRecordConsenting, sendFromPopup, stageState, startFlow, useFlowBrowser } from './flow-helpers.mjs';
import { unknownWording } from '../../web/variants.mjs';
import { optionsUrl } from './options-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const env = useFlowBrowser();
const waitFor = (pred, what, timeout = 30000) => until(() => flowRecordConsenting(env.popup), (r) => r && pred(r), { what, timeout, interval: 50 });
const taught = () => env.popup.evaluate(async () => (await chrome.storage.local.get('taughtWordings')).taughtWordings ?? []);
const setTaught = (list) => env.popup.evaluate((l) => chrome.storage.local.set({ taughtWordings: l }), list);
const activity = () => env.popup.evaluate(async () => (await chrome.storage.local.get('activityLog')).activityLog?.entries ?? []);
const guidedSteps = (rec) => (rec.trail ?? []).filter((e) => e.reason === 'guided').length;

const sessions = new WeakMap();
async function cdpOf(page) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  return sessions.get(page);
}
/** The panel from the accessibility tree: {text, buttons: {name: backendNodeId}, textbox}, null when none. */
async function panelAx(page) {
  let nodes;
  try {
    ({ nodes } = await (await cdpOf(page)).send('Accessibility.getFullAXTree'));
  } catch {
    return null;
  }
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const top = nodes.find((n) => !n.ignored && n.role?.value === 'complementary' && n.name?.value === 'Crosslink');
  if (!top) return null;
  const out = { text: [], buttons: {}, textbox: null, node: top.backendDOMNodeId };
  const walk = (n) => {
    if (!n) return;
    if (!n.ignored) {
      const role = n.role?.value;
      if (role === 'StaticText') out.text.push(n.name.value);
      if (role === 'button') out.buttons[n.name.value] = n.backendDOMNodeId;
      if (role === 'textbox') out.textbox = n.value?.value ?? '';
    }
    for (const id of n.childIds ?? []) walk(byId.get(id));
  };
  walk(top);
  out.text = out.text.join(' ');
  return out;
}
/** A real (trusted) mouse click on the panel's button of this name. */
async function pressPanel(page, name) {
  const panel = await until(() => panelAx(page), (p) => p && p.buttons[name], { what: `the panel's "${name}"`, timeout: 20000 });
  const { model } = await (await cdpOf(page)).send('DOM.getBoxModel', { backendNodeId: panel.buttons[name] });
  const [x1, y1, , , x3, y3] = model.border;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

async function freshTab() {
  for (const p of env.browser.context.pages()) if (p !== env.popup) await p.close();
}

/**
 * Starts a flow. Link as the person starts it, from the popup's button (which asks for the
 * Facebook permission, granted in the test browser): Facebook's pages are read only with it.
 */
async function start(flow, params = {}) {
  // A quiet read the popup started on opening (a stale status) ends first.
  let before = await flowRecord(env.popup);
  if (before && !['done', 'error', 'cancelled'].includes(before.status)) before = await flowEnded(env.popup, { id: before.id });
  const button = env.popup.getByRole('button', { name: 'Link to Facebook', exact: true });
  // The popup offers Link only while it does not know of one (the run before read it linked):
  // then the popup's own message, the permission granted by that first click.
  if (flow !== 'link' || !(await button.isVisible())) return startFlow(env.popup, flow, params);
  await env.popup.bringToFront();
  await button.click();
  return until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id, { timeout: 5000, interval: 25, what: 'the link flow' });
}

/** A flow to its guided step; returns {page, rec, panel}. */
async function toGuided(flow, params = {}) {
  const started = await start(flow, params);
  const rec = await waitFor((r) => r.id === started.id && r.guide, `the ${flow} flow to go guided`);
  const page = await flowPage(env);
  const panel = await until(() => panelAx(page), (p) => p && /Crosslink could not find/.test(p.text), { what: 'the guided step in the panel' });
  return { page, rec, panel, id: started.id };
}

const CASES = [
  { flow: 'link', variant: 'finish', role: 'button', state: { linked: false }, params: {}, wording: 'Yes, finish setup',
    check: (s) => assert.equal(s.linked, true), again: { linked: false } },
  { flow: 'unlink', variant: 'remove', role: 'button', state: { linked: true }, params: {}, wording: 'Remove from Accounts Center',
    check: (s) => assert.equal(s.linked, false), again: { linked: true } },
  { flow: 'setSharing', variant: 'posts', role: 'switch', state: { linked: true, sharing: { posts: false } }, params: { sharing: { posts: true } },
    wording: 'Share your posts to Facebook', check: (s) => assert.equal(s.sharing.posts, true), again: { sharing: { posts: false } } },
];

for (const c of CASES) {
  test(`${c.flow}: an unknown wording is a guided step; the person clicks; it goes on; remembered, the next run needs no guidance`, async () => {
    await setTaught([]);
    await setState(env.stage, { ...c.state, unknownWording: c.variant });
    const name = unknownWording(c.variant, 'en');
    const { page, rec, panel, id } = await toGuided(c.flow, c.params);
    assert.equal(rec.status, 'needs_user');
    assert.equal(rec.asked, 'guided');
    assert.ok(panel.text.includes(`“${c.wording}”`), `the step in words: ${panel.text}`);
    assert.ok(rec.guide.candidates.some((x) => x.name === name), `"${name}" among the candidates: ${JSON.stringify(rec.guide.candidates)}`);
    const clicksBefore = rec.state.clicks;
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await flowRecord(env.popup)).state.clicks, clicksBefore, 'still waiting, nothing clicked for the person');
    assert.ok(panel.buttons['Copy a problem report'], 'the panel offers the problem report');

    // The panel keeps clear of the element the person is to click.
    const { model } = await (await cdpOf(page)).send('DOM.getBoxModel', { backendNodeId: panel.node });
    const [px1, py1, , , px3, py3] = model.border;
    const b = await page.getByRole(c.role, { name, exact: true }).boundingBox();
    assert.ok(px3 <= b.x || px1 >= b.x + b.width || py3 <= b.y || py1 >= b.y + b.height, `the panel covers "${name}"`);
    await page.getByRole(c.role, { name, exact: true }).click();  // the person
    const done = await flowEnded(env.popup, { id });
    assert.equal(done.status, 'done', JSON.stringify(done.error));
    c.check(await stageState(env.stage));
    assert.equal(guidedSteps(done), 1);

    // "Remember this button for next time?" — yes.
    const offered = await until(() => panelAx(page), (p) => p && p.text.includes('Remember this button'), { what: 'the offer' });
    assert.ok(offered.text.includes(`“${name}”`));
    await pressPanel(page, 'Remember');
    const [kept] = await until(taught, (l) => l.length === 1, { what: 'the wording stored' });
    assert.deepEqual({ locale: kept.locale, role: kept.role, name: kept.name, flow: kept.flow }, { locale: 'en', role: c.role, name, flow: c.flow });
    assert.ok(kept.locator && kept.screen && kept.leadsTo && kept.learnedAt > 0 && kept.host === 'accountscenter.instagram.com', JSON.stringify(kept));
    // The log's entry is appended just after the wording is stored: wait for it.
    await until(activity, (l) => l.some((e) => e.type === 'wording_learned'), { what: 'the log saying it was learned' });

    // The same flow, a fresh tab: no guidance, the taught wording finds it.
    await freshTab();
    await setState(env.stage, c.again);
    const second = await start(c.flow, c.params);
    const end = await flowEnded(env.popup, { id: second.id });
    assert.equal(end.status, 'done', JSON.stringify(end.error));
    assert.equal(guidedSteps(end), 0, 'no guided step the second time');
    assert.ok(end.trail.some((e) => e.taught === true), `the taught wording was used: ${JSON.stringify(end.trail)}`);
    c.check(await stageState(env.stage));
    await setTaught([]);
  });
}

test('a guided step\'s outline follows the page as it scrolls (the panel listens to scrolling only while it outlines)', async () => {
  await setTaught([]);
  await setState(env.stage, { linked: false, unknownWording: 'finish' });
  const { page, id } = await toGuided('link');
  const name = unknownWording('finish', 'en');
  await page.setViewportSize({ width: 800, height: 240 });  // the page scrolls
  try {
    const where = async () => ({
      outlines: await evalInContentScript(page, 'crosslinkPanel.outlineRects()'),
      target: await page.getByRole('button', { name, exact: true }).evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, left: r.left }; }),
    });
    const around = (w) => w.outlines.some((o) => Math.abs(o.top - (w.target.top - 4)) < 1 && Math.abs(o.left - (w.target.left - 4)) < 1);
    const before = await until(where, (w) => w.outlines.length > 0 && around(w), { what: 'the candidate outlined' });
    // Scroll what scrolls: the document, or the box around the button (a dialog's body).
    const scrolled = await page.getByRole('button', { name, exact: true }).evaluate((el) => {
      for (let box = el.parentElement; box; box = box.parentElement) {
        if (box.scrollHeight > box.clientHeight + 40 && getComputedStyle(box).overflowY !== 'visible') { box.scrollTop += 40; return box.tagName; }
      }
      const root = document.scrollingElement;
      root.scrollTop += 40;
      return `${root.tagName} ${root.scrollHeight}/${innerHeight}`;
    });
    const after = await until(where, (w) => w.target.top !== before.target.top && around(w), { what: `the outline moved with the scroll (${scrolled})` });
    assert.ok(around(after));
    await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
    await flowEnded(env.popup, { id });
    assert.deepEqual(await evalInContentScript(page, 'crosslinkPanel.outlineRects()'), [], 'no outline once the flow ended');
  } finally {
    await page.setViewportSize({ width: 1280, height: 860 });
  }
});

test('a taught wording that leads to a wrong screen is dropped, the log says so, and the flow still ends right', async () => {
  await setState(env.stage, { linked: true });
  await setTaught([{ id: 'wrong1', locator: 'remove_account', locale: 'en', role: 'link', name: 'Back', screen: 'accounts_center_account_detail',
    leadsTo: 'accounts_center_remove_intro', flow: 'unlink', host: 'accountscenter.instagram.com', learnedAt: 1 }]);
  const started = await startFlow(env.popup, 'unlink');
  const end = await flowEnded(env.popup, { id: started.id });
  assert.equal(end.status, 'done', JSON.stringify(end.error));
  assert.equal((await stageState(env.stage)).linked, false);
  assert.deepEqual(await taught(), [], 'dropped');
  const dropped = (await activity()).filter((e) => e.type === 'wording_dropped');
  assert.equal(dropped.length, 1);
  assert.match(dropped[0].detail, /^remove_account: accounts_center_accounts: accounts_center_remove_intro$/);
});

test('the problem report: shown whole in the panel before copying, the same from the popup, and no name, username or id in it', async () => {
  await setTaught([]);
  await setState(env.stage, { linked: false, unknownWording: 'finish', instagramUsername: 'maria.k_1990', facebookName: 'Maria Kowalska', facebookAccounts: ['Maria Kowalska'] });
  await env.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://accountscenter.instagram.com' });
  const { page, id } = await toGuided('link');
  await pressPanel(page, 'Copy a problem report');
  const shown = await until(() => panelAx(page), (p) => p?.textbox, { what: 'the report in the panel' });
  const fromPopup = await sendFromPopup(env.popup, { type: 'popup/problemReport' });
  assert.ok(fromPopup.ok);
  assert.equal(shown.textbox, fromPopup.text, 'the person sees the whole report');
  for (const secret of ['Maria', 'Kowalska', 'maria.k_1990', 'etoken', 'token=']) assert.ok(!fromPopup.text.includes(secret), `${secret} in the report:\n${fromPopup.text}`);
  for (const kept of ['Flow: link', 'Outcome: guided', 'accounts_center_finish_setup', 'locator=finish_yes', 'Page language: en', 'Browser: Chrome']) assert.ok(fromPopup.text.includes(kept), `${kept} missing:\n${fromPopup.text}`);
  const r = fromPopup.report;
  assert.equal(r.flow, 'link');
  assert.ok(r.trail.length >= 3, JSON.stringify(r.trail));
  fs.mkdirSync(path.join(root, 'build/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'build/results/problem-report-example.txt'), fromPopup.text);
  console.log(`# the problem report of this guided link:\n${fromPopup.text.split('\n').map((l) => `#   ${l}`).join('\n')}`);
  await pressPanel(page, 'Copy');
  await until(() => panelAx(page), (p) => p && /Copied\./.test(p.text), { what: 'copied' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fromPopup.text);
  // The popup offers the same report, shown whole too.
  await env.popup.getByRole('button', { name: 'Copy a problem report', exact: true }).click();
  await until(() => env.popup.locator('#report-text').inputValue(), (v) => v === fromPopup.text, { what: 'the report in the popup' });
  assert.equal(await env.popup.getByRole('textbox', { name: /^Problem report/ }).count(), 1);
  await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
  await flowEnded(env.popup, { id });
});

test('the popup offers the problem report of a flow that stopped, and keyboard reaches the panel\'s Remember', async () => {
  await setTaught([]);
  await setState(env.stage, { linked: true, sharing: { posts: false }, unknownWording: 'posts' });
  const { page, id } = await toGuided('setSharing', { sharing: { posts: true } });
  await page.getByRole('switch', { name: unknownWording('posts', 'en'), exact: true }).click();
  await flowEnded(env.popup, { id });
  await until(() => panelAx(page), (p) => p && p.buttons.Remember, { what: 'the offer' });
  // Keyboard only: Tab until the focus is in the panel, then on to "No, thanks" / "Remember".
  let onPanel = false;
  for (let i = 0; i < 80 && !onPanel; i += 1) {
    await page.keyboard.press('Tab');
    onPanel = await page.evaluate(() => document.activeElement?.localName === 'crosslink-panel');
  }
  assert.ok(onPanel, 'the panel is reached by Tab');
  const focusedName = async () => {
    const { nodes } = await (await cdpOf(page)).send('Accessibility.getFullAXTree');
    const n = nodes.find((x) => x.role?.value === 'button' && x.properties?.some((p) => p.name === 'focused' && p.value.value));
    return n?.name?.value ?? '';
  };
  for (let i = 0; i < 6 && (await focusedName()) !== 'Remember'; i += 1) await page.keyboard.press('Tab');
  assert.equal(await focusedName(), 'Remember');
  await page.keyboard.press('Enter');
  await until(taught, (l) => l.length === 1, { what: 'remembered by keyboard' });
  await setTaught([]);
  // A flow that stopped: the popup's report (the popup offers it; popup.js).
  const report = await sendFromPopup(env.popup, { type: 'popup/problemReport' });
  assert.ok(report.ok && report.text.startsWith('Crosslink problem report'));
});

const GUIDED_VIEW = {
  seq: 1, id: 'a', flow: 'link', params: {}, status: 'needs_user', screen: 'accounts_center_finish_setup', actions: 3, asked: 'guided', waiting: 'you', next: null,
  outcome: null, result: null, report: true, offer: null,
  guide: { action: 'click', locator: 'finish_yes', wording: 'Yes, finish setup', candidates: [{ i: 1, role: 'button', name: 'Yes, connect these accounts' }] },
};
const OFFER_VIEW = { ...GUIDED_VIEW, status: 'done', guide: null, report: false, outcome: 'done', result: { facebookName: 'Jane Doe' }, offer: { role: 'button', name: 'Yes, connect these accounts' } };
for (const colorScheme of ['light', 'dark']) {
  test(`axe, ${colorScheme}: the guided step, its report and the offer to remember have no violation`, async () => {
    const page = await env.browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto('https://accountscenter.instagram.com/accounts/');
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
    for (const [state, view, report] of [['guided', GUIDED_VIEW, null], ['report', GUIDED_VIEW, 'Crosslink problem report\nFlow: link\n #1 button "[name]"'], ['offer', OFFER_VIEW, null]]) {
      await evalInContentScript(page, `(() => {
        document.querySelector('crosslink-a11y')?.remove();
        const host = document.createElement('crosslink-a11y');
        document.body.append(host);
        return crosslinkPanel.openCopy(host, ${JSON.stringify(view)}, ${JSON.stringify(report)});
      })()`);
      const shown = await page.evaluate(() => document.querySelector('crosslink-a11y').shadowRoot.textContent);
      assert.ok(state !== 'guided' || shown.includes('could not find “Yes, finish setup”'), shown);
      assert.ok(state !== 'offer' || shown.includes('Remember this button'), shown);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run({ include: [['crosslink-a11y']] }, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')} (${v.help})`);
      });
      assert.deepEqual(violations, [], `${colorScheme}, ${state}`);
    }
    await page.close();
  });
}

test('options: the remembered buttons with where and when, Remove; export and import carry them, a bad list is refused whole', async () => {
  const learnedAt = Date.UTC(2026, 10, 20, 8, 0);
  const w = { id: 'wopt1', locator: 'finish_yes', locale: 'en', role: 'button', name: 'Yes, connect these accounts', screen: 'accounts_center_finish_setup',
    leadsTo: 'accounts_center_profile_sync', flow: 'link', host: 'accountscenter.instagram.com', instead: 'Yes, finish setup', learnedAt };
  await setTaught([w]);
  const page = await env.browser.context.newPage();
  await page.goto(optionsUrl(env.browser));
  const item = page.locator('#taught-list li');
  await until(() => item.count(), (n) => n === 1, { what: 'the list' });
  const text = await item.textContent();
  for (const part of ['“Yes, connect these accounts”', '(button)', 'Instead of “Yes, finish setup” (en)', 'Learned on accountscenter.instagram.com', '2026']) assert.ok(text.includes(part), `${part} in ${text}`);

  const exported = await sendFromPopup(env.popup, { type: 'options/export' });
  assert.deepEqual(exported.file.taught.map((x) => x.id), ['wopt1']);
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await until(() => item.count(), (n) => n === 0, { what: 'removed' });
  assert.equal(await page.locator('#taught-none').isVisible(), true);
  assert.deepEqual(await taught(), []);
  assert.ok((await activity()).some((e) => e.type === 'wording_removed'));

  const bad = { ...exported.file, taught: [{ ...w, role: 'textbox' }] };
  const refused = await sendFromPopup(env.popup, { type: 'options/import', text: JSON.stringify(bad) });
  assert.equal(refused.imported, false);
  assert.equal(refused.problem.name, 'bad_taught');
  assert.deepEqual(await taught(), [], 'nothing written');
  const imported = await sendFromPopup(env.popup, { type: 'options/import', text: JSON.stringify(exported.file) });
  assert.equal(imported.imported, true, JSON.stringify(imported.problem));
  assert.deepEqual((await taught()).map((x) => [x.id, x.name]), [['wopt1', 'Yes, connect these accounts']]);
  await until(() => item.count(), (n) => n === 1, { what: 'shown again after the import' });
  await page.close();
  await setTaught([]);
});
