// On Accounts Center: once the page settles, send its snapshot to the service worker,
// which reads the link status with the core. Re-sends when the page changes. Uses the
// actuator's one MutationObserver (actuator.js runs first).
(() => {
  let lastSent = '';

  async function send() {
    // The actuator's look: one walk of the page serves this reading and a flow's step, in
    // slices (a long page is no long task). A page that changed meanwhile settles again,
    // and is sent then.
    const text = await crosslinkActuator.lookText().catch(() => null);
    if (text === null || text === lastSent) return;
    lastSent = text;
    chrome.runtime.sendMessage({ type: 'content/snapshot', snapshot: text }).catch(() => {
      lastSent = '';  // the worker was restarting: try again on the next change
    });
  }

  crosslinkActuator.onSettled(send);
})();
