// The person's settings and the activity log, kept where they belong:
// - settings: one item in chrome.storage.sync (8 KB an item, 100 KB in all), read
//   through the core, which migrates old shapes, repairs damage and never fails;
//   written only after the core validated them (strict v1) and their size was checked;
// - the activity log: chrome.storage.local (it would not fit sync's quotas), bounded by
//   the person's log size and normalized by the core on every read and write.
import { fail, failWith } from './dispatcher.js';

const KEY = 'settings';
const LOG_KEY = 'activityLog';
// chrome.storage.sync quotas (QUOTA_BYTES_PER_ITEM, QUOTA_BYTES): an item is measured as
// its key plus the JSON of its value, in UTF-8 bytes.
export const SYNC_ITEM_BYTES = 8192;
export const SYNC_TOTAL_BYTES = 102400;
// The last load, by the stored text it came from: storage is read on every call (no
// cache to go stale when sync or another page changes it), the core's work is not.
// A repair this worker wrote back answers as the load that made it, with what it dropped
// or migrated, so the options page says so whoever asked first.
let last = null;  // {raw, repaired, loaded}
// JSON with keys sorted: chrome.storage hands objects back with their keys reordered, and
// the core writes its own in sorted order.
export const canonical = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, x[key]])) : x));

const utf8Bytes = (text) => new TextEncoder().encode(text).length;
/** What an item costs against chrome.storage.sync's quota. */
// Not every browser has getBytesInUse on sync (older Firefox): then only the item is checked.
async function bytesInUse(keys) {
  try {
    return (await chrome.storage.sync.getBytesInUse?.(keys)) ?? 0;
  } catch {
    return 0;
  }
}
export const syncItemBytes = (key, value) => utf8Bytes(key) + utf8Bytes(JSON.stringify(value));

/**
 * Everything the core made of what is stored: settings, and what was migrated or dropped.
 * @param {import('../core/crosslink').Core} core
 * @returns {Promise<import('../core/crosslink').LoadedSettings>}
 */
export async function loadSettingsDetailed(core) {
  const stored = (await chrome.storage.sync.get(KEY))[KEY];
  const raw = canonical(stored ?? null);
  if (last && (raw === last.raw || raw === last.repaired)) return last.loaded;
  const loaded = core.settingsLoad(stored);
  // Migrated or repaired: store the clean version, unless a newer Crosslink wrote it.
  last = { raw, repaired: loaded.writeBack ? canonical(loaded.settings) : null, loaded };
  if (loaded.writeBack) await chrome.storage.sync.set({ [KEY]: loaded.settings }).catch(() => {});
  return loaded;
}

/**
 * @param {import('../core/crosslink').Core} core
 * @returns {Promise<import('../core/crosslink').Settings>}
 */
export async function loadSettings(core) {
  return (await loadSettingsDetailed(core)).settings;
}

/** Validates and stores settings the person submitted. Returns {settings} or {errors}. */
export async function saveSettings(core, candidate) {
  const checked = core.settingsValidate(candidate);
  if (!checked.ok) return { errors: checked.errors ?? [checked.error] };
  const { settings } = checked;
  const bytes = syncItemBytes(KEY, settings);
  if (bytes > SYNC_ITEM_BYTES) throw fail('sync_quota', `the settings take ${bytes} bytes; sync allows ${SYNC_ITEM_BYTES} an item`);
  const others = (await bytesInUse(null)) - (await bytesInUse(KEY));
  if (others + bytes > SYNC_TOTAL_BYTES) throw fail('sync_quota', `sync storage is full (${others + bytes} of ${SYNC_TOTAL_BYTES} bytes)`);
  try {
    await chrome.storage.sync.set({ [KEY]: settings });
  } catch (e) {
    const text = String(e?.message ?? e);
    // Chrome names the quota it hit: MAX_WRITE_OPERATIONS_PER_MINUTE/HOUR, QUOTA_BYTES(_PER_ITEM).
    const name = /MAX_WRITE_OPERATIONS/.test(text) ? 'sync_rate' : /QUOTA_BYTES|quota/i.test(text) ? 'sync_quota' : 'storage_failed';
    throw fail(name, text);
  }
  last = null;  // the person's own save: no earlier repair to report any more
  await trimLog(core, settings.logSize);
  return { settings, bytes };
}

// ---- the activity log ----

/** The stored log, normalized to `cap` entries (a damaged one is repaired and stored). */
export async function loadLog(core, cap) {
  const stored = (await chrome.storage.local.get(LOG_KEY))[LOG_KEY];
  const out = core.logLoad(stored ?? null, cap);
  if (!out.ok) throw failWith(out.error);
  if (stored !== undefined && (out.repair || out.evicted)) await chrome.storage.local.set({ [LOG_KEY]: out.log }).catch(() => {});
  return out;
}

async function trimLog(core, cap) {
  await loadLog(core, cap).catch(() => {});
}

/** Stores a whole log (import): only ever one the core read without a repair. */
export async function saveLog(log) {
  try {
    await chrome.storage.local.set({ [LOG_KEY]: log });
  } catch (e) {
    throw fail('storage_failed', String(e?.message ?? e));
  }
}

// Appends run one after another: each reads the log the previous one wrote.
let appending = Promise.resolve();
/**
 * Adds an entry {type, outcome?, detail?, data?} to the activity log, at the person's
 * log size. Never throws: a log that cannot be written must not stop what it records.
 */
export function appendLog(core, entry, nowMs = Date.now()) {
  const run = appending.then(async () => {
    const { logSize } = await loadSettings(core);
    const stored = (await chrome.storage.local.get(LOG_KEY))[LOG_KEY];
    const out = core.logAppend(stored ?? null, entry, nowMs, logSize);
    if (!out.ok) return { ok: false, error: out.error };
    await chrome.storage.local.set({ [LOG_KEY]: out.log });
    return { ok: true, evicted: out.evicted };
  }).catch((e) => ({ ok: false, error: { name: 'storage_failed', detail: String(e?.message ?? e) } }));
  appending = run;
  return run;
}

export const SETTINGS_KEY = KEY;
export const ACTIVITY_LOG_KEY = LOG_KEY;
