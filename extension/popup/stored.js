// The popup's first script, a classic one in its head: it asks for the stored status
// before the modules are fetched, so the storage read is under way while popup.js and its
// imports load (P8, tests/bench/p8-popup.mjs). popup.js takes this promise (the keys are
// status-store.js's linkStatus and status-check.js's ACCOUNTS_KEY and ACCOUNT_KEY; popup.js
// reads them itself when they differ, and tests/e2e/popup-fresh.test.mjs holds them equal).
globalThis.crosslinkStored = {
  keys: ['linkStatus', 'linkStatusAccounts', 'instagramAccount'],
};
globalThis.crosslinkStored.read = chrome.storage.local.get(globalThis.crosslinkStored.keys).catch(() => ({}));
