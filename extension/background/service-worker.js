// The extension's background: hosts the Wasm core and answers messages through one
// dispatcher. Listeners are registered synchronously (MV3 wakes the worker for them);
// handlers wait for the core, which starts loading at once.
import { loadCore } from '../core/crosslink.mjs';
import { createDispatcher, fail } from './dispatcher.js';
import { LINK_STATUS_KEY, loadStatusView, saveLinkStatus } from './status-store.js';
import { accountRoutes } from './account-routes.js';
import { ACCOUNTS_KEY, ACCOUNT_KEY, statusView } from './status-check.js';
import { shareRoutes } from './share-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { createFlowDriver } from './flow-driver.js';
import { registerInstall } from './install.js';
import { updateToolbarIcon } from './toolbar-icon.js';
import { tellPanel } from './panel-tell.js';
import { guidedRoutes } from './guided-routes.js';
import { appendLog } from './settings-store.js';

const coreLoad = loadCore();
coreLoad.catch(() => {});  // reported per message through withCore()
// P2 (make bench): ms from this worker's own timeOrigin to its modules loaded (about: the
// core's load has just started) and to the core ready.
const timing = (globalThis.crosslinkTiming = { scriptMs: performance.now(), coreReadyMs: null });
coreLoad.then(() => { timing.coreReadyMs = performance.now(); }, () => {});
let refused = 0;

async function withCore() {
  try {
    return await coreLoad;
  } catch (e) {
    throw Object.assign(new Error(String(e?.message ?? e)), { code: 'core_unavailable' });
  }
}

const driver = createFlowDriver({ withCore });
const flowView = (rec) => rec && { id: rec.id, flow: rec.flow, status: rec.status, outcome: rec.outcome ?? null };

/** Throws unless the flow with this id runs in the sender's tab. */
async function flowTabOnly(flowId, sender) {
  const rec = await driver.load();
  if (!rec || rec.id !== flowId || rec.tabId !== sender.tab?.id || ['done', 'error', 'cancelled'].includes(rec.status))
    throw fail('not_flow_tab', 'no flow of this tab');
}

/** A message of the panel about the running flow of its own tab: act, then the flow's view. */
const panelRoute = (fields, act) => ({
  from: ['content', 'facebook'],
  fields: { flowId: 'string', ...fields },
  async handle(message, sender) {
    await flowTabOnly(message.flowId, sender);
    return { flow: flowView(await act(message)) };
  },
});

const routes = {
  ...shareRoutes({ withCore }),
  ...settingsRoutes({ withCore }),
  ...accountRoutes({ withCore }),
  // Guided steps, taught wordings, the problem report (issue 16).
  ...guidedRoutes({ driver, log: async (entry) => appendLog(await withCore(), entry).catch(() => {}) }),
  // A page snapshot from Accounts Center: read the link status from it and keep it.
  'content/snapshot': {
    from: ['content'],
    fields: { snapshot: 'string' },
    async handle({ snapshot }, sender) {
      const decision = (await withCore()).readLinkStatus(snapshot);
      if (decision.kind === 'error' && decision.error.name === 'wrong_screen') return { decision };
      const reading = { readAt: Date.now(), url: sender.url };
      if (decision.kind === 'done') Object.assign(reading, decision.result);
      else reading.error = decision.error;
      await saveLinkStatus(reading);
      return { decision };
    },
  },
  // Flows (flow-driver.js): one at a time, started from the popup.
  'popup/startFlow': {
    from: ['page'],
    // quiet: the popup's own read of a stale status (readStatus only), in a tab behind.
    fields: { flow: 'string', params: 'object?', quiet: 'boolean?' },
    async handle({ flow, params = {}, quiet = false }) {
      if (!(await withCore()).schema().flows.some((f) => f.name === flow)) throw Object.assign(new Error(`no flow "${flow.slice(0, 40)}"`), { code: 'bad_flow' });
      return { flow: flowView(await driver.start(flow, params, { quiet: quiet && flow === 'readStatus' })) };
    },
  },
  'popup/cancelFlow': {
    from: ['page'],
    fields: {},
    async handle() {
      return { flow: flowView(await driver.cancel()) };
    },
  },
  // The person's one click on a consent ask (issue 17): the name offered, or "" for the account on the page.
  'popup/answerFlow': {
    from: ['page'],
    fields: { choice: 'string' },
    async handle({ choice }) {
      return { flow: flowView(await driver.answer(choice)) };
    },
  },
  'popup/resumeFlow': {
    from: ['page'],
    fields: {},
    async handle() {
      return { flow: flowView(await driver.resume()) };
    },
  },
  // A content script of a flow's tab (a fresh page, or one that heard nothing for a while):
  // waking the worker is the point; it goes on with a stored flow.
  'content/wake': {
    from: ['content', 'facebook'],
    fields: {},
    async handle(_message, sender) {
      // Only the flow's own tab may make the worker go on; any other is told so, nothing more.
      const rec = await driver.load();
      const flowHere = Boolean(rec && rec.tabId === sender.tab.id && !['done', 'error', 'cancelled'].includes(rec.status));
      if (flowHere) await driver.resumeStored();
      // A fresh page of the flow's tab shows the panel at once (a paused flow says nothing more).
      if (flowHere) tellPanel(rec, { force: true });
      return { flowHere };
    },
  },
  // The person clicked in the flow's page: the flow pauses (the popup offers Resume / Cancel).
  'content/userAction': {
    from: ['content'],
    fields: {},
    async handle(_message, sender) {
      return { flow: flowView(await driver.pause(sender.tab.id)) };
    },
  },
  // The panel in the flow's page (content/panel.js): Cancel, an answer and Resume, from
  // that very tab and for that very flow only; any other page is refused by name.
  'content/cancelFlow': panelRoute({}, () => driver.cancel()),
  'content/answerFlow': panelRoute({ choice: 'string' }, ({ choice, flowId }) => driver.answer(choice, flowId)),
  'content/resumeFlow': panelRoute({}, () => driver.resume()),
  'popup/getStatus': {
    from: ['page'],
    fields: {},
    async handle() {
      // The reading for the Instagram account logged in, which it is, and whose the last one was.
      return { ...(await loadStatusView()), refused };
    },
  },
};

// The welcome page on install, and on an update that asks for more (install.js).
registerInstall();
// The toolbar icon shows the status (toolbar-icon.js): at start, and whenever it changes.
// It only looks (statusView checks what it reads): repairing storage is for whoever loads the status.
// The reading shown is the one for the Instagram account logged in (statusView): another
// account's is not this one's.
const STATUS_KEYS = [LINK_STATUS_KEY, ACCOUNTS_KEY, ACCOUNT_KEY];
const showIcon = async () => {
  const items = await chrome.storage.local.get(STATUS_KEYS);
  const { flow } = await chrome.storage.session.get('flow');
  await updateToolbarIcon(statusView(items).status, flow ?? null);
};
chrome.storage.onChanged.addListener((changes, area) => {
  if ((area === 'local' && STATUS_KEYS.some((k) => k in changes)) || (area === 'session' && 'flow' in changes)) showIcon().catch(() => {});
});
showIcon().catch(() => {});

const dispatcher = createDispatcher(routes, { onRefused: () => { refused += 1; } });
// Other extensions can message any extension that does not say otherwise: answer them
// too, so every one is refused by name (foreign_sender) and counted, never acted on.
chrome.runtime.onMessageExternal.addListener(dispatcher.listener);
chrome.runtime.onMessage.addListener(dispatcher.listener);

// Facebook's pages are read only with the optional permission, and only during a flow.
chrome.permissions.onAdded.addListener(() => { driver.syncScripts().catch(() => {}); });
chrome.permissions.onRemoved.addListener(() => { driver.syncScripts().catch(() => {}); });
driver.syncScripts().catch(() => {});
// A worker started again (stopped mid-flow, or woken by any event) goes on with the flow.
// Each start is counted in the session (the popup's log and the restart tests read it).
chrome.storage.session.get('workerStarts').then(({ workerStarts = 0 }) => chrome.storage.session.set({ workerStarts: workerStarts + 1 }))
  .catch(() => {});
driver.resumeStored().catch(() => {});
