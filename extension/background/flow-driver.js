// The flow driver: runs one of the core's flows in a tab, step by step. For every step it
// asks the tab's content script for a snapshot (once the page settled), hands it to the
// core with the flow's state, keeps the next state in chrome.storage.session, and then
// does what the core decided (a click or toggle through the content script, a navigation
// through chrome.tabs). A worker stopped at any point starts again on the next event and
// resumes from storage: an action marked "acting" is asked about before it is ever sent
// again, and the core itself never decides an action twice (docs/PROTOCOL.md).
import { appendLog, loadSettings } from './settings-store.js';
import { mergeStatus } from './status-store.js';
import { tellPanel } from './panel-tell.js';
import { addTaught, loadTaught, newTaughtId, removeTaught } from './taught-store.js';
import { afterDecision, browserName, personClicked, pushTrail, taughtForCore } from './guided-flow.js';
import { fail, failWith } from './dispatcher.js';

const KEY = 'flow';
const SNAPSHOT_KEY = 'flowSnapshot';  // the last page of a flow that stopped or went guided (its problem report)
// The hosts as the manifest grants them: Instagram's always, Facebook's on request. Each
// flow's entry page comes from the core's registry (schema().flows).
const manifest = chrome.runtime.getManifest();
const hostOf = (pattern) => new URL(pattern.replace('*', 'x')).hostname;
export const FACEBOOK_ORIGINS = manifest.optional_host_permissions ?? [];
const READABLE_HOSTS = new Set(manifest.host_permissions.map(hostOf));
const FACEBOOK_HOSTS = new Set(FACEBOOK_ORIGINS.map(hostOf));
const USER_POLL_MS = 500;      // between looks while the person acts
const NO_PAGE_RETRY_MS = 20;   // a page loaded, its content script not yet there: look again soon
const CONTENT_SCRIPT_ID = 'crosslink-facebook';
// What runs in Facebook's pages during a flow: the manifest's list for Accounts Center, less
// the script of Accounts Center's own (one list to keep). As paths in the package: Firefox's
// getManifest() gives them as absolute moz-extension:// URLs, which
// scripting.registerContentScripts refuses ("must be a relative URL").
const packagePath = (file) => new URL(file, chrome.runtime.getURL('/')).pathname.slice(1);
const FACEBOOK_SCRIPTS = manifest.content_scripts.find((c) => c.matches.includes('https://accountscenter.instagram.com/*'))
  .js.map(packagePath).filter((file) => file !== 'content/accountscenter.js');
// Why the page refused to click what the core decided (actuator.js), each an outcome of its own.
const TARGET_REFUSALS = new Set(['target_gone', 'target_hidden', 'target_changed', 'target_field', 'target_disabled', 'target_out_of_view', 'target_covered']);
const HALTED_RETRY_MS = 50;    // the page refused an action for a pause not yet stored: look again

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// A clock the worker and the page share (P7, make bench: a step's parts measured across both).
const now = () => performance.timeOrigin + performance.now();
const STEP_TIMES = 50;  // the last steps' timing kept in the record
const ended = (rec) => !rec || ['done', 'error', 'cancelled'].includes(rec.status);

/**
 * Facebook's pages are read only with the optional permission, and only while a flow runs:
 * the snapshot and actuator scripts are registered for the flow and unregistered after it
 * (and at a worker start that finds no flow), never left on facebook.com for good.
 */
export async function syncFacebookScripts(flowRunning) {
  if (!chrome.scripting) return false;
  // For the hosts granted (a person who granted Facebook's two before Meta's other hosts
  // were asked for keeps those two until the next Link click asks for all).
  const matches = flowRunning ? await grantedFacebookOrigins() : [];
  const [had] = await chrome.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  const same = had && matches.length === had.matches.length && matches.every((m) => had.matches.includes(m));
  if (had && !same) await chrome.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] }).catch(() => {});
  if (matches.length && !same) {
    await chrome.scripting.registerContentScripts([{
      id: CONTENT_SCRIPT_ID, matches, js: FACEBOOK_SCRIPTS,
      runAt: 'document_idle', allFrames: false, persistAcrossSessions: false,
    }]).catch((e) => {
      // Never silent (a refused list once left Firefox without them): the extension's
      // error list names it; flows still inject the scripts on demand while the worker lives.
      console.error(`Crosslink: the Facebook scripts were not registered for ${matches.join(' ')}: ${e?.message ?? e}`);
    });
  }
  return matches.length > 0;
}

/** The host of an unreadable page's snapshot ("" when it has none). */
function hostOfSnapshot(text) {
  try {
    return new URL(JSON.parse(text).url).hostname;
  } catch {
    return '';
  }
}

/** The optional Facebook and Meta origins the person granted (manifest order). */
async function grantedFacebookOrigins() {
  const { origins = [] } = await chrome.permissions.getAll().catch(() => ({}));
  return FACEBOOK_ORIGINS.filter((o) => origins.includes(o));
}

/**
 * The one fact content scripts may read about flows (chrome.storage.local is theirs too):
 * whether one runs. A page says hello to the worker only then, so an ordinary page load
 * of Instagram or Facebook never wakes it.
 */
export const FLOW_RUNNING_KEY = 'flowRunning';
async function markRunning(running) {
  await (running ? chrome.storage.local.set({ [FLOW_RUNNING_KEY]: true }) : chrome.storage.local.remove(FLOW_RUNNING_KEY)).catch(() => {});
}

/**
 * @param {{withCore: () => Promise<any>}} deps
 */
export function createFlowDriver({ withCore }) {
  let running = null;       // this worker's loop, if any
  let chain = Promise.resolve();  // record updates, one at a time
  let rev = 0;              // bumped by cancel/pause so an in-flight step is dropped

  // The record as this worker last read or wrote it, so a step's look under the lock (right
  // before an action is sent) costs no storage read: without that read P7's way back of a
  // step (act sent → target found) took 5-10 ms less (2026-12-03, tests/bench/README.md). This worker is the record's one writer; a write by anyone else
  // (a test, the DevTools) shows as a change that is not the one kept here, and drops it.
  // Each load hands out a copy: an update that changes its record but returns nothing
  // saves nothing, as with a read from storage.
  let kept = null;  // {rec, text} or null: read storage
  const canonical = (value) => JSON.stringify(value ?? null, (_, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
  const keep = (rec) => { kept = { rec: structuredClone(rec), text: canonical(rec) }; };
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && KEY in changes && kept && canonical(changes[KEY].newValue) !== kept.text) kept = null;
  });
  const load = async () => {
    if (kept) return structuredClone(kept.rec);
    const rec = (await chrome.storage.session.get(KEY))[KEY] ?? null;
    keep(rec);
    return rec;
  };
  const save = async (rec) => {
    kept = null;  // a write that fails leaves storage as it was, and the next load reads it
    await chrome.storage.session.set({ [KEY]: rec });
    keep(rec);
  };
  /** Runs fn(record) → record|undefined under the lock and saves what it returns. */
  function update(fn) {
    const next = chain.then(async () => {
      const rec = await load();
      const out = await fn(rec);
      if (out) {
        await save(out);
        tellPanel(out);  // the panel in the flow's page says what the record now says
      }
      return out ?? rec;
    });
    chain = next.catch(() => {});
    return next;
  }

  // The one writer of the activity log (settings-store.js): appends never overlap with
  // the options page's or the share control's, so no entry is lost. It never throws.
  async function log(entry) {
    await appendLog(await withCore(), entry).catch(() => {});
  }

  async function tell(tabId, message) {
    try {
      return await chrome.tabs.sendMessage(tabId, message, { frameId: 0 });
    } catch {
      return null;
    }
  }

  /** Resolves when the tab finished loading (or after ms). */
  function loaded(tabId, ms) {
    return new Promise((resolve) => {
      const done = () => { clearTimeout(timer); chrome.tabs.onUpdated.removeListener(onUpdated); resolve(); };
      const onUpdated = (id, change) => { if (id === tabId && change.status === 'complete') done(); };
      const timer = setTimeout(done, ms);
      chrome.tabs.onUpdated.addListener(onUpdated);
      // It may have finished between the caller's look and the listener.
      chrome.tabs.get(tabId).then((tab) => { if (tab.status === 'complete') done(); }, done);
    });
  }

  /** The tab once a load that starts after this call completed; null after ms. */
  function nextLoad(tabId, ms) {
    return new Promise((resolve) => {
      let started = false;
      const done = (tab) => { clearTimeout(timer); chrome.tabs.onUpdated.removeListener(onUpdated); resolve(tab); };
      const onUpdated = (id, change, tab) => {
        if (id !== tabId) return;
        if (change.status === 'loading') started = true;
        else if (change.status === 'complete' && started) done(tab);
      };
      const timer = setTimeout(() => done(null), ms);
      chrome.tabs.onUpdated.addListener(onUpdated);
    });
  }

  /** Resolves once the tab went quietMs without starting a load, and is complete (at most maxMs). */
  function quiet(tabId, quietMs, maxMs) {
    return new Promise((resolve) => {
      let timer;
      const done = () => { clearTimeout(timer); clearTimeout(cap); chrome.tabs.onUpdated.removeListener(onUpdated); resolve(); };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => chrome.tabs.get(tabId).then((t) => (t.status === 'complete' ? done() : arm()), done), quietMs);
      };
      const onUpdated = (id, change) => { if (id === tabId && change.status) arm(); };
      const cap = setTimeout(done, maxMs);
      chrome.tabs.onUpdated.addListener(onUpdated);
      arm();
    });
  }

  /**
   * Navigates the flow's tab. The page may replace that load with its own: Firefox fails a
   * page's pending fetches when a navigation starts (Chromium lets them finish), and a page
   * that answers a failed fetch with location.assign() takes the tab back where it was,
   * our load cancelled. Back there and not at the target: once the page is quiet, again
   * (at most three loads). A navigation only reads a page; it never changes anything.
   */
  async function navigateTab(tabId, url, send) {
    const from = (await tabOf(tabId))?.url;
    for (let attempt = 0; attempt < 3; attempt++) {
      const landed = nextLoad(tabId, 10000);
      if (!(await send())) return;  // the flow was cancelled or paused meanwhile: no load
      const tab = await landed;
      if (!tab || tab.url === url || tab.url !== from) return;
      await quiet(tabId, 600, 10000);
      const now = await tabOf(tabId);
      if (!now || now.url !== from) return;
    }
  }

  async function tabOf(tabId) {
    try {
      return await chrome.tabs.get(tabId);
    } catch {
      return null;
    }
  }

  // active: false for a quiet read (the popup asked on opening): the tab opens behind, so
  // the popup stays open and says "checking…"; a question for the person still brings it up.
  async function openTab(kind, reuseId, active = true) {
    const url = (await withCore()).schema().flows.find((f) => f.name === kind).entry;
    const old = reuseId != null ? await tabOf(reuseId) : null;
    if (old && old.url && READABLE_HOSTS.has(new URL(old.url).hostname)) {
      await chrome.tabs.update(old.id, { url, active });
      return old.id;
    }
    const tab = await chrome.tabs.create({ url, active });
    return tab.id;
  }

  /**
   * A snapshot of the flow's tab: {text, pageId}. Facebook's pages without the permission
   * give {readable: false}. null when the tab is gone.
   */
  async function snapshotOf(tabId, waitMs, since) {
    const deadline = Date.now() + 20000;
    let injected = false;
    for (;;) {
      const tab = await tabOf(tabId);
      if (!tab) return null;
      if (tab.status === 'complete') {
        const r = await tell(tabId, { type: 'actuator/snapshot', waitMs, since });
        if (r?.snapshot) return { text: r.snapshot, pageId: r.pageId, changes: r.changes, receivedAt: now(), page: r.timing };
        const host = tab.url ? new URL(tab.url).hostname : '';
        if (!READABLE_HOSTS.has(host)) {
          const permitted = FACEBOOK_HOSTS.has(host) && (await chrome.permissions.contains({ origins: [`https://${host}/*`] }).catch(() => false));
          if (permitted && !injected) {
            // Granted after this page loaded: the registered script comes with the next load.
            injected = true;
            await chrome.scripting.executeScript({ target: { tabId }, files: FACEBOOK_SCRIPTS }).catch(() => {});
            continue;
          }
          if (!permitted || Date.now() > deadline) {
            await sleep(waitMs > 0 ? Math.min(waitMs, USER_POLL_MS) : 0);
            return { text: JSON.stringify({ url: tab.url ?? '', readable: false, elements: [] }), pageId: null };
          }
        }
      }
      if (Date.now() > deadline) return { text: JSON.stringify({ url: tab.url ?? '', readable: false, elements: [] }), pageId: null };
      if (tab.status === 'complete') await sleep(NO_PAGE_RETRY_MS);
      else await loaded(tabId, 1000);
    }
  }

  async function finish(rec, decision) {
    rec.status = rec.state?.status ?? 'error';
    if (rec.status === 'running' || rec.status === 'needs_user') rec.status = 'error';
    rec.outcome = rec.state?.outcome ?? (decision.kind === 'error' ? decision.error.name : 'done');
    rec.endedAt = Date.now();
    rec.screen = decision.screen || rec.screen;
    rec.asked = '';
    if (decision.kind === 'done') rec.result = decision.result;
    if (decision.kind === 'error') rec.error = decision.error;
    return rec;
  }

  async function afterEnd(rec) {
    // The reading first: the popup shows the outcome with the status it leads to.
    if (rec.status === 'done' && rec.result) await mergeStatus(rec.result, rec.instagramUsername);
    await tell(rec.tabId, { type: 'actuator/flow', active: false, flowId: rec.id });
    await markRunning(false);
    await syncFacebookScripts(false).catch(() => {});
    // A quiet read's tab, still behind and done with, goes again.
    if (rec.quiet && rec.status === 'done') {
      const tab = await tabOf(rec.tabId);
      if (tab && !tab.active) await chrome.tabs.remove(tab.id).catch(() => {});
    }
    await log({
      type: 'flow_end', outcome: rec.outcome,
      detail: rec.error ? `${rec.error.name}: ${rec.error.detail}`.slice(0, 200) : '',
      data: { flow: rec.flow, clicks: rec.state?.clicks ?? 0, ms: rec.endedAt - rec.startedAt },
    });
  }

  /**
   * Sends an action under the flow's lock after a fresh look at the record: a Cancel or
   * pause that came in during any await before wins, and neither is acknowledged while
   * the action is being sent. Returns {sent, reply}.
   */
  async function sendUnderLock(recId, actingId, myRev, send) {
    let sent = false;
    let reply = null;
    await update(async (cur) => {
      if (!cur || cur.id !== recId || ended(cur) || cur.status === 'paused' || cur.acting?.id !== actingId || rev !== myRev) return undefined;
      sent = true;
      reply = await send();
      return undefined;
    });
    return { sent, reply };
  }

  /** Re-sends an action the worker was stopped in the middle of, only if it never happened. */
  async function settleActing(rec) {
    const { acting } = rec;
    const myRev = rev;
    if (acting.decision.kind === 'navigate') {
      const tab = await tabOf(rec.tabId);
      if (tab && tab.url !== acting.decision.url && acting.pageId && (await tell(rec.tabId, { type: 'actuator/acted', actionId: acting.id }))?.pageId === acting.pageId)
        await sendUnderLock(rec.id, acting.id, myRev, () => chrome.tabs.update(rec.tabId, { url: acting.decision.url }).catch(() => {}));
    } else {
      const r = await tell(rec.tabId, { type: 'actuator/acted', actionId: acting.id });
      // Same page, and its content script never saw this action: it was not done. Do it now.
      if (r && r.pageId === acting.pageId && !r.known) {
        const { reply } = await sendUnderLock(rec.id, acting.id, myRev,
          () => tell(rec.tabId, { type: 'actuator/act', decision: acting.decision, actionId: acting.id, flowId: rec.id }));
        // Refused because a pause or Cancel reached the page first: still not done, and
        // the record says so until Resume (the pause's own update may land a moment later).
        if (reply?.halted) return sleep(HALTED_RETRY_MS);
      }
    }
    await update((cur) => (cur && cur.id === rec.id && cur.acting?.id === acting.id ? { ...cur, acting: null } : undefined));
  }

  async function stepOnce(rec) {
    if (rec.acting) return settleActing(rec);
    const myRev = rev;
    const snap = await snapshotOf(rec.tabId, rec.waitMs ?? 0, rec.seen ?? null);
    const core = await withCore();
    const stored = await loadTaught();
    let act = null;
    let timing = null;  // this step's parts, for a step that acts in the page
    let drop = null;    // a taught wording that led to a wrong screen
    let keepSnapshot = false;
    const rec2 = await update(async (cur) => {
      if (!cur || cur.id !== rec.id || ended(cur) || cur.status === 'paused' || rev !== myRev) return undefined;
      if (!snap) {
        const out = core.cancel(cur.state, Date.now());
        cur.state = out.state ?? cur.state;
        return finishSync(cur, { kind: 'error', screen: cur.screen, error: { name: 'tab_closed', detail: 'the flow\'s tab was closed' } });
      }
      const coreAt = now();
      core.taughtSet(taughtForCore(stored, cur));  // the person's wordings before the shipped ones
      const { decision, state } = core.step(cur.state, snap.text, Date.now());
      // A page the extension may not read: the popup and the panel name its host (a small snapshot).
      if (decision.kind === 'error' && decision.error?.name === 'unreadable_page') decision.error.host = hostOfSnapshot(snap.text);
      drop = afterDecision(cur, decision, stored);
      keepSnapshot = decision.kind === 'error' || (decision.kind === 'ask_user' && decision.reason === 'guided');
      timing = snap.page && { ...snap.page, receivedAt: snap.receivedAt, coreMs: now() - coreAt };
      // The Instagram account the flow works on, read off the accounts list as it passes.
      if (decision.screen === 'accounts_center_accounts') {
        const account = core.readLinkStatus(snap.text);
        if (account.kind === 'done' && account.result.instagramUsername) cur.instagramUsername = account.result.instagramUsername;
      }
      if (!state) return finish(cur, decision);
      cur.state = state;
      cur.screen = decision.screen || cur.screen;
      cur.waitMs = 0;
      cur.seen = snap.pageId ? { pageId: snap.pageId, changes: snap.changes } : null;
      cur.steps = (cur.steps ?? 0) + 1;
      cur.status = state.status === 'needs_user' ? 'needs_user' : 'running';
      switch (decision.kind) {
        case 'click': case 'toggle': case 'navigate':
          cur.actionSeq = (cur.actionSeq ?? 0) + 1;
          cur.acting = { id: `${cur.id}:${cur.actionSeq}`, decision, pageId: snap.pageId };
          cur.actions = (cur.actions ?? 0) + 1;
          cur.asked = '';
          delete cur.choices;
          act = cur.acting;
          return cur;
        case 'wait':
          cur.waitMs = decision.ms;
          cur.asked = '';
          delete cur.choices;
          return cur;
        case 'ask_user':
          if (cur.asked !== decision.reason) act = { ask: decision.reason };
          cur.asked = decision.reason;
          // A consent ask (issue 17): the names the person picks from, in the popup or the panel.
          cur.choices = decision.choices ?? [];
          cur.status = 'needs_user';
          cur.waitMs = USER_POLL_MS;
          return cur;
        default:
          return finish(cur, decision);
      }
    });
    if (keepSnapshot && snap) await chrome.storage.session.set({ [SNAPSHOT_KEY]: snap.text }).catch(() => {});
    if (drop) {
      await removeTaught(drop.id);
      await log({ type: 'wording_dropped', detail: `${drop.locator}: ${drop.landed || 'unknown_screen'}: ${drop.leadsTo}` });  // taught for, led to, meant to lead to (names only: the log keeps no other words)
    }
    if (!rec2 || rec2.id !== rec.id) return;
    if (ended(rec2)) return afterEnd(rec2);
    if (act?.ask) {
      // The person must act in the tab: bring it to the front.
      const tab = await tabOf(rec2.tabId);
      if (tab) {
        await chrome.tabs.update(tab.id, { active: true }).catch(() => {});
        await chrome.windows.update(tab.windowId, { focused: true }).catch(() => {});
      }
      await log({ type: 'flow_ask_user', detail: `${rec2.flow}: ${act.ask}` });
      return;
    }
    if (!act) return;
    const { decision } = act;
    let sent = false;
    let r = null;
    if (decision.kind === 'navigate') {
      // Each load (navigateTab may send it again) under the lock, after a fresh look.
      await navigateTab(rec2.tabId, decision.url, async () => {
        const once = await sendUnderLock(rec2.id, act.id, myRev, () => chrome.tabs.update(rec2.tabId, { url: decision.url }).catch(() => {}));
        sent ||= once.sent;
        return once.sent;
      });
    } else {
      // The person's pacing (options: "Pause between automated clicks"): at least that long
      // since the flow's previous click, the page's own response time included.
      const { clickPacingMs } = await loadSettings(core);
      const rest = (rec2.lastClickAt ?? 0) + clickPacingMs - Date.now();
      if (rest > 0) await sleep(rest);
      const sentAt = now();
      ({ sent, reply: r } = await sendUnderLock(rec2.id, act.id, myRev,
        () => tell(rec2.tabId, { type: 'actuator/act', decision, actionId: act.id, flowId: rec2.id })));
      // P7: page settled → snapshot taken → in the worker → decided; sent → target found in the page.
      if (timing && r?.foundAt) {
        timing = { ...timing, sentAt, foundAt: r.foundAt, checkMs: r.checkMs };
        timing.stepMs = (timing.receivedAt - timing.settledAt) + timing.coreMs + (timing.foundAt - sentAt);
      } else timing = null;
    }
    // Not sent, or refused by the page because a pause or Cancel reached it first: not
    // done, nothing to end here (a paused flow sends it after Resume, through settleActing).
    if (!sent) return;
    if (r?.halted) return sleep(HALTED_RETRY_MS);
    if (decision.kind !== 'navigate' && r && !r.done) {
      await update((cur) => {
        if (!cur || cur.id !== rec2.id || ended(cur)) return undefined;
        const out = core.cancel(cur.state, Date.now());
        cur.state = out.state ?? cur.state;
        cur.acting = null;
        // The page's named refusal (actuator.js: covered, gone, hidden, a field, busy, out of view), each said in words.
        const name = TARGET_REFUSALS.has(r.refusal) ? r.refusal : 'target_changed';
        return finishSync(cur, { kind: 'error', screen: decision.screen, error: { name, detail: r.error } });
      }).then((cur) => cur && ended(cur) && afterEnd(cur));
      return;
    }
    const lastClickAt = decision.kind === 'navigate' ? rec2.lastClickAt : Date.now();
    await update((cur) => (cur && cur.id === rec2.id && cur.acting?.id === act.id
      ? { ...cur, acting: null, lastClickAt, stepTimes: timing ? [...(cur.stepTimes ?? []), timing].slice(-STEP_TIMES) : cur.stepTimes }
      : undefined));
  }

  function finishSync(rec, decision) {
    pushTrail(rec, { screen: decision.screen || 'unknown', kind: 'error', error: decision.error.name });
    rec.status = 'error';
    rec.outcome = decision.error.name;
    rec.error = decision.error;
    rec.endedAt = Date.now();
    rec.asked = '';
    return rec;
  }

  async function loop() {
    for (;;) {
      const rec = await load();
      if (ended(rec) || rec.status === 'paused') return;
      try {
        await stepOnce(rec);
      } catch (e) {
        await update(async (cur) => {
          if (!cur || cur.id !== rec.id || ended(cur)) return undefined;
          return finishSync(cur, { kind: 'error', screen: cur.screen, error: { name: 'internal', detail: String(e?.message ?? e) } });
        }).then((cur) => cur && ended(cur) && afterEnd(cur));
      }
    }
  }

  /** Starts this worker's loop for a stored running flow (after a start, a wake, a restart). */
  function kick() {
    if (!running) running = loop().finally(() => { running = null; });
    return running;
  }

  async function start(kind, params = {}, { reuseTab, quiet = false } = {}) {
    const core = await withCore();
    const existing = await load();
    if (!ended(existing)) throw fail('flow_running', `a ${existing.flow} flow is already running`);
    const out = core.startFlow(kind, params, Date.now());
    if (!out.ok) throw failWith(out.error);
    await markRunning(true);
    await chrome.storage.session.remove(SNAPSHOT_KEY).catch(() => {});
    await syncFacebookScripts(true).catch(() => {});
    const tabId = await openTab(kind, reuseTab ?? existing?.tabId, !quiet);
    const rec = {
      id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      flow: kind, params, state: out.state, tabId, status: 'running', screen: '', steps: 0, actions: 0,
      actionSeq: 0, acting: null, asked: '', startedAt: Date.now(), waitMs: 0, ...(quiet ? { quiet: true } : {}),
    };
    rev += 1;
    await update(() => rec);
    await log({ type: 'flow_start', detail: kind });
    kick();
    return rec;
  }

  /** The flow's page stops acting for this flow at once (an action in its outline pause is dropped). */
  async function halt(status) {
    const rec = await load();
    if (!ended(rec)) await tell(rec.tabId, { type: 'actuator/flow', active: false, flowId: rec.id, status });
  }

  async function cancel() {
    rev += 1;
    await halt('cancelled');
    const core = await withCore();
    const rec = await update((cur) => {
      if (ended(cur)) return undefined;
      const out = core.cancel(cur.state, Date.now());
      cur.state = out.state ?? cur.state;
      cur.acting = null;
      return finish(cur, out.decision);
    });
    if (rec && rec.status === 'cancelled') await afterEnd(rec);
    return rec;
  }

  /** The person clicked in the page while the flow ran: stop acting until they say so. */
  async function pause(tabId) {
    rev += 1;
    const stored = await load();
    if (stored?.tabId === tabId && stored.status === 'running') await halt('paused');
    const rec = await update((cur) => {
      if (ended(cur) || cur.status !== 'running' || cur.tabId !== tabId) return undefined;
      return { ...cur, status: 'paused', pausedAt: Date.now() };
    });
    if (rec?.status !== 'paused') return null;
    await log({ type: 'flow_paused', detail: `${rec.flow}: you clicked in the page` });
    return rec;
  }

  /**
   * The person's answer to a consent ask (confirm_account, confirm_unlink, choose_unlink):
   * one of the names offered, "" for a confirm_account whose name only the page shows. The
   * core checks it was offered (bad_answer otherwise); the flow goes on at once.
   */
  async function answer(choice, flowId = null) {
    const core = await withCore();
    let refusal = null;
    const rec = await update((cur) => {
      if (ended(cur) || cur.status !== 'needs_user' || (flowId && cur.id !== flowId)) {
        refusal = fail('bad_answer', 'no flow waits for an answer');
        return undefined;
      }
      const out = core.answer(cur.state, choice, Date.now());
      if (!out.ok) {
        refusal = failWith(out.error);
        return undefined;
      }
      const next = { ...cur, state: out.state, status: 'running', asked: '', waitMs: 0 };
      delete next.choices;
      return next;
    });
    if (refusal) throw refusal;
    await log({ type: 'flow_answer', detail: `${rec.flow}: ${choice ? 'confirmed the name offered' : 'confirmed the account on the page'}` });
    kick();
    return rec;
  }

  async function resume() {
    const rec = await update((cur) => (cur && cur.status === 'paused' ? { ...cur, status: 'running', waitMs: 0 } : undefined));
    if (rec?.status === 'running') await tell(rec.tabId, { type: 'actuator/flow', active: true, flowId: rec.id });
    kick();
    return rec;
  }

  /** Called at every worker start and wake: goes on with a stored running flow. */
  async function resumeStored() {
    const rec = await load();
    if (!ended(rec) && rec.status !== 'paused') kick();
    return rec;
  }

  /** At a worker start and when the permission changes: Facebook's scripts and the mark as the flow needs them. */
  async function syncScripts() {
    const running = !ended(await load());
    await markRunning(running);
    return syncFacebookScripts(running);
  }

  /** The person clicked an element in the flow's page during a guided step (panel.js). */
  async function guidedClick(tabId, flowId, clicked, host) {
    const rec = await update((cur) => {
      if (!cur || cur.id !== flowId || cur.tabId !== tabId || ended(cur)) return undefined;
      return personClicked(cur, clicked, host) ? cur : undefined;
    });
    kick();
    return rec;
  }

  /** "Remember this button for next time?": yes keeps it (taught-store.js), no forgets it. */
  async function answerOffer(tabId, flowId, remember) {
    let offer = null;
    await update((cur) => {
      if (!cur || cur.id !== flowId || cur.tabId !== tabId || !cur.offer) return undefined;
      offer = cur.offer;
      return { ...cur, offer: null, offerAnswer: remember ? 'kept' : 'declined' };
    });
    if (!offer) return { kept: false };
    if (!remember) return { kept: false };
    const wording = { id: newTaughtId(), ...offer, learnedAt: Date.now() };
    await addTaught(wording);
    await log({ type: 'wording_learned', detail: `${wording.locator}: ${wording.locale || 'any'}: ${wording.screen}`, data: { flow: wording.flow } });
    return { kept: true, id: wording.id };
  }

  /** The problem report of the flow that stopped or went guided (core/report.h): {text, report}. */
  async function report() {
    const rec = await load();
    if (!rec) throw fail('no_flow', 'no flow to report on');
    const core = await withCore();
    const snapshot = (await chrome.storage.session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] ?? null;
    const outcome = rec.guide ? 'guided' : rec.outcome ?? rec.status;
    const out = core.problemReport({ extension: manifest.version, browser: browserName(), flow: rec.flow, outcome, trail: rec.trail ?? [] }, snapshot);
    if (!out.ok) throw failWith(out.error);
    return { text: out.text, report: out.report };
  }

  return { start, cancel, pause, resume, answer, resumeStored, syncScripts, load, kick, guidedClick, answerOffer, report };
}
