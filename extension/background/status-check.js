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
