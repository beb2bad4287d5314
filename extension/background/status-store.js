// The last reading of the link status, kept in chrome.storage.local so the popup shows
// it (with its time) even after the worker or the browser restarts. What is read back is
// checked field by field: anything else in storage (damage, an old or a foreign shape, a
// huge value) is dropped, never shown, and the item is rewritten with what was kept
// (or removed when nothing usable is left).
const KEY = 'linkStatus';
const MAX_TEXT = 2000;  // a Facebook name or an error's words; longer is not a reading of ours

/** @typedef {{linked?: boolean, facebookName?: string, error?: {name: string, detail: string},
 *             readAt: number, url: string}} LinkStatusReading */

/** @param {LinkStatusReading} reading */
export const saveLinkStatus = (reading) => chrome.storage.local.set({ [KEY]: reading });

const text = (v) => typeof v === 'string' && v.length <= MAX_TEXT;

/**
 * A stored value → {reading: the sound reading or null, dropped: [field names not kept]}.
 * @returns {{reading: LinkStatusReading|null, dropped: string[]}}
 */
export function checkLinkStatus(value) {
  if (value === undefined || value === null) return { reading: null, dropped: [] };
  if (typeof value !== 'object' || Array.isArray(value)) return { reading: null, dropped: ['(not an object)'] };
  const reading = {};
  const dropped = [];
  for (const [key, v] of Object.entries(value)) {
    let ok = false;
    if (key === 'readAt') ok = Number.isFinite(v) && v >= 0 && v <= 8.64e15;
    else if (key === 'url') ok = text(v) && v.startsWith('https://accountscenter.instagram.com/');
    else if (key === 'linked') ok = typeof v === 'boolean';
    else if (key === 'facebookName') ok = text(v);
    else if (key === 'error') ok = v !== null && typeof v === 'object' && text(v.name) && /^[a-z_]+$/.test(v.name) && text(v.detail);
    if (ok) reading[key] = key === 'error' ? { name: v.name, detail: v.detail } : v;
    else dropped.push(key);
  }
  // A reading needs its time and place and either an answer or an error.
  const whole = 'readAt' in reading && 'url' in reading && ('linked' in reading || 'error' in reading);
  if (!whole) return { reading: null, dropped: Object.keys(value) };
  if (reading.linked === true && !('facebookName' in reading) && !reading.error) return { reading: null, dropped: Object.keys(value) };
  return { reading, dropped };
}

/** @returns {Promise<LinkStatusReading|null>} */
export async function loadLinkStatus() {
  const stored = (await chrome.storage.local.get(KEY))[KEY];
  const { reading, dropped } = checkLinkStatus(stored);
  if (dropped.length) {
    // Repair storage so the damage is gone for every reader, not only this one.
    await (reading ? chrome.storage.local.set({ [KEY]: reading }) : chrome.storage.local.remove(KEY)).catch(() => {});
  }
  return reading;
}

export const LINK_STATUS_KEY = KEY;
