// What every Firefox test needs: the stage on a free port, a local proxy that tunnels
// only the stage's hosts to it (Firefox has no --host-resolver-rules), and Debian's
// Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core, with the built
// Firefox package (build/extension-firefox/, unchanged) installed as a temporary add-on.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startStage } from '../../web/server.mjs';
import { STAGE_HOSTS } from '../../web/cert.mjs';
import { startProxy } from './proxy.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const firefoxDir = path.join(root, 'build/extension-firefox');
export const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
export { STAGE_HOSTS };  // web/cert.mjs: every host the stage answers for
/** The package's gecko id (scripts/build-extension.mjs); launchFirefox checks the built manifest says so. */
export const GECKO_ID = 'crosslink@extension.crosslink';
/** Fixed by a pref, so the pages' moz-extension:// URLs are known before launch. */
export const UUID = 'c7a51f2e-0b3d-4e6f-9a18-5d2c4b7e9f01';
export const EXT_ORIGIN = `moz-extension://${UUID}`;
export const POPUP_URL = `${EXT_ORIGIN}/popup/popup.html`;
export const OPTIONS_URL = `${EXT_ORIGIN}/options/options.html`;

export { startStage };

/** Prefs that keep Firefox's own traffic at home, so the proxy's refusal list is exact. */
const QUIET_PREFS = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.checkInstallTime': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.search.update': false,
  'browser.search.geoip.url': '',
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'browser.discovery.enabled': false,
  'browser.contentblocking.report.monitor.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'network.trr.mode': 5,
  'doh-rollout.disable-heuristics': true,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.archive.enabled': false,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'services.sync.enabled': false,
  'identity.fxaccounts.enabled': false,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'geo.enabled': false,
  'geo.provider.network.url': '',
  'browser.urlbar.suggest.quicksuggest.sponsored': false,
  'browser.urlbar.quicksuggest.enabled': false,
};

/**
 * Launches Firefox ESR with the extension. grant: the optional Facebook permission is
 * granted at the click (no prompt) — without it, a permissions.request() is refused
 * by the harness's `refusePermission` (see popup tests).
 * @returns {Promise<{browser, extensionId, proxy, close: () => Promise<void>, foreign: () => string[]}>}
 */
export async function launchFirefox(stage, { grant = true, extension = true } = {}) {
  if (extension) {
    const built = JSON.parse(fs.readFileSync(path.join(firefoxDir, 'manifest.json'), 'utf8'));
    if (built.browser_specific_settings?.gecko?.id !== GECKO_ID) throw new Error(`the built package's gecko id is not ${GECKO_ID}`);
  }
  const proxy = await startProxy(stage, STAGE_HOSTS);
  const prefs = {
    ...QUIET_PREFS,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxy.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxy.port,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks_remote_dns': true,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    // The optional host permission: granted at the click without a prompt (a headless
    // prompt is never answered).
    'extensions.webextOptionalPermissionPrompts': !grant,
    // A fixed language and no dependence on the machine's.
    'intl.locale.requested': 'en-US',
    'intl.accept_languages': 'en-US',
    'intl.regional_prefs.use_os_locales': false,
    'javascript.use_us_english_locale': true,
  };
  const env = {
    ...process.env,
    TZ: 'UTC',
    LANG: 'en_US.UTF-8',
    LC_ALL: 'C.UTF-8',
    LANGUAGE: 'en_US',
    // Remote settings ignore services.settings.server on a release build unless this is set.
    MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
  };
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      enableExtensions: extension,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefs,
      env,
      defaultViewport: { width: 1280, height: 860 },
    });
  } catch (e) {
    await proxy.close();
    throw e;
  }
  let extensionId = null;
  if (extension) extensionId = await browser.installExtension(firefoxDir);
  return {
    browser,
    extensionId,
    proxy,
    /** Every request the proxy refused so far (a host outside the stage, or plain HTTP). */
    foreign: () => [...proxy.refused],
    /** Closes the browser and the proxy; fails if anything tried to leave the stage. */
    async close() {
      try { await browser.close(); } finally { await proxy.close(); }
      if (proxy.refused.length) throw new Error(`requests left the stage: ${proxy.refused.join(', ')}`);
    },
  };
}

/**
 * Opens an extension page (popup or options) in a new tab and waits for its own
 * ready marker. The navigation is not awaited: with --remote-allow-system-access
 * Firefox loads moz-extension: pages but may never report the navigation done.
 */
export async function openExtensionPage(browser, url, ready) {
  const page = await browser.newPage();
  page.goto(url).catch(() => {});
  // Polled here rather than by waitForFunction: while the tab turns from about:blank into
  // the extension page, Firefox's BiDi can fail an evaluation with an internal error
  // ("right-hand side of 'in' should be an object, got null", once in a clean CI run),
  // which waitForFunction does not retry.
  const end = Date.now() + 15000;
  for (;;) {
    const ok = await page.evaluate(ready).catch(() => false);
    if (ok) return page;
    if (Date.now() > end) {
      await page.close().catch(() => {});
      throw new Error(`${url} did not get ready in 15 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The stage's control endpoint and the poller are the Chromium tier's own (one copy).
export { getState, setState, stageRequest, until } from '../e2e/harness.mjs';

/** Runs an expression in the browser's parent process (a chrome-scope browsing context;
 *  needs --remote-allow-system-access). For what no web API reaches: the background page. */
export async function evalInParent(browser, expression) {
  const c = browser.connection;
  const tree = await c.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0].context;
  const { result } = await c.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'exception in the parent process');
  return result.result?.value;
}

/**
 * Stops the extension's background page as Firefox does when it is idle (the same call
 * as about:debugging's "Terminate background script"), forced even with listeners
 * pending. Resolves with the background's state after it ("stopped" when it worked).
 */
export function terminateBackground(browser, id = GECKO_ID) {
  return evalInParent(browser, `(async () => {
    const ext = WebExtensionPolicy.getByID(${JSON.stringify(id)})?.extension;
    if (!ext) return 'no extension';
    if (ext.backgroundState !== 'running') return String(ext.backgroundState);
    await ext.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
    return String(ext.backgroundState);
  })()`);
}

const PROMPT_ID = 'addon-webext-permissions';
/** The extension permission prompts Firefox shows now, on any tab. */
export const permissionPrompts = (browser) => evalInParent(browser, `(() => {
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const out = [];
  for (const b of win.gBrowser.browsers)
    for (const n of win.PopupNotifications.getNotificationsForBrowser(b)) if (n.id === ${JSON.stringify(PROMPT_ID)}) out.push(b.currentURI.spec);
  return JSON.stringify(out);
})()`).then(JSON.parse);

/** Answers Firefox's permission prompt as a person would: its main button ("Allow") or its secondary ("Don't allow"). */
export const answerPermissionPrompt = (browser, allow) => evalInParent(browser, `(() => {
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  for (const b of win.gBrowser.browsers)
    for (const n of win.PopupNotifications.getNotificationsForBrowser(b)) {
      if (n.id !== ${JSON.stringify(PROMPT_ID)}) continue;
      const action = ${allow ? 'n.mainAction' : 'n.secondaryActions[0]'};
      action.callback({ source: 'button' });
      n.remove();
      return action.label;
    }
  return null;
})()`);

/** Opens the extension's toolbar popup (the real action panel, not a tab), as a click on its button would. */
export const openToolbarPopup = (browser, id = GECKO_ID) => evalInParent(browser, `(async () => {
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const ext = WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension;
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  win.focus();
  await ExtensionParent.apiManager.global.browserActionFor(ext).openPopup(win, true);
  return true;
})()`);

/**
 * Runs fn(popupWindow, arg) in the open toolbar popup, from one of the extension's pages in
 * a tab (`page`): extension.getViews() hands it the panel's window, same process.
 */
export const inToolbarPopup = (page, fn, arg) => page.evaluate(([src, a]) => {
  const [view] = chrome.extension.getViews({ type: 'popup' });
  // eslint-disable-next-line no-new-func
  return view ? new Function('w', 'a', `return (${src})(w, a);`)(view, a) : null;
}, [fn.toString(), arg]);

/** A real mouse click (mousedown, mouseup from the parent process: user input) on an element of the toolbar popup. */
export async function clickInToolbarPopup(browser, page, selector, id = GECKO_ID) {
  const at = await inToolbarPopup(page, (w, sel) => {
    const r = w.document.querySelector(sel).getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  }, selector);
  if (!at) throw new Error('no toolbar popup open');
  return evalInParent(browser, `(() => {
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
    const popup = ViewPopup.for(WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension, win);
    if (!popup) return false;
    const b = popup.browser.getBoundingClientRect();
    const [x, y] = [b.x + ${at[0]}, b.y + ${at[1]}];
    for (const type of ['mousedown', 'mouseup']) {
      // window.synthesizeMouseEvent in recent Firefox (153 here); windowUtils.sendMouseEvent before it.
      if (typeof win.synthesizeMouseEvent === 'function')
        win.synthesizeMouseEvent(type, x, y, { button: 0, clickCount: 1, buttons: type === 'mousedown' ? 1 : 0 }, { isDOMEventSynthesized: false });
      else win.windowUtils.sendMouseEvent(type, x, y, 0, 1, 0);
    }
    return true;
  })()`);
}

/** Closes the toolbar popup if it is open. */
export const closeToolbarPopup = (browser, id = GECKO_ID) => evalInParent(browser, `(() => {
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
  const popup = ViewPopup.for(WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension, win);
  if (popup) popup.closePopup();
  return Boolean(popup);
})()`);
