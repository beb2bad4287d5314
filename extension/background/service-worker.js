// The extension's background: hosts the Wasm core and answers messages through one
// dispatcher. Listeners are registered synchronously (MV3 wakes the worker for them);
// handlers wait for the core, which starts loading at once.
import { loadCore } from '../core/crosslink.mjs';
import { createDispatcher } from './dispatcher.js';
import { loadLinkStatus, saveLinkStatus } from './status-store.js';
import { shareRoutes } from './share-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { createFlowDriver, registerFacebookScripts, unregisterFacebookScripts } from './flow-driver.js';

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

const routes = {
  ...shareRoutes({ withCore }),
  ...settingsRoutes({ withCore }),
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
    fields: { flow: 'string', params: 'object?' },
    async handle({ flow, params = {} }) {
      if (!(await withCore()).schema().flows.some((f) => f.name === flow)) throw Object.assign(new Error(`no flow "${flow.slice(0, 40)}"`), { code: 'bad_flow' });
      return { flow: flowView(await driver.start(flow, params)) };
    },
  },
  'popup/cancelFlow': {
    from: ['page'],
    fields: {},
    async handle() {
      return { flow: flowView(await driver.cancel()) };
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
      const rec = await driver.resumeStored();
      return { flowHere: Boolean(rec && rec.tabId === sender.tab.id && !['done', 'error', 'cancelled'].includes(rec.status)) };
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
  'popup/getStatus': {
    from: ['page'],
    fields: {},
    async handle() {
      return { status: await loadLinkStatus(), refused };
    },
  },
};

const dispatcher = createDispatcher(routes, { onRefused: () => { refused += 1; } });
// Other extensions can message any extension that does not say otherwise: answer them
// too, so every one is refused by name (foreign_sender) and counted, never acted on.
chrome.runtime.onMessageExternal.addListener(dispatcher.listener);
chrome.runtime.onMessage.addListener(dispatcher.listener);

// Facebook's pages are read only once the person granted the optional permission.
chrome.permissions.onAdded.addListener(() => { registerFacebookScripts().catch(() => {}); });
chrome.permissions.onRemoved.addListener(() => { unregisterFacebookScripts().catch(() => {}); });
registerFacebookScripts().catch(() => {});
// A worker started again (stopped mid-flow, or woken by any event) goes on with the flow.
// Each start is counted in the session (the popup's log and the restart tests read it).
chrome.storage.session.get('workerStarts').then(({ workerStarts = 0 }) => chrome.storage.session.set({ workerStarts: workerStarts + 1 }))
  .catch(() => {});
driver.resumeStored().catch(() => {});
