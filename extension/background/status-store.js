// The last reading of the link status, kept in chrome.storage.local so the popup shows
// it (with its time) even after the worker or the browser restarts.
const KEY = 'linkStatus';

/** @typedef {{linked?: boolean, facebookName?: string, error?: {name: string, detail: string},
 *             readAt: number, url: string}} LinkStatusReading */

/** @param {LinkStatusReading} reading */
export const saveLinkStatus = (reading) => chrome.storage.local.set({ [KEY]: reading });

/** @returns {Promise<LinkStatusReading|null>} checked, damage dropped (status-check.js) */
export const loadLinkStatus = () => loadCheckedLinkStatus(KEY);
import { loadCheckedLinkStatus } from './status-check.js';

export const LINK_STATUS_KEY = KEY;
