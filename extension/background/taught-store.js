// Taught wordings (issue 16): the element a person clicked in a guided step, kept on yes
// ("Remember this button for next time?") as its role and accessible name for that step
// and locale. Stored in chrome.storage.local only (never synced, downloaded or sent); the
// core tries them before the shipped wordings (core/guided.h), the options page lists them
// with Remove, and the settings export/import carries them. One that leads to a wrong
// screen is dropped (flow-driver.js) and the activity log says so.
export const TAUGHT_KEY = 'taughtWordings';
export const TAUGHT_MAX = 200;

let writing = Promise.resolve();
/** Runs fn(list) → list|undefined, one at a time, and stores what it returns. */
function change(fn) {
  const run = writing.then(async () => {
    const list = await loadTaught();
    const next = await fn(list);
    if (next) await chrome.storage.local.set({ [TAUGHT_KEY]: next });
    return next ?? list;
  });
  writing = run.catch(() => {});
  return run;
}

/** The stored list ([] when none or unreadable). */
export async function loadTaught() {
  const value = (await chrome.storage.local.get(TAUGHT_KEY).catch(() => ({})))[TAUGHT_KEY];
  return Array.isArray(value) ? value.filter((w) => w && typeof w === 'object' && typeof w.id === 'string') : [];
}

/** Adds a wording (the same step, locale, role and name replaces the older one). */
export function addTaught(wording) {
  return change((list) => {
    const same = (w) => w.locator === wording.locator && w.locale === wording.locale;
    return [...list.filter((w) => !same(w)), wording].slice(-TAUGHT_MAX);
  });
}

/** Removes one by id; resolves to the removed wording or null. */
export async function removeTaught(id) {
  let removed = null;
  await change((list) => {
    removed = list.find((w) => w.id === id) ?? null;
    return removed ? list.filter((w) => w.id !== id) : undefined;
  });
  return removed;
}

/** Replaces the whole list (an import, already checked by the core). */
export function replaceTaught(list) {
  return change(() => list);
}

export const newTaughtId = () => `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
