// On Accounts Center: once the page settles, send its snapshot to the service worker,
// which reads the link status with the core. Re-sends when the page changes. Uses the
// actuator's one MutationObserver (actuator.js runs first).
(() => {
  let lastSent = '';

  function send() {
    // The actuator's look: one walk of the page serves this reading and a flow's step.
    const text = crosslinkActuator.snapshotText();
    if (text === lastSent) return;
    lastSent = text;
    chrome.runtime.sendMessage({ type: 'content/snapshot', snapshot: text }).catch(() => {
      lastSent = '';  // the worker was restarting: try again on the next change
    });
  }

  crosslinkActuator.onSettled(send);
})();
