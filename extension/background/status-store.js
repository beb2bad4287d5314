// The last reading of the status, kept in chrome.storage.local so the popup shows it (with
// its time) even after the worker or the browser restarts: the link (read by the content
// script whenever Accounts Center is open, or by a flow), the sharing switches and
// messaging (read by the ReadStatus flow, or read back by the flow that changed them).
const KEY = 'linkStatus';

/** @typedef {{linked?: boolean, facebookName?: string, instagramUsername?: string, error?: {name: string, detail: string},
 *             readAt: number, url: string, sharing?: object|null, messaging?: object|null}} LinkStatusReading */

/** @returns {Promise<LinkStatusReading|null>} checked, damage dropped (status-check.js) */
export const loadLinkStatus = () => loadCheckedLinkStatus(KEY);
import { loadCheckedLinkStatus } from './status-check.js';

/**
 * A reading of the accounts page: replaces the link part (and any error), keeps the rest.
 * @param {LinkStatusReading} reading
 */
export async function saveLinkStatus(reading) {
  let old = (await loadLinkStatus()) ?? {};
  // A reading for another Instagram account: nothing of the old one's is kept, so the
  // switches read for one account are never shown as another's.
  if (reading.instagramUsername && old.instagramUsername && reading.instagramUsername !== old.instagramUsername) old = {};
  const next = { ...reading };
  if ('sharing' in old && !('sharing' in reading)) next.sharing = old.sharing;
  if ('messaging' in old && !('messaging' in reading)) next.messaging = old.messaging;
  // Unlinked: no switch is on any more (Accounts Center turns them off with the account).
  if (reading.linked === false && old.linked) next.sharing = null;
  return chrome.storage.local.set({ [KEY]: next });
}

/**
 * What a flow that ended with `done` read back, merged into the status. instagramUsername:
 * the account the flow saw on the accounts list, if it passed there; a reading of another
 * account's keeps nothing of the old one's.
 */
export async function mergeStatus(flow, result, params = {}, instagramUsername = '') {
  let old = (await loadLinkStatus()) ?? {};
  if (instagramUsername && old.instagramUsername && old.instagramUsername !== instagramUsername) old = {};
  const next = { ...old, readAt: Date.now(), url: 'flow' };
  if (instagramUsername) next.instagramUsername = instagramUsername;
  delete next.error;
  if (flow === 'readStatus') {
    Object.assign(next, { linked: result.linked, facebookName: result.facebookName ?? '', sharing: result.sharing ?? null,
      messaging: result.messaging ?? null });
  } else if (flow === 'link') {
    Object.assign(next, { linked: true, facebookName: result.facebookName ?? params.facebookAccount ?? '' });
  } else if (flow === 'unlink') {
    Object.assign(next, { linked: false, facebookName: '', sharing: null });
  } else if (flow === 'setSharing') {
    next.sharing = result.sharing ?? null;
  } else if (flow === 'linkMessaging' || flow === 'unlinkMessaging') {
    next.messaging = result.messaging ?? null;
  }
  return chrome.storage.local.set({ [KEY]: next });
}

export const LINK_STATUS_KEY = KEY;
