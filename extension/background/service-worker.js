// The extension's background: hosts the Wasm core and answers messages through one
// dispatcher. Listeners are registered synchronously (MV3 wakes the worker for them);
// handlers wait for the core, which starts loading at once.
import { loadCore } from '../core/crosslink.mjs';
import { createDispatcher } from './dispatcher.js';
import { loadLinkStatus, saveLinkStatus } from './status-store.js';
import { shareRoutes } from './share-routes.js';

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

const routes = {
  ...shareRoutes({ withCore }),
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
