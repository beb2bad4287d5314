// The Crosslink panel in the flow's own page (issue 16, part 1): it says the flow, its step,
// what Crosslink waits for and the question when the person must act; Cancel (and Resume)
// work from the keyboard; it is gone a few seconds after the end, leaving the outcome; the
// page's own script can neither read it nor press it; the toolbar badge says the state.
// The panel is read the way a screen reader reads it: from the browser's accessibility tree
// (DevTools protocol), which sees into its closed shadow root where the page cannot.
// axe-core cannot look into a closed root from the page, so the same panel (the same code,
// panel.js's createPanel) is drawn in an OPEN root by the extension's own isolated world
// and axe checks that copy, in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { evalInContentScript, setState, until } from './harness.mjs';
import {
  CONSENT_ASKS, actionNames, answerConsent, flowEnded, flowPage, flowRecord, pacedClickPending, sendFromPopup, stageState, startFlow, useFlowBrowser,
} from './flow-helpers.mjs';
import { text } from '../../web/texts.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const env = useFlowBrowser();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const waitFor = (pred, what, timeout = 20000) => until(() => flowRecord(env.popup), (r) => r && pred(r), { what, timeout, interval: 50 });
const worker = () => env.browser.context.serviceWorkers()[0];
const setPacing = (ms) => worker().evaluate((value) => (value === null ? chrome.storage.sync.remove('settings')
  : chrome.storage.sync.set({ settings: { version: 1, clickPacingMs: value } })), ms);
const badge = () => env.popup.evaluate(async () => ({
  text: await chrome.action.getBadgeText({}),
  title: await chrome.action.getTitle({}),
  color: await chrome.action.getBadgeBackgroundColor({}),
}));
/**
 * The badge once it shows `text` (and `title`): the worker sets it just after the record and
 * the panel, in four calls (colours, text, then the title: toolbar-icon.js), so it is read until
 * then — the title last, as every part is set by the time it shows.
 */
const badgeShowing = (text, title) => until(badge, (b) => b.text === text && (title === undefined || b.title === title),
  { what: `the badge "${text}"${title ? ` titled "${title}"` : ''}`, interval: 25 });
const activity = () => env.popup.evaluate(async () => (await chrome.storage.local.get('activityLog')).activityLog?.entries ?? []);

const sessions = new WeakMap();
async function cdpOf(page) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  return sessions.get(page);
}

/**
 * The panel as the accessibility tree has it: {text, buttons, live, focused, box}, or null
 * when the page shows none. text: its words in order; live: the status region's politeness.
 */
async function panelAx(page) {
  const cdp = await cdpOf(page);
  let nodes;
  try {
    ({ nodes } = await cdp.send('Accessibility.getFullAXTree'));
  } catch {
    return null;  // between two pages
  }
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const root = nodes.find((n) => !n.ignored && n.role?.value === 'complementary' && n.name?.value === 'Crosslink');
  if (!root) return null;
  const out = { text: [], buttons: [], live: null, liveText: [], focused: null, box: null };
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
  const walk = (n, inLive) => {
    if (!n) return;
    const role = n.role?.value;
    const live = inLive || role === 'status';
    if (!n.ignored) {
      if (role === 'status') out.live = prop(n, 'live');
      if (role === 'StaticText') { out.text.push(n.name.value); if (live) out.liveText.push(n.name.value); }
      if (role === 'button') out.buttons.push(n.name.value);
      if (prop(n, 'focused')) out.focused = `${role}:${n.name?.value ?? ''}`;
    }
    for (const id of n.childIds ?? []) walk(byId.get(id), live);
  };
  walk(root, false);
  out.text = out.text.join(' ');
  out.liveText = out.liveText.join(' ');
  try {
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: root.backendDOMNodeId });
    const [x1, y1, x2, , , y3] = model.border;
    out.box = { left: x1, top: y1, right: x2, bottom: y3 };
  } catch {
    // gone meanwhile
  }
  return out;
}

const intersects = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
const rectOf = async (locator) => {
  const b = await locator.boundingBox();
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
};

/** Presses Tab until the focus is in the panel (the page sees its host); returns how many. */
async function tabToPanel(page, max = 80) {
  for (let i = 1; i <= max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.localName === 'crosslink-panel')) return i;
  }
  throw new Error(`the panel was not reached with ${max} Tabs`);
}

/**
 * Link as the person starts it: the popup's button (which also asks for the Facebook
 * permission, granted in the test browser) — Facebook's pages are read, and carry the
 * panel, only with it.
 */
async function linkFromPopup() {
  const before = await flowRecord(env.popup);
  await env.popup.bringToFront();
  await env.popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  return until(() => flowRecord(env.popup), (r) => r && r.id !== before?.id, { timeout: 5000, interval: 25, what: 'the link flow' });
}

/** A link flow waiting on Facebook's login page (the person is logged out there). */
async function askForLogin() {
  await setState(env.stage, { linked: false, facebookLoggedIn: false });
  const started = await linkFromPopup();
  const asked = await waitFor((r) => r.id === started.id && r.asked === 'facebook_login', 'the flow to ask for the Facebook login');
  const page = await flowPage(env);
  const panel = await until(() => panelAx(page), (p) => p && /Please log in to Facebook/.test(p.text), { what: 'the panel asking to log in' });
  return { asked, page, panel };
}

test('a link flow: the panel names the flow and each step, says what comes next, then leaves the outcome and goes', async () => {
  await setState(env.stage, { linked: false });
  const started = await linkFromPopup();
  const page = await flowPage(env);
  const seen = new Set();
  let live = null;
  const RUNNING_BADGE = '… Crosslink: Linking to Facebook (running)';
  const badgesRunning = new Set();  // text and title of each badge read while the flow ran
  for (;;) {
    const p = await panelAx(page);
    if (p) { seen.add(p.text); live = p.live ?? live; }
    const rec = await flowRecord(env.popup);
    // The worker sets the badge just after it writes the record, in parts: read until it shows.
    if (rec?.status === 'running' && !badgesRunning.has(RUNNING_BADGE)) {
      const b = await badge();
      badgesRunning.add(`${b.text} ${b.title}`);
    }
    // The person confirms the account Facebook offers (issue 17) — one click, as they would.
    if (rec?.status === 'needs_user' && CONSENT_ASKS.has(rec.asked)) await answerConsent(env.popup, rec);
    if (rec && rec.id === started.id && ['done', 'error', 'cancelled'].includes(rec.status)) break;
  }
  const rec = await flowEnded(env.popup, { id: started.id });
  assert.equal(rec.status, 'done', JSON.stringify(rec.error));
  const all = [...seen];
  console.log(`# ${all.length} distinct panels seen; e.g. ${JSON.stringify(all.slice(0, 3))}`);
  assert.ok(all.some((t) => /^Crosslink Linking to Facebook Step \d+: /.test(t)), 'the flow\'s name and a step');
  assert.ok(all.some((t) => /Next: Crosslink clicks “[^”]+”\./.test(t)), 'the button it is about to click');
  assert.ok(all.some((t) => /Step \d+: (Accounts Center|Facebook): [a-z]/.test(t)), 'the screen in words');
  assert.equal(live, 'polite', 'the changing words are a polite live region');
  assert.ok(badgesRunning.has(RUNNING_BADGE), `the badge says running; seen: ${JSON.stringify([...badgesRunning])}`);

  // The outcome stays a few seconds, without buttons, then the panel goes.
  const end = await until(() => panelAx(page), (p) => p && /Done: Instagram is linked to Facebook as /.test(p.text), { what: 'the outcome in the panel' });
  assert.deepEqual(end.buttons, []);
  assert.match(end.liveText, /^Done: Instagram is linked to Facebook as Jane Doe\.$/);
  const done = await badgeShowing('✓', 'Crosslink: Linking to Facebook is done');
  assert.deepEqual(done.color, [21, 128, 61, 255]);
  const endedAt = Date.now();
  await until(() => panelAx(page), (p) => p === null, { timeout: 10000, what: 'the panel to go' });
  const shownMs = Date.now() - endedAt;
  assert.ok(shownMs > 2500, `the outcome stayed ${shownMs} ms`);
  assert.equal((await stageState(env.stage)).linked, true);
});

test('needs you: on Facebook\'s login page the panel asks the question, keeps clear of the form, and the badge says "!"', async () => {
  const { page, panel } = await askForLogin();
  assert.match(panel.liveText, /Please log in to Facebook in the tab that is now in front\. Crosslink never types your password/);
  assert.match(panel.liveText, /Waiting for you\./);
  assert.match(panel.text, /Step \d+: Facebook: log in/);
  assert.deepEqual(panel.buttons, ['Cancel']);
  for (const locator of [page.getByRole('textbox', { name: text('en', 'fb.login.email'), exact: true }),
    page.getByLabel(text('en', 'fb.login.password'), { exact: true }),
    page.getByRole('button', { name: text('en', 'fb.login.submit'), exact: true })]) {
    assert.equal(intersects(panel.box, await rectOf(locator)), false, 'the panel covers none of the login form');
  }
  await badgeShowing('!', 'Crosslink: Linking to Facebook needs you');
  await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
  await badgeShowing('×', 'Crosslink: Linking to Facebook stopped');
});

test('keyboard only: Tab to the panel\'s Cancel on Facebook\'s login page, Enter: cancelled, nothing done after', async () => {
  const { asked, page } = await askForLogin();
  const tabs = await tabToPanel(page);
  const focused = await until(() => panelAx(page), (p) => p?.focused, { what: 'the focus in the panel' });
  assert.equal(focused.focused, 'button:Cancel', `reached with ${tabs} Tabs`);
  await page.keyboard.press('Enter');
  const rec = await flowEnded(env.popup, { id: asked.id });
  assert.equal(rec.status, 'cancelled');
  const end = await until(() => panelAx(page), (p) => p && /Cancelled\. Nothing more was clicked\./.test(p.text), { what: 'the outcome' });
  assert.deepEqual(end.buttons, []);
  await sleep(1000);
  assert.deepEqual(await actionNames(env.stage), []);
  assert.equal((await stageState(env.stage)).linked, false);
});

test('keyboard only on Accounts Center, between two paced clicks: Cancel is not the person\'s click in the page (no pause)', async () => {
  const PACING = 8000;  // room for the checks below before the click would come
  await setPacing(PACING);
  try {
    await setState(env.stage, { linked: true, facebookName: 'Jane Doe' });
    const startedAt = Date.now();
    const started = await startFlow(env.popup, 'unlink', { facebookAccount: 'Jane Doe' });  // named, as the popup's confirmation passes it
    const page = await flowPage(env);
    // The first click is made at once (the panel naming it may be gone with its page before
    // the next line runs); the next one waits for the pacing: the panel says which.
    const { rec: pending, ax: waiting } = await until(async () => ({ rec: await flowRecord(env.popup), ax: await panelAx(page) }),
      ({ rec, ax: p }) => pacedClickPending(rec) && p && /Step [2-9]/.test(p.text) && /Next: Crosslink clicks “[^”]+”\./.test(p.text) && p.buttons.includes('Cancel'),
      { what: 'the panel naming the next (paced) click', timeout: 15000 });
    assert.match(new URL(page.url()).hostname, /^accountscenter\./);
    assert.match(waiting.text, /^Crosslink Unlinking Facebook Step [2-9]/);
    await badgeShowing('…');

    // The panel keeps off what the flow is about to click (asked from the extension's own world).
    const moved = await evalInContentScript(page, `(() => {
      const el = document.createElement('span');
      el.style.cssText = 'position:fixed;right:24px;bottom:24px;width:220px;height:60px;';
      document.documentElement.append(el);
      crosslinkPanel.avoid(el);
      const r = el.getBoundingClientRect();
      el.remove();
      return { placement: crosslinkPanel.placements.at(-1), rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } };
    })()`);
    assert.ok(moved.placement, 'the panel moved for the element (it was showing when asked)');
    assert.equal(moved.placement.covered, false);
    assert.notEqual(moved.placement.corner, 'br');
    const after = await until(() => panelAx(page), (p) => p?.box, { what: 'the panel\'s box after the move' });
    assert.equal(intersects(after.box, moved.rect), false, 'the panel moved off the element');

    const actionsBefore = await actionNames(env.stage);
    await tabToPanel(page);
    assert.equal((await panelAx(page)).focused, 'button:Cancel');
    await page.keyboard.press('Enter');
    const rec = await flowEnded(env.popup, { id: started.id });
    assert.equal(rec.status, 'cancelled');
    assert.equal(rec.pausedAt, undefined, 'never paused');
    const paused = (await activity()).filter((e) => e.t >= startedAt - 1000 && e.type === 'flow_paused');
    assert.deepEqual(paused, [], 'the panel\'s Enter was not taken for the person\'s click in the page');
    // Past the pacing (this test's clock is the worker's): the click it was waiting for never comes.
    await sleep(Math.max(0, pending.lastClickAt + PACING + 1000 - Date.now()));
    assert.deepEqual(await actionNames(env.stage), actionsBefore);
    assert.equal((await stageState(env.stage)).linked, true);
  } finally {
    await setPacing(null);
  }
});

test('paused by the person\'s click: the panel says so and offers Resume, which goes on by keyboard', async () => {
  await setPacing(3000);
  try {
    await setState(env.stage, { linked: true, facebookName: 'Jane Doe' });
    const started = await startFlow(env.popup, 'unlink', { facebookAccount: 'Jane Doe' });
    const page = await flowPage(env);
    await until(() => panelAx(page), (p) => p && /Step [2-9]/.test(p.text) && /Next: Crosslink clicks/.test(p.text), { what: 'a paced click', timeout: 15000 });
    await page.getByRole('heading').first().click();  // the person's own click in the page (on a title)
    const paused = await until(() => panelAx(page), (p) => p && /Paused: you clicked in the page/.test(p.text), { what: 'the pause in the panel' });
    assert.deepEqual(paused.buttons, ['Resume', 'Cancel']);
    await badgeShowing('!');
    await tabToPanel(page);
    assert.equal((await panelAx(page)).focused, 'button:Resume');
    await page.keyboard.press('Enter');
    await waitFor((r) => r.id === started.id && r.status !== 'paused', 'the flow to go on');
    const rec = await flowEnded(env.popup, { id: started.id, timeout: 60000 });
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    assert.equal((await stageState(env.stage)).linked, false);
  } finally {
    await setPacing(null);
  }
});

test('the page\'s own script cannot read the panel, restyle it or press its Cancel', async () => {
  const { asked, page, panel } = await askForLogin();
  // A hostile page: everything it can try from its own world.
  const seen = await page.evaluate(async () => {
    const host = document.querySelector('crosslink-panel');
    const style = document.createElement('style');
    style.textContent = 'crosslink-panel, crosslink-panel * { display: none !important; visibility: hidden !important; } * { color: red !important; }';
    document.head.append(style);
    const r = { host: Boolean(host), shadowRoot: host?.shadowRoot ?? null, children: host?.children.length, hostText: host?.textContent,
      buttons: document.querySelectorAll('crosslink-panel button').length, bodyText: document.body.innerText, allText: document.documentElement.innerText };
    // Press it: on the host, where the panel is drawn, and by keyboard.
    host?.click();
    const box = host ? [...document.elementsFromPoint(innerWidth - 60, innerHeight - 30)] : [];
    for (const el of box) {
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: innerWidth - 60, clientY: innerHeight - 30 }));
    }
    host?.focus();
    host?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    r.atPoint = box.map((el) => el.localName);
    return r;
  });
  assert.equal(seen.host, true, 'the host is in the page');
  assert.equal(seen.shadowRoot, null, 'its root is closed');
  assert.equal(seen.children, 0);
  assert.equal(seen.hostText, '');
  assert.equal(seen.buttons, 0);
  for (const words of ['Please log in to Facebook', 'Waiting for you', 'Linking to Facebook', 'Cancel']) {
    assert.equal(seen.bodyText.includes(words), false, `"${words}" not in the body's text`);
    assert.equal(seen.allText.includes(words), false, `"${words}" not in the document's text`);
  }
  await sleep(1500);
  const rec = await flowRecord(env.popup);
  assert.equal(rec.id, asked.id);
  assert.equal(rec.status, 'needs_user', 'the page\'s presses did nothing');
  // Still shown, as before, despite the page's style.
  const still = await panelAx(page);
  assert.ok(still && /Please log in to Facebook/.test(still.text), 'still there and readable');
  assert.ok(still.box.right - still.box.left > 100, 'still drawn');
  assert.deepEqual(still.box, panel.box);
  await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
  await flowEnded(env.popup, { id: asked.id });
});

test('Cancel and Resume are accepted only from the flow\'s own tab, for its own flow', async () => {
  const { asked, page } = await askForLogin();
  const other = await env.browser.context.newPage();
  await other.goto('https://accountscenter.instagram.com/accounts/');
  const fromOther = await evalInContentScript(other, `chrome.runtime.sendMessage({ type: 'content/cancelFlow', flowId: ${JSON.stringify(asked.id)} })`);
  assert.equal(fromOther.error.name, 'not_flow_tab');
  const resumeOther = await evalInContentScript(other, `chrome.runtime.sendMessage({ type: 'content/resumeFlow', flowId: ${JSON.stringify(asked.id)} })`);
  assert.equal(resumeOther.error.name, 'not_flow_tab');
  const wrongId = await evalInContentScript(page, `chrome.runtime.sendMessage({ type: 'content/cancelFlow', flowId: 'not-this-one' })`);
  assert.equal(wrongId.error.name, 'not_flow_tab');
  const noId = await evalInContentScript(page, `chrome.runtime.sendMessage({ type: 'content/cancelFlow' })`);
  assert.equal(noId.error.name, 'bad_message');
  assert.equal((await flowRecord(env.popup)).status, 'needs_user');
  const own = await evalInContentScript(page, `chrome.runtime.sendMessage({ type: 'content/cancelFlow', flowId: ${JSON.stringify(asked.id)} })`);
  assert.equal(own.ok, true);
  assert.equal((await flowEnded(env.popup, { id: asked.id })).status, 'cancelled');
  await other.close();
});

test('the panel speaks the page\'s language (German Accounts Center)', async () => {
  await setState(env.stage, { linked: false, locale: 'de', facebookLoggedIn: false });
  const started = await linkFromPopup();
  const page = await flowPage(env);
  const de = JSON.parse(fs.readFileSync(new URL('../../extension/_locales/de/messages.json', import.meta.url), 'utf8'));
  const p = await until(() => panelAx(page), (x) => x && x.text.includes(de.flowName_link.message), { what: 'the German panel' });
  assert.ok(p.buttons.includes(de.flowCancel.message), JSON.stringify(p.buttons));
  await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
  await flowEnded(env.popup, { id: started.id });
});

test('the badge: an ended flow\'s mark goes after a while; a quiet read shows none', async () => {
  const put = (flow) => env.popup.evaluate((f) => chrome.storage.session.set({ flow: f }), flow);
  await put({ id: 'old', flow: 'link', status: 'done', endedAt: Date.now() - 60000 });
  await until(badge, (b) => b.text === '' && b.title === 'Crosslink', { what: 'no mark for an old end' });
  await put({ id: 'fresh', flow: 'unlink', status: 'error', outcome: 'not_found', endedAt: Date.now() });
  await badgeShowing('×', 'Crosslink: Unlinking Facebook stopped');
  await put({ id: 'quiet', flow: 'readStatus', status: 'running', quiet: true });
  await until(badge, (b) => b.text === '', { what: 'no mark for a quiet read' });
  await put({ id: 'quiet', flow: 'readStatus', status: 'needs_user', quiet: true, asked: 'facebook_login' });
  await until(badge, (b) => b.text === '!', { what: 'a quiet read that needs the person' });
  await env.popup.evaluate(() => chrome.storage.session.remove('flow'));
  await until(badge, (b) => b.text === '', { what: 'cleared' });
});

async function axe(page, selector) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const result = await window.axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')} (${v.help})`);
  }, selector);
}

const VIEWS = {
  running: { seq: 1, id: 'a', flow: 'link', params: {}, status: 'running', screen: 'accounts_center_accounts', actions: 1, asked: '', waiting: 'click', next: { kind: 'click', name: 'Add accounts' }, outcome: null, result: null },
  asking: { seq: 1, id: 'a', flow: 'link', params: {}, status: 'needs_user', screen: 'facebook_login', actions: 2, asked: 'facebook_login', waiting: 'you', next: null, outcome: null, result: null },
  paused: { seq: 1, id: 'a', flow: 'setSharing', params: { sharing: { reels: true } }, status: 'paused', screen: 'accounts_center_sharing', actions: 2, asked: '', waiting: 'you', next: null, outcome: null, result: null },
  done: { seq: 1, id: 'a', flow: 'link', params: {}, status: 'done', screen: '', actions: 4, asked: '', waiting: '', next: null, outcome: 'done', result: { facebookName: 'Jane Doe' } },
  stopped: { seq: 1, id: 'a', flow: 'unlink', params: {}, status: 'error', screen: '', actions: 2, asked: '', waiting: '', next: null, outcome: 'not_found', result: null },
};

for (const colorScheme of ['light', 'dark']) {
  test(`axe, ${colorScheme}: the panel (drawn in an open root by the same code) has no violation in any state`, async () => {
    const page = await env.browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto('https://accountscenter.instagram.com/accounts/');
    for (const [state, view] of Object.entries(VIEWS)) {
      await evalInContentScript(page, `(() => {
        document.querySelector('crosslink-a11y')?.remove();
        const host = document.createElement('crosslink-a11y');
        document.body.append(host);
        return crosslinkPanel.openCopy(host, ${JSON.stringify(view)});
      })()`);
      const shown = await page.evaluate(() => document.querySelector('crosslink-a11y').shadowRoot.textContent);
      assert.ok(shown.length > 20, `${state}: drawn (${shown})`);
      assert.deepEqual(await axe(page, 'crosslink-a11y'), [], `${colorScheme}, ${state}`);
    }
    const dark = await page.evaluate(() => getComputedStyle(document.querySelector('crosslink-a11y').shadowRoot.querySelector('aside')).backgroundColor);
    assert.equal(dark, colorScheme === 'dark' ? 'rgb(36, 37, 38)' : 'rgb(255, 255, 255)');
    await page.close();
  });
}
