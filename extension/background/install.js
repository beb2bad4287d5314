// The first minute: on install, the welcome page (what Crosslink does and never does, the
// Facebook access with its reason, the first status read). On an update, nothing, unless
// the new version asks for permissions the old one did not: then the welcome page opens
// with those, each with its reason. The permissions of the installed version are kept in
// chrome.storage.local (knownPermissions) to tell.
import { declaredPermissions } from '../welcome/permission-reasons.js';

export const WELCOME_PATH = 'welcome/welcome.html';

export async function onInstalled({ reason }) {
  const now = declaredPermissions(chrome.runtime.getManifest());
  const { knownPermissions } = await chrome.storage.local.get('knownPermissions');
  await chrome.storage.local.set({ knownPermissions: now });
  if (reason === 'install') {
    await chrome.tabs.create({ url: chrome.runtime.getURL(WELCOME_PATH) });
  } else if (reason === 'update' && Array.isArray(knownPermissions)) {
    const added = now.filter((p) => !knownPermissions.includes(p));
    if (added.length) await chrome.tabs.create({ url: chrome.runtime.getURL(`${WELCOME_PATH}?new=${encodeURIComponent(added.join(','))}`) });
  }
}

/** Registered synchronously at the worker's start (MV3 delivers onInstalled only to those). */
export function registerInstall() {
  chrome.runtime.onInstalled.addListener((details) => { onInstalled(details).catch(() => {}); });
}
