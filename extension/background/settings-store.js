// The person's settings, read from chrome.storage.sync through the core, which migrates
// old shapes, repairs damage and never fails. Until the options page exists nothing
// writes them except a repair, so everyone gets the defaults.
const KEY = 'settings';
let cached = null;

// Registered at load: the worker learns of changes made elsewhere (options page, sync).
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && KEY in changes) cached = null;
});

/**
 * @param {import('../core/crosslink').Core} core
 * @returns {Promise<import('../core/crosslink').Settings>}
 */
export async function loadSettings(core) {
  if (cached) return cached;
  const stored = (await chrome.storage.sync.get(KEY))[KEY];
  const loaded = core.settingsLoad(stored);
  // Migrated or repaired: store the clean version, unless a newer Crosslink wrote it.
  if (loaded.writeBack) await chrome.storage.sync.set({ [KEY]: loaded.settings }).catch(() => {});
  cached = loaded.settings;
  return cached;
}

export const SETTINGS_KEY = KEY;
