// The first minute: the welcome page opens once on install (runtime.onInstalled, reason
// "install"), says what Crosslink does in three lines and what it never does, asks for the
// Facebook access with its reason, and runs the first status read; it does not open again
// on an update, unless the update asks for more permissions, which it then explains.
// axe checks it in light and dark; its screenshot is the README's (docs/screenshots/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { FIXED_NOW, WELCOME_PAGE, launch, root, setState, startStage, until } from './harness.mjs';
import { FACEBOOK_ORIGINS } from './flow-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const UPDATE = process.env.SCREENSHOTS === 'update';

async function axe(p) {
  if (!(await p.evaluate(() => typeof window.axe === 'object'))) await p.evaluate(AXE_SOURCE);
  return p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')} (${v.help})`));
}
const welcomePages = (browser) => browser.context.pages().filter((p) => p.url().includes(WELCOME_PAGE));
const worker = (browser) => browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId));

let stage;
let browser;
let welcome;
before(async () => {
  stage = await startStage();
  browser = await launch(stage, { clock: FIXED_NOW, welcome: true });
  welcome = await until(() => welcomePages(browser)[0], (p) => Boolean(p), { timeout: 15000, what: 'the welcome page' });
  await welcome.waitForSelector('body[data-ready="true"]');
});
after(async () => {
  try { await browser?.close(); } finally { await stage?.close(); }
});

test('on install the welcome page opens once: three lines, four promises, the Facebook access with its reason', async () => {
  assert.equal(welcomePages(browser).length, 1, 'one welcome page');
  assert.equal(await welcome.getByRole('heading', { level: 1 }).textContent(), 'Welcome to Crosslink');
  assert.equal(await welcome.locator('.what li').count(), 3);
  const promises = await welcome.locator('.promises li').allTextContents();
  assert.equal(promises.length, 4);
  for (const [i, re] of [/never types a password/, /never posts/, /no network request of its own/, /Nothing leaves your browser/].entries()) {
    assert.match(promises[i], re);
  }
  const grant = welcome.getByRole('button', { name: "Allow access to Facebook's pages", exact: true });
  assert.equal(await grant.isEnabled(), true, 'not granted yet: the button asks');
  assert.match(await welcome.locator('#facebook-why').textContent(), /Continue as …\?/);
  assert.equal(await grant.getAttribute('aria-describedby'), 'facebook-why', 'the reason is the button\'s description');
  assert.equal(await welcome.locator('#update').isHidden(), true, 'no update section on install');
  for (const colorScheme of ['light', 'dark']) {
    await welcome.emulateMedia({ colorScheme });
    assert.deepEqual(await axe(welcome), [], colorScheme);
  }
  await welcome.emulateMedia({ colorScheme: 'light' });
  await welcome.setViewportSize({ width: 900, height: 800 });
  await welcome.evaluate(() => document.fonts.ready);
  const shot = await welcome.screenshot({ fullPage: true });
  fs.mkdirSync(path.join(root, 'build/screenshots'), { recursive: true });
  fs.writeFileSync(path.join(root, 'build/screenshots/welcome.png'), shot);
  const doc = path.join(root, 'docs/screenshots/welcome.png');
  if (UPDATE || !fs.existsSync(doc)) fs.writeFileSync(doc, shot);
});

test('the first status read runs from the welcome page, behind it, and says when it is done', async () => {
  await setState(stage, { linked: true, facebookName: 'Jane Doe' });
  await welcome.bringToFront();
  await welcome.getByRole('button', { name: 'Read status from the pages', exact: true }).click();
  await until(() => welcome.locator('#read-status').textContent(), (t) => /^Read\./.test(t), { timeout: 60000, what: 'the read done' });
  const status = await worker(browser).evaluate(async () => (await chrome.storage.local.get('linkStatus')).linkStatus);
  assert.equal(status.linked, true);
  assert.equal(status.facebookName, 'Jane Doe');
  assert.equal(status.instagramUsername, 'jane.doe', 'the reading names the Instagram account');
});

// chrome.runtime.reload() unloads a command-line extension instead of updating it, so the
// update path is run on install.js itself against a recording chrome object, and the page
// it opens is then shown in the browser.
async function installWith({ manifestPermissions, known, reason }) {
  const store = known === undefined ? {} : { knownPermissions: known };
  const opened = [];
  globalThis.chrome = {
    runtime: { getManifest: () => manifestPermissions, getURL: (p) => `chrome-extension://id/${p}` },
    storage: { local: { get: async (k) => (k in store ? { [k]: store[k] } : {}), set: async (o) => Object.assign(store, o) } },
    tabs: { create: async ({ url }) => { opened.push(url); return { id: 1 }; } },
  };
  try {
    const { onInstalled } = await import(path.join(root, 'extension/background/install.js'));
    await onInstalled({ reason });
  } finally {
    delete globalThis.chrome;
  }
  return { opened, store };
}

test('install opens the welcome page; an update opens nothing unless it asks for more, then names what', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'build/extension/manifest.json'), 'utf8'));
  const all = [...manifest.permissions, ...manifest.host_permissions, ...manifest.optional_host_permissions];
  const install = await installWith({ manifestPermissions: manifest, known: undefined, reason: 'install' });
  assert.deepEqual(install.opened, ['chrome-extension://id/welcome/welcome.html']);
  assert.deepEqual(install.store.knownPermissions, all);
  const same = await installWith({ manifestPermissions: manifest, known: all, reason: 'update' });
  assert.deepEqual(same.opened, [], 'an update asking for nothing new opens nothing');
  const older = await installWith({ manifestPermissions: manifest, known: undefined, reason: 'update' });
  assert.deepEqual(older.opened, [], 'from a version that kept no list: nothing to compare, nothing opens');
  assert.deepEqual(older.store.knownPermissions, all, 'but the list is kept from now on');
  const chromeUpdate = await installWith({ manifestPermissions: manifest, known: all, reason: 'chrome_update' });
  assert.deepEqual(chromeUpdate.opened, []);
  const more = await installWith({ manifestPermissions: manifest,
    known: all.filter((p) => p !== 'scripting' && !FACEBOOK_ORIGINS.includes(p)), reason: 'update' });
  assert.equal(more.opened.length, 1);
  const url = new URL(more.opened[0]);
  assert.equal(url.pathname, '/welcome/welcome.html');
  assert.deepEqual(url.searchParams.get('new').split(','), ['scripting', ...FACEBOOK_ORIGINS]);

  // This version's update from one that asked for Facebook's two hosts only: Meta's others are new.
  const metaHosts = FACEBOOK_ORIGINS.filter((o) => !['https://www.facebook.com/*', 'https://m.facebook.com/*'].includes(o));
  assert.equal(metaHosts.length, 5);
  const hosts = await installWith({ manifestPermissions: manifest, known: all.filter((p) => !metaHosts.includes(p)), reason: 'update' });
  assert.deepEqual(new URL(hosts.opened[0]).searchParams.get('new').split(','), metaHosts);

  // That page in the browser: each new permission with its reason (the Facebook hosts: one
  // line; Meta's other hosts: one line).
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}${WELCOME_PAGE}${url.search}`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#update').isVisible(), true);
  const items = await page.locator('#update-permissions li').allTextContents();
  assert.deepEqual(items.map((t) => t.split(':')[0]), ['scripting', 'facebook.com (optional, asked when you link)',
    'auth.meta.com and Accounts Center\'s other addresses (accountscenter.facebook.com, accountscenter.meta.com; optional, asked when you link)']);
  assert.deepEqual(await axe(page), [], 'the update section');
  await page.close();
});
