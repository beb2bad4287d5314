// The extension's background: hosts the Wasm core and answers messages through one
// dispatcher. Listeners are registered synchronously (MV3 wakes the worker for them);
// handlers wait for the core, which starts loading at once.
import { loadCore } from '../core/crosslink.mjs';
import { createDispatcher } from './dispatcher.js';
import { loadLinkStatus, saveLinkStatus } from './status-store.js';
import { shareRoutes } from './share-routes.js';
import { settingsRoutes } from './settings-routes.js';

const coreLoad = loadCore();
coreLoad.catch(() => {});  // reported per message through withCore()
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
  'popup/getStatus': {
    from: ['page'],
    fields: {},
    async handle() {
      return { status: await loadLinkStatus(), refused };
    },
  },
};

const dispatcher = createDispatcher(routes, { onRefused: () => { refused += 1; } });
chrome.runtime.onMessage.addListener(dispatcher.listener);
