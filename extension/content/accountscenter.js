// On Accounts Center: once the page settles, send its snapshot to the service worker,
// which reads the link status with the core. Re-sends when the page changes.
(() => {
  const SETTLE_MS = 300;     // quiet time that counts as settled
  const MAX_WAIT_MS = 3000;  // a page that never stops changing is read anyway

  let lastSent = '';
  let timer = 0;
  let firstChange = 0;

  function send() {
    timer = 0;
    firstChange = 0;
    const text = JSON.stringify(crosslinkSnapshot().snapshot);
    if (text === lastSent) return;
    lastSent = text;
    chrome.runtime.sendMessage({ type: 'content/snapshot', snapshot: text }).catch(() => {
      lastSent = '';  // the worker was restarting: try again on the next change
    });
  }

  function schedule() {
    const now = performance.now();
    if (!firstChange) firstChange = now;
    clearTimeout(timer);
    timer = setTimeout(send, now - firstChange > MAX_WAIT_MS ? 0 : SETTLE_MS);
  }

  new MutationObserver(schedule).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  schedule();
})();
