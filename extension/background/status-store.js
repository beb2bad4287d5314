// The last reading of the status, kept in chrome.storage.local so the popup shows it (with
// its time) even after the worker or the browser restarts: the link (read by the content
// script whenever Accounts Center is open, or by a flow), the sharing switches and
// messaging (read by the ReadStatus flow, or read back by the flow that changed them).
const KEY = 'linkStatus';

/** @typedef {{linked?: boolean, facebookName?: string, instagramUsername?: string, error?: {name: string, detail: string},
 *             readAt: number, url: string, sharing?: object|null, messaging?: object|null}} LinkStatusReading */

/** @returns {Promise<LinkStatusReading|null>} checked, damage dropped (status-check.js) */
export const loadLinkStatus = () => loadCheckedLinkStatus(KEY);
import { ACCOUNTS_KEY, ACCOUNT_KEY, MAX_ACCOUNTS, checkAccount, checkAccounts, isUsername, loadCheckedLinkStatus, readingFor } from './status-check.js';

// ---- per Instagram account ----
const loadAccounts = async () => checkAccounts((await chrome.storage.local.get(ACCOUNTS_KEY))[ACCOUNTS_KEY]);

/** The reading before `next` for its account: that account's own, or the last of any. */
async function previousFor(instagramUsername) {
  const old = (await loadLinkStatus()) ?? {};
  if (!instagramUsername || !old.instagramUsername || old.instagramUsername === instagramUsername) return old;
  // Another account's was the last: this account's own last reading, if any, else nothing.
  return (await loadAccounts())[instagramUsername] ?? {};
}

/** Writes the reading as the last one, and as its account's (the ten newest accounts kept). */
async function store(next) {
  const items = { [KEY]: next };
  if (isUsername(next.instagramUsername)) {
    const accounts = await loadAccounts();
    // The last reading, of another account, kept as that account's (stored before readings were kept per account).
    const last = await loadLinkStatus();
    if (isUsername(last?.instagramUsername) && !(last.instagramUsername in accounts)) accounts[last.instagramUsername] = last;
    accounts[next.instagramUsername] = next;
    const names = Object.keys(accounts).sort((a, b) => accounts[b].readAt - accounts[a].readAt).slice(0, MAX_ACCOUNTS);
    items[ACCOUNTS_KEY] = Object.fromEntries(names.map((n) => [n, accounts[n]]));
  }
  return chrome.storage.local.set(items);
}

/** The account logged in on www.instagram.com, as the core read it; written only when it changed. */
export async function saveInstagramAccount(username, now = Date.now()) {
  if (!isUsername(username)) return;
  const seen = checkAccount((await chrome.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY]);
  if (seen?.username === username) return;
  await chrome.storage.local.set({ [ACCOUNT_KEY]: { username, seenAt: now } });
}

/** {status, account, other} for the popup (status-check.js readingFor). */
export async function loadStatusView() {
  const latest = await loadLinkStatus();
  const items = await chrome.storage.local.get([ACCOUNTS_KEY, ACCOUNT_KEY]);
  return readingFor(latest, checkAccounts(items[ACCOUNTS_KEY]), checkAccount(items[ACCOUNT_KEY]));
}

/**
 * A reading of the accounts page: replaces the link part (and any error), keeps the rest.
 * @param {LinkStatusReading} reading
 */
export async function saveLinkStatus(reading) {
  // A reading for another Instagram account: nothing of the other one's is kept (that
  // account's own last reading is), so the switches read for one account are never shown
  // as another's.
  const old = await previousFor(reading.instagramUsername);
  const next = { ...reading };
  if ('sharing' in old && !('sharing' in reading)) next.sharing = old.sharing;
  if ('messaging' in old && !('messaging' in reading)) next.messaging = old.messaging;
  // (Unlinked, the core's reading says sharing: null itself: no switch is on any more.)
  return store(next);
}

// What a flow's done result may say of the status (docs/PROTOCOL.md: every done result is
// a partial status).
const STATUS_FIELDS = ['linked', 'facebookName', 'sharing', 'messaging'];

/**
 * What a flow that ended with `done` read back, merged into the status: its fields as they
 * are, whatever the flow. instagramUsername: the account the flow saw on the accounts
 * list, if it passed there; a reading of another account's keeps nothing of the old one's.
 */
export async function mergeStatus(result, instagramUsername = '') {
  // A flow that did not pass the accounts list worked on the account logged in (as last
  // read from Instagram's pages), not on whichever account was read last.
  if (!instagramUsername) instagramUsername = checkAccount((await chrome.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY])?.username ?? '';
  const old = await previousFor(instagramUsername);
  const next = { ...old, readAt: Date.now(), url: 'flow' };
  if (instagramUsername) next.instagramUsername = instagramUsername;
  delete next.error;
  for (const key of STATUS_FIELDS) if (key in result) next[key] = result[key];
  return store(next);
}

export const LINK_STATUS_KEY = KEY;
