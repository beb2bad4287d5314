// The stored link status (status-store.js), checked field by field when it is read back:
// anything else in storage (damage, an old or a foreign shape, a huge value) is dropped,
// never shown, and the item is rewritten with what was kept, or removed when nothing
// usable is left. Fields: those of a reading of Accounts Center (linked, facebookName,
// error, readAt, url, instagramUsername) and those a flow reads back (sharing, messaging; url "flow").
const MAX_TEXT = 2000;  // a Facebook name or an error's words; longer is no reading of ours
const SWITCHES = ['posts', 'reels', 'stories', 'facebookStories'];

const text = (v) => typeof v === 'string' && v.length <= MAX_TEXT;
const object = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const CHECKS = {
  readAt: (v) => Number.isFinite(v) && v >= 0 && v <= 8.64e15,
  url: (v) => v === 'flow' || (text(v) && v.startsWith('https://accountscenter.instagram.com/')),
  linked: (v) => typeof v === 'boolean',
  facebookName: text,
  instagramUsername: text,
  error: (v) => object(v) && text(v.name) && /^[a-z_]+$/.test(v.name) && text(v.detail),
  sharing: (v) => v === null || (object(v) && Object.entries(v).every(([k, s]) => SWITCHES.includes(k) && (typeof s === 'boolean' || s === null))),
  messaging: (v) => v === null || (object(v) && Object.entries(v).every(([k, m]) => (k === 'updated' ? typeof m === 'boolean'
    : k === 'othersOnFacebook' ? m === null || text(m) : false))),
};

/**
 * A stored value → {reading: the sound reading or null, dropped: [field names not kept]}.
 * @returns {{reading: object|null, dropped: string[]}}
 */
export function checkLinkStatus(value) {
  if (value === undefined || value === null) return { reading: null, dropped: [] };
  if (!object(value)) return { reading: null, dropped: ['(not an object)'] };
  const reading = {};
  const dropped = [];
  for (const [key, v] of Object.entries(value)) {
    if (Object.hasOwn(CHECKS, key) && CHECKS[key](v)) reading[key] = key === 'error' ? { name: v.name, detail: v.detail } : v;
    else dropped.push(key);
  }
  // A reading needs its time and place, and an answer or an error (a flow may have read
  // only the switches or messaging); "linked" needs a name to show unless a flow read it.
  const answer = 'linked' in reading || 'error' in reading
    || (reading.url === 'flow' && ('sharing' in reading || 'messaging' in reading));
  const whole = 'readAt' in reading && 'url' in reading && answer
    && !(reading.linked === true && !('facebookName' in reading) && !reading.error);
  if (!whole) return { reading: null, dropped: Object.keys(value) };
  return { reading, dropped };
}

/** Reads `key` from chrome.storage.local, checked; repairs storage when something was dropped. */
export async function loadCheckedLinkStatus(key) {
  const { reading, dropped } = checkLinkStatus((await chrome.storage.local.get(key))[key]);
  if (dropped.length) {
    await (reading ? chrome.storage.local.set({ [key]: reading }) : chrome.storage.local.remove(key)).catch(() => {});
  }
  return reading;
}

// ---- per Instagram account (issue 17 finding 6, issue 19 items 4/5) ----
// The status is kept per Instagram account: linkStatusAccounts holds the last reading of
// each account (by its username, as Accounts Center's card names it), linkStatus the last
// reading of any. instagramAccount is the account logged in on www.instagram.com, as
// the core read it from the site's navigation (content/instagram-account.js).
export const ACCOUNTS_KEY = 'linkStatusAccounts';
export const ACCOUNT_KEY = 'instagramAccount';
export const MAX_ACCOUNTS = 10;
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
export const isUsername = (v) => typeof v === 'string' && USERNAME.test(v);

/** A stored instagramAccount → {username, seenAt} or null. */
export function checkAccount(value) {
  if (!object(value) || !isUsername(value.username) || !CHECKS.readAt(value.seenAt)) return null;
  return { username: value.username, seenAt: value.seenAt };
}

/** A stored linkStatusAccounts → {username: sound reading of that account}; damage left out. */
export function checkAccounts(value) {
  const out = {};
  if (!object(value)) return out;
  for (const [name, v] of Object.entries(value).slice(0, MAX_ACCOUNTS * 2)) {
    const { reading } = checkLinkStatus(v);
    if (isUsername(name) && reading && reading.instagramUsername === name) out[name] = reading;
  }
  return out;
}

/**
 * What the popup shows for the account logged in: {status, account, other}. status: the
 * newest reading known to be for that account (or, when no account is known, the last
 * reading); account: its username or ''; other: the username of the last reading when it
 * was for another account (then status is that account's own reading or null: a reading
 * for another account is never shown as this one's).
 */
export function readingFor(latest, byAccount, current) {
  const account = current?.username ?? '';
  if (!account) return { status: latest ?? null, account: '', other: '' };
  const own = byAccount?.[account] ?? null;
  const latestName = latest?.instagramUsername ?? '';
  if (latest && latestName && latestName !== account) return { status: own, account, other: latestName };
  // The last reading is this account's, or names none (read before readings named one).
  const candidates = [latest, own].filter(Boolean);
  const status = candidates.sort((a, b) => b.readAt - a.readAt)[0] ?? null;
  return { status, account, other: '' };
}

/** From one chrome.storage.local.get of the three keys (the popup's first look needs no worker). */
export function statusView(items) {
  return readingFor(checkLinkStatus(items?.linkStatus).reading, checkAccounts(items?.[ACCOUNTS_KEY]), checkAccount(items?.[ACCOUNT_KEY]));
}
