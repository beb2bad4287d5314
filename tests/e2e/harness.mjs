// What every browser test needs: the stage on a free port, and Debian's Chromium with
// the built extension, resolving the real host names to the stage and nothing else.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startStage } from '../../web/server.mjs';
import { STAGE_HOSTS } from '../../web/cert.mjs';
import { foreignRequests } from './netlog.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The optional hosts the extension asks for at the Link click (Facebook's, Meta's), as its manifest lists them. */
export const FACEBOOK_ORIGINS = JSON.parse(fs.readFileSync(path.join(root, 'extension/manifest.json'), 'utf8')).optional_host_permissions;
export const extensionDir = path.join(root, 'build/extension');
export { STAGE_HOSTS };  // web/cert.mjs: every host the stage answers for

export { startStage };

/**
 * The browser tiers' fixed facts, so no test depends on the machine's day, time zone or
 * locale: Chromium runs with this time zone and language whatever the machine has, and a
 * test that shows times puts this clock into its pages (launch's `clock`).
 */
export const TEST_TIMEZONE = 'UTC';
export const TEST_LOCALE = 'en-US';
export const FIXED_NOW = Date.UTC(2026, 10, 27, 9, 35);
/** The page the extension opens on install; launch closes it unless `welcome: true`. */
export const WELCOME_PAGE = '/welcome/welcome.html';

/** Chromium's id for an unpacked extension: sha256 of its absolute path, 0-f → a-p. */
export function unpackedExtensionId(dir = extensionDir) {
  const hex = crypto.createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

/**
 * Launches Chromium with the extension (unless extension: false), mapping the stage's
 * hosts to the stage and every other host to nowhere. Every request is logged
 * (NetLog) and checked at close() (see netlog.mjs).
 * grantHosts: origins to pre-grant as optional host permissions, written into the
 * profile before launch, so the release extension stays unchanged.
 * otherExtensions: directories of further unpacked extensions to load beside it (a
 * foreign extension in the hostile-message tests).
 * welcome: keep the welcome page the extension opens on install (closed otherwise).
 * clock: a time (ms) that Date.now() and new Date() return in every page of the context
 * (timers keep running), for tests that show or compare times.
 * timezone / locale: what the browser runs in (TEST_TIMEZONE / TEST_LOCALE unless given;
 * the demo passes null to keep the person's own).
 */
export async function launch(stage, {
  extension = true, grantHosts = [], headless = true, otherExtensions = [], clock = null, welcome = false,
  timezone = TEST_TIMEZONE, locale = TEST_LOCALE,
} = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-profile-'));
  if (extension && grantHosts.length) {
    const id = unpackedExtensionId();
    const prefs = { extensions: { settings: { [id]: { runtime_granted_permissions: { explicit_host: grantHosts } } } } };
    fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'Default/Preferences'), JSON.stringify(prefs));
  }
  const rules = STAGE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${stage.port}`).concat('MAP * ~NOTFOUND').join(', ');
  const args = [
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-quic', '--no-first-run', '--disable-gpu',
    `--log-net-log=${path.join(profile, 'netlog.json')}`,
  ];
  // The time zone and language for every process of the browser, the service worker's
  // included (Playwright's own emulation reaches only the pages it attaches to).
  const env = { ...process.env };
  if (timezone) env.TZ = timezone;
  if (locale) {
    args.push(`--lang=${locale}`);
    // Chromium on Linux takes its UI language from these, not from --lang alone.
    for (const name of ['LC_ALL', 'LC_MESSAGES']) delete env[name];
    env.LANG = `${locale.replace('-', '_')}.UTF-8`;
    env.LANGUAGE = locale.replace('-', '_');
  }
  if (extension) {
    const dirs = [extensionDir, ...otherExtensions].join(',');
    args.push(`--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`);
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless,
    args,
    env,
    viewport: { width: 1280, height: 860 },
    ...(timezone ? { timezoneId: timezone } : {}),
    ...(locale ? { locale } : {}),
  });
  // Set in every page, new ones too. A page still being opened (the welcome page on
  // install) can refuse it for a moment; try again rather than fail the file.
  for (let attempt = 1; clock !== null; attempt += 1) {
    try {
      await context.clock.setFixedTime(clock);
      break;
    } catch (e) {
      if (attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // The welcome page opens on install (background/install.js); tests that are not about it
  // get it closed, wherever it shows up.
  if (extension && !welcome) {
    const closeWelcome = async (p) => {
      try {
        if (!p.url().includes(WELCOME_PAGE)) await p.waitForURL((u) => u.href.includes(WELCOME_PAGE), { timeout: 10000 });
        await p.close();
      } catch { /* another page, or closed already */ }
    };
    context.on('page', closeWelcome);
    for (const p of context.pages()) closeWelcome(p);
  }
  let extensionId = null;
  if (extension) {
    // Ours by its id (other extensions may have workers too).
    const ours = (w) => new URL(w.url()).host === unpackedExtensionId();
    const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    popupUrl: extensionId && `chrome-extension://${extensionId}/popup/popup.html`,
    /** Closes the browser; fails if anything left for a host outside the stage. */
    async close() {
      await context.close();
      const foreign = foreignRequests(path.join(profile, 'netlog.json'), STAGE_HOSTS);
      fs.rmSync(profile, { recursive: true, force: true });
      if (foreign.length) {
        throw new Error(`requests left the stage: ${foreign.map((r) => `${r.url} (from ${r.initiator || 'the browser'})`).join(', ')}`);
      }
    },
  };
}

/** The stage's control endpoint, from Node (never through the browser). */
export async function stageRequest(stage, pathname, body) {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(`${stage.origin}${pathname}`, {
      method: body === undefined ? 'GET' : 'POST',
      rejectUnauthorized: false,
      headers: { 'content-type': 'application/json' },
    }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        const value = JSON.parse(text);
        if (res.statusCode >= 400) reject(new Error(`${pathname}: ${res.statusCode} ${value.error}`));
        else resolve(value);
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export const setState = (stage, patch) => stageRequest(stage, '/__stage/state', patch);
export const getState = (stage) => stageRequest(stage, '/__stage/state');

/**
 * Runs an expression in the extension's content-script world of a page (through the
 * DevTools protocol), so tests can send messages exactly as the content script would.
 */
export async function evalInContentScript(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  if (!world) throw new Error('no content-script world on this page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression, contextId: world.id, awaitPromise: true, returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

/** Polls read() until accept(value) holds; fails with the last value seen. */
export async function until(read, accept, { timeout = 10000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * The stage and a browser with the extension for the tests of one file: started before
 * them, closed after them (the stage even when the browser's close fails: an open server
 * would keep the file's process alive). `use` gets {stage, browser, page} once they are up
 * (page: a fresh tab) and may go on setting up.
 * @param {(env: {stage: any, browser: any, page: any}) => unknown} use
 */
export function useBrowser(use, launchOptions = {}) {
  const env = {};
  before(async () => {
    env.stage = await startStage();
    env.browser = await launch(env.stage, launchOptions);
    env.page = await env.browser.context.newPage();
    await use(env);
  });
  after(async () => {
    try { await env.browser?.close(); } finally { await env.stage?.close(); }
  });
  return env;
}
