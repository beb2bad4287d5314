// The one MutationObserver behind Crosslink's page features on www.instagram.com (the
// share control and the composer default). Added elements are handled in the observer's
// own callback, right after the page's task that added them, so one layout pass serves
// the page's change and ours (measured: handling them in a later idle task costs a
// layout pass of its own per batch, about 10% more main-thread time on a long feed).
// Each callback spends at most a few milliseconds; what is left waits for idle time.
// It also reports aria-checked changes (switches flip rarely). Nothing runs per scroll event.
// eslint-disable-next-line no-unused-vars
var crosslinkPage = (() => {
  const SLICE_MS = 4;        // work per slice; Chrome counts a long task from 50 ms
  const IDLE_TIMEOUT = 250;  // ms: a busy page still gets its controls soon
  const handlers = [];
  const attributeHandlers = [];
  /** @type {Array<{node: Element, handler: ((el: Element) => void) | null}>} */
  let queue = [];
  let head = 0;
  let scheduled = false;

  function drain() {
    const end = performance.now() + SLICE_MS;
    while (head < queue.length && performance.now() < end) {
      const { node, handler } = queue[head++];
      if (!node.isConnected) continue;
      if (handler) handler(node);
      else for (const h of handlers) h(node);
    }
    if (head < queue.length) return false;
    queue = [];
    head = 0;
    return true;
  }

  function flush() {
    scheduled = false;
    if (!drain()) schedule();
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestIdleCallback(flush, { timeout: IDLE_TIMEOUT });
  }

  // Our own additions (class crosslink-…) need no handling.
  const ours = (node) => node.className?.startsWith?.('crosslink-');
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') for (const h of attributeHandlers) h(record.target);
      else for (const node of record.addedNodes) if (node.nodeType === 1 && !ours(node)) queue.push({ node, handler: null });
    }
    if (!scheduled && head < queue.length && !drain()) schedule();
  }).observe(document.documentElement, { childList: true, subtree: true, attributeFilter: ['aria-checked'] });

  return {
    /**
     * Calls handler(element) for the page as it is now and then for every element added
     * to it. Handlers must be idempotent: an element may come again inside a parent.
     * @param {(el: Element) => void} handler
     */
    onElements(handler) {
      handlers.push(handler);
      this.rescan(handler);
    },
    /** Calls handler(element) whenever an element's aria-checked changes (switches). */
    onChecked(handler) {
      attributeHandlers.push(handler);
    },
    /** Hands the whole page to one handler again (after a settings change). */
    rescan(handler) {
      queue.push({ node: document.documentElement, handler });
      schedule();
    },
  };
})();
