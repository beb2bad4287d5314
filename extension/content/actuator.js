// The flow driver's hands in the page: snapshots once the page has settled, and the one
// click or toggle the core decided, after checking the element is still the one it named.
// It never types into a field: there is no code here that sets a value.
// Plain script after snapshot.js (crosslinkSnapshot). Runs on the Instagram hosts from the
// manifest, and on Facebook's hosts only once the person granted the optional permission
// (registered by the worker with chrome.scripting).
// eslint-disable-next-line no-unused-vars
var crosslinkActuator = globalThis.crosslinkActuator || (() => {
  const QUIET_MS = 25;        // no change for this long counts as settled
  const MAX_SETTLE_MS = 1500; // a page that never stops changing is read anyway
  const OUTLINE_MS = 40;      // how long the person sees the element before it is clicked
  const WAKE_MS = 1000;       // a flow's tab that has heard nothing from the worker wakes it
  const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox']);
  const MESSAGING_HOSTS = new Set(['www.instagram.com', 'accountscenter.instagram.com']);
  const FACEBOOK_HOSTS = new Set(['www.facebook.com', 'm.facebook.com']);
  const dom = crosslinkSnapshot.dom;  // DOM calls the page's markup cannot shadow
  const pageId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const canMessage = MESSAGING_HOSTS.has(location.hostname);
  // On Facebook (only with the optional permission) the worker accepts content/wake alone.
  const canWake = canMessage || FACEBOOK_HOSTS.has(location.hostname);

  // ---- One MutationObserver: settle waits and "the page changed" for every user ----
  let changes = 0;
  let lastChange = performance.now();
  const wakeups = new Set();
  const settledListeners = new Set();
  let overlay = null;
  const own = new Set();      // elements of ours in the page (the panel's host, panel.js)
  const ours = (node) => node === overlay || own.has(node);
  let settledTimer = 0;
  let firstUnsettled = 0;

  function onMutations(records) {
    // The outline and the panel are ours: they are not a change of the page.
    if (records.every((r) => ours(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(ours)))) return;
    changes += 1;
    lastChange = performance.now();
    for (const wake of wakeups) wake();
    if (settledListeners.size) scheduleSettled();
    if (flowActive) scheduleAhead();
  }
  // Watching every attribute and text change of a page costs the page (the browser makes a
  // record of each): the observer runs only while a flow works in this tab or a feature
  // waits for the page to settle (Accounts Center's status reading), not while a person
  // scrolls a feed (P4). Unwatched, nothing of the last look is reused, and the next
  // settle counts from the moment watching started.
  const observer = new MutationObserver(onMutations);
  let watching = false;
  function watch(on) {
    if (on === watching) return;
    watching = on;
    if (!on) { observer.disconnect(); return; }
    changes += 1;
    lastChange = performance.now();
    observer.observe(dom.docElement(document), {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
  }
  const needWatch = () => watch(flowActive || settledListeners.size > 0);

  function scheduleSettled() {
    const now = performance.now();
    if (!firstUnsettled) firstUnsettled = now;
    clearTimeout(settledTimer);
    const late = now - firstUnsettled > MAX_SETTLE_MS * 2;
    settledTimer = setTimeout(() => {
      firstUnsettled = 0;
      for (const fn of settledListeners) fn();
    }, late ? 0 : QUIET_MS * 5);
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const now = () => performance.timeOrigin + performance.now();  // shared with the worker (P7)

  /** Resolves after a change of the page, or after ms. */
  function nextChange(ms) {
    return new Promise((resolve) => {
      const done = () => { clearTimeout(timer); wakeups.delete(done); resolve(); };
      const timer = setTimeout(done, ms);
      wakeups.add(done);
    });
  }

  /** Resolves once nothing changed for QUIET_MS (at most MAX_SETTLE_MS). */
  async function settle() {
    const start = performance.now();
    while (performance.now() - start < MAX_SETTLE_MS) {
      const quiet = performance.now() - lastChange;
      if (quiet >= QUIET_MS && dom.readyState(document) !== 'loading') return;
      await sleep(Math.max(5, QUIET_MS - quiet));
    }
  }

  function outline(el) {
    const box = dom.rectOf(el);
    if (!overlay) {
      overlay = dom.createElement(document, 'div');
      overlay.setAttribute('aria-hidden', 'true');
      overlay.style.cssText = 'position:fixed;pointer-events:none;z-index:2147483647;border:3px solid #0064e0;' +
        'border-radius:6px;box-shadow:0 0 0 4px rgba(0,100,224,.25);transition:opacity .2s;';
    }
    Object.assign(overlay.style, {
      left: `${box.left - 4}px`, top: `${box.top - 4}px`, width: `${box.width + 8}px`, height: `${box.height + 8}px`, opacity: '1',
    });
    if (!dom.isConnected(overlay)) dom.append(dom.docElement(document), overlay);
    setTimeout(() => { if (overlay) overlay.style.opacity = '0'; }, OUTLINE_MS + 400);
  }

  // ---- Flow state in this tab: the person's own clicks pause a running flow ----
  let flowActive = false;
  let lastCommand = 0;
  const acted = new Set();    // action ids claimed here: done, or being done
  const halted = new Map();   // flow id → 'cancelled' | 'paused', as the worker said
  let wakeTimer = 0;

  function setActive(active) {
    const was = flowActive;
    flowActive = active;
    needWatch();
    if (active && !was) scheduleAhead();
    lastCommand = performance.now();
    clearInterval(wakeTimer);
    wakeTimer = 0;
    if (active && canWake) {
      // The worker may have been stopped between two steps: a message wakes it, and it resumes.
      wakeTimer = setInterval(() => {
        if (performance.now() - lastCommand > WAKE_MS) {
          lastCommand = performance.now();
          chrome.runtime.sendMessage({ type: 'content/wake' }).then((r) => {
            if (r?.ok && !r.flowHere) setActive(false);
          }, () => {});
        }
      }, 500);
    }
  }

  const onPersonsClick = (event) => {
    if (!event.isTrusted || !flowActive || !canMessage) return;
    // The panel's own buttons (Cancel, Resume) are not a click in the page.
    if (own.size && event.composedPath().some((node) => own.has(node))) return;
    chrome.runtime.sendMessage({ type: 'content/userAction' }).catch(() => {});
  };
  dom.on(document, 'pointerdown', onPersonsClick, true);
  dom.on(document, 'keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') onPersonsClick(e); }, true);

  // The last look at the page, reused while the page did not change since (no mutation,
  // no form control changed by the person): a step's snapshot, its target check and the
  // check after the outline are then one walk of the page, not three.
  let last = null;  // {changes, url, snapshot, nodes, text}
  const inputs = () => { changes += 1; };  // a checkbox ticked by hand changes no attribute
  dom.on(document, 'change', inputs, true);
  dom.on(document, 'input', inputs, true);
  function look() {
    const pending = observer.takeRecords();  // changes not yet delivered to onMutations
    if (pending.length) onMutations(pending);
    if (watching && last && last.changes === changes && last.url === location.href) return last;
    const start = performance.now();
    const { snapshot, nodes } = crosslinkSnapshot();
    const ms = performance.now() - start;  // one walk, one task (P7)
    last = { changes, url: location.href, snapshot, nodes, text: null, cost: { slices: 1, slowestSliceMs: ms, lastSliceMs: ms } };
    return last;
  }

  // ---- The look taken ahead (issue 20, P7) ----
  // While a flow works in this tab, the page is looked at as soon as it has been quiet for
  // AHEAD_QUIET_MS, in slices of ~25 ms between which the page runs (no long task, even
  // on a page of 20,000 candidates). A change of the page gives that look up; the next
  // quiet starts another. When the worker asks and the page has settled, the look is
  // ready or under way: the person's wait after "settled" is what is left of it, not a
  // whole walk of the page. It is the same snapshot a synchronous look would give (one
  // walk, snapshot.js), taken on a page that did not change while it was taken.
  const AHEAD_QUIET_MS = 10;
  let ahead = null;   // {changes, promise}: a look under way, for the page as of `changes`
  let aheadTimer = 0;
  let looksStarted = 0;  // looks in slices begun (P7: how many a change made start again)
  let looksReported = 0;
  const current = () => {
    const pending = observer.takeRecords();  // changes not yet delivered to onMutations
    if (pending.length) onMutations(pending);
    return Boolean(last && last.changes === changes && last.url === location.href);
  };
  // On a big page a look first waits for a frame drawn since the page's last change: the
  // browser lays the page out and paints it in its own rendering task, so the look's first
  // slice does not force that layout (at 20,000 candidates a forced layout was a 300–550 ms
  // slice, and the whole look took three times as long; after a frame: 25 ms slices, ~200 ms
  // in all). `framed` is the change count a frame was drawn at, noted after every change
  // while a flow works here. A tab behind gets no frames: there the look starts at once, and
  // FRAME_WAIT_MS bounds the wait anywhere.
  const FRAME_WAIT_MS = 1000;
  let framed = -1;
  let framing = false;
  function noteFrame() {
    if (framing) return;
    framing = true;
    requestAnimationFrame(() => {
      const at = changes;
      setTimeout(() => { framing = false; framed = at; if (changes !== at) noteFrame(); }, 0);
    });
  }
  // A small page's layout is cheap: its look starts at once (and is one slice, one walk).
  const BIG_PAGE = 3000;  // elements
  const allElements = dom.byTag(document, '*');  // live; its length is native
  const nextFrame = () => new Promise((resolve) => {
    if (framed === changes || allElements.length < BIG_PAGE || dom.visibilityState(document) === 'hidden') { resolve(); return; }
    const fallback = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(fallback); resolve(); }, 0));
  });
  function scheduleAhead() {
    noteFrame();
    clearTimeout(aheadTimer);
    aheadTimer = setTimeout(() => {
      if (flowActive) lookAhead().catch(() => {});  // the worker's ask meets the same error
    }, AHEAD_QUIET_MS);
  }
  /** The last look while the page is unchanged; else one taken in slices (null: it changed meanwhile). */
  function lookAhead() {
    if (!watching) return Promise.resolve(look());  // unwatched, a change could not be told
    if (current()) return Promise.resolve(last);
    if (ahead?.changes === changes) return ahead.promise;
    const at = { changes, url: location.href };
    const stale = () => { current(); return changes !== at.changes || location.href !== at.url; };
    looksStarted += 1;
    const promise = nextFrame()
      .then(() => (stale() ? null : crosslinkSnapshot.inSlices(stale)))
      .then((got) => (got ? (last = { ...at, snapshot: got.snapshot, nodes: got.nodes, text: null, cost: got }) : null))
      .finally(() => { if (ahead?.promise === promise) ahead = null; });
    ahead = { changes, promise };
    return promise;
  }

  /** Waits for the page to settle, then its look: {seen, settledAt, quietMs, ready}. */
  async function settledLook() {
    const start = performance.now();
    for (;;) {
      await settle();
      const settledAt = now();
      const quietMs = performance.now() - lastChange;
      const ready = current();
      // A page that never stops changing is read anyway, in one walk (as settle() does).
      const seen = performance.now() - start < MAX_SETTLE_MS ? await lookAhead() : look();
      if (seen) return { seen, settledAt, quietMs, ready };
    }
  }

  // The nodes of the last snapshot handed to the worker: its decisions name an index in
  // that snapshot, and the element clicked is that very node (issue 17, finding 6), never
  // whatever sits at the same index in a later look (a decoy inserted before it has the
  // same role and name).
  let sent = null;  // {changes, url, snapshot, nodes}

  /** Finds the element the decision named, as it is now; refuses when it changed. */
  function findTarget(decision) {
    const { nodes, snapshot } = sent ?? look();
    const node = nodes[decision.target];
    if (!node || !snapshot.elements[decision.target]) return { error: `element #${decision.target} is gone`, refusal: 'target_gone' };
    const entry = crosslinkSnapshot.describe(node);
    if (entry.gone) return { error: `element #${decision.target} is gone`, refusal: 'target_gone' };
    if (entry.hidden) return { error: `element #${decision.target} is now ${entry.hidden}`, refusal: 'target_hidden' };
    if (entry.role !== decision.role || (entry.name ?? '') !== (decision.name ?? ''))
      return { error: `element #${decision.target} is now ${entry.role} "${entry.name ?? ''}"`, refusal: 'target_changed' };
    if (FIELD_ROLES.has(entry.role) || crosslinkSnapshot.isField(node)) return { error: 'Crosslink never acts on a text field', refusal: 'target_field' };
    if (entry.disabled) return { error: `element #${decision.target} is busy or disabled`, refusal: 'target_disabled' };
    if (decision.kind === 'toggle' && typeof decision.checked === 'boolean' && entry.checked !== decision.checked)
      return { error: `element #${decision.target} already changed`, refusal: 'target_changed' };
    return { el: node };
  }

  // ---- A click as a person's pointer makes it (issue 15, item 4) ----
  // Pages built with React and the like may listen to pointer or mouse down/up rather than
  // to click, and ignore a bare el.click(). So: the element in view, then over, move,
  // down, up and click at its centre, dispatched on what is at that point (the element or
  // a part of it), as the browser would for a mouse. A point where something else is on
  // top (a cookie banner, a transparent overlay, an element clipped away) is refused:
  // the person could not click there either.
  const own_ = (n) => ours(n) || [...own].some((o) => dom.contains(o, n));

  /** What a person's click at the element's centre would hit, or a refusal. */
  function aim(el) {
    const box = dom.rectOf(el);
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (!(box.width > 0 && box.height > 0) || x < 0 || y < 0 || x >= innerWidth || y >= innerHeight)
      return { error: 'the element is not in view after scrolling to it', refusal: 'target_out_of_view' };
    const hits = dom.elementsFromPoint(document, x, y).filter((n) => !own_(n));
    const top = hits[0];
    const reaches = top && (dom.contains(el, top) || dom.labels(el).some((l) => dom.contains(l, top)));
    if (!reaches) {
      const what = top ? `${top.localName}${top.id ? `#${top.id}` : ''}` : 'nothing';
      return { error: `the element is covered at its centre (by ${what})`, refusal: 'target_covered' };
    }
    return { at: top, x, y };
  }

  function pointerClick({ at, x, y }, el) {
    const base = {
      bubbles: true, cancelable: true, composed: true, view: window, detail: 1,
      clientX: x, clientY: y, screenX: screenX + x, screenY: screenY + y, button: 0,
    };
    const ptr = { ...base, pointerId: 1, pointerType: 'mouse', isPrimary: true, width: 1, height: 1 };
    const fire = (Type, type, extra) => dom.dispatch(at, new Type(type, { ...(Type === PointerEvent ? ptr : base), ...extra }));
    const enter = (Type, type, extra) => dom.dispatch(at, new Type(type, { ...(Type === PointerEvent ? ptr : base), bubbles: false, cancelable: false, ...extra }));
    fire(PointerEvent, 'pointerover', { buttons: 0 });
    enter(PointerEvent, 'pointerenter', { buttons: 0 });
    fire(MouseEvent, 'mouseover', { buttons: 0 });
    enter(MouseEvent, 'mouseenter', { buttons: 0 });
    fire(PointerEvent, 'pointermove', { buttons: 0 });
    fire(MouseEvent, 'mousemove', { buttons: 0 });
    // A cancelled pointerdown suppresses the mouse events (not the click), as in browsers.
    const mouse = fire(PointerEvent, 'pointerdown', { buttons: 1, pressure: 0.5 });
    if (mouse && fire(MouseEvent, 'mousedown', { buttons: 1 })) {
      const focusable = dom.closest(el, 'a[href],button,input,select,textarea,summary,[tabindex]');
      if (focusable && dom.activeElement(document) !== focusable && focusable instanceof HTMLElement) dom.focus(focusable, { preventScroll: true });
    }
    fire(PointerEvent, 'pointerup', { buttons: 0, pressure: 0 });
    if (mouse) fire(MouseEvent, 'mouseup', { buttons: 0 });
    fire(MouseEvent, 'click', { buttons: 0 });
  }

  /** An action of a flow the worker cancelled or paused is not done (and not claimed). */
  const refusal = (actionId, flowId) => {
    if (!halted.has(flowId)) return null;
    acted.delete(actionId);
    return { done: false, halted: true, error: `the flow was ${halted.get(flowId)}`, pageId };
  };

  async function act(decision, actionId, flowId) {
    // Claimed before anything is awaited: the same id sent again is never done twice.
    if (acted.has(actionId)) return { done: true, repeated: true, pageId };
    acted.add(actionId);
    const stop = refusal(actionId, flowId);
    if (stop) return stop;
    const checkAt = now();
    let found = findTarget(decision);
    const foundAt = now();
    if (found.error) return { done: false, error: found.error, refusal: found.refusal, pageId };
    dom.scrollIntoView(found.el, { block: 'center', inline: 'nearest', behavior: 'instant' });
    outline(found.el);
    globalThis.crosslinkPanel?.avoid(found.el);  // the panel never covers what is clicked
    await sleep(OUTLINE_MS);
    const late = refusal(actionId, flowId);  // a Cancel or pause during the outline wins
    if (late) return late;
    found = findTarget(decision);  // still the same element after the pause
    if (found.error) return { done: false, error: found.error, refusal: found.refusal, pageId };
    const aimed = aim(found.el);  // nothing on top of it, where the pointer goes
    if (aimed.error) return { done: false, error: aimed.error, refusal: aimed.refusal, pageId };
    // The click may navigate away: answer first, click right after (same task).
    const { el } = found;
    queueMicrotask(() => pointerClick(aimed, el));
    return { done: true, pageId, foundAt, checkMs: foundAt - checkAt };
  }

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || sender.tab || typeof message?.type !== 'string') return false;
    const reply = (promise) => { promise.then(sendResponse, (e) => sendResponse({ error: String(e?.message ?? e) })); return true; };
    switch (message.type) {
      case 'actuator/snapshot':
        setActive(true);
        return reply((async () => {
          // Wait for a change only when the page did not change since the last look.
          const seen = message.since;
          const unchanged = !seen || (seen.pageId === pageId && seen.changes === changes);
          if (message.waitMs > 0 && unchanged) await nextChange(Math.min(message.waitMs, 1000));
          // P7 (make bench): when the page had settled (and for how long it had been quiet
          // then), whether its look was ready, and what the snapshot still cost here.
          const { seen: seenNow, settledAt, quietMs, ready } = await settledLook();
          // The JSON text in a task of its own after a look just finished (its last slice and
          // ~20 ms of text at 20,000 candidates would be one long task); a change meanwhile
          // is the target check's to find, as after any snapshot.
          const apart = seenNow.text == null && !ready;
          if (apart) await crosslinkSnapshot.yieldToPage();
          const finalAt = performance.now();
          seenNow.text ??= JSON.stringify(seenNow.snapshot);
          const { text, snapshot, cost } = seenNow;
          sent = seenNow;  // the decision on this snapshot acts on these very nodes
          // The longest task of ours in this look: its slowest slice, or the JSON text (with
          // the last slice, when one walk made it in the same task).
          const finalMs = performance.now() - finalAt + (cost && !ready && !apart ? cost.lastSliceMs : 0);
          const looks = looksStarted - looksReported;
          looksReported = looksStarted;
          return {
            snapshot: text, pageId, changes: seenNow.changes,
            timing: {
              settledAt, pageMs: now() - settledAt, quietMs, ready, looks, slices: cost?.slices ?? 1,
              longestTaskMs: Math.max(cost?.slowestSliceMs ?? 0, finalMs), bytes: text.length, elements: snapshot.elements.length,
            },
          };
        })());
      case 'actuator/act':
        setActive(true);
        return reply(act(message.decision, message.actionId, message.flowId));
      case 'actuator/acted':
        setActive(true);
        sendResponse({ known: acted.has(message.actionId), pageId });
        return false;
      case 'actuator/flow':
        setActive(Boolean(message.active));
        if (typeof message.flowId === 'string') {
          if (message.active) halted.delete(message.flowId);
          else halted.set(message.flowId, message.status === 'paused' ? 'paused' : 'ended');
        }
        sendResponse({ ok: true });
        return false;
      default:
        return false;
    }
  });

  // A fresh page of a flow's tab says hello: this wakes a stopped worker, which resumes.
  // No answer, or an empty one (the worker was stopped while it answered, or was still
  // starting: Firefox's event page can resolve the message with nothing): say hello
  // again, a few times. Only while a flow runs (the worker's mark in storage.local, which
  // content scripts can read without waking anyone): an ordinary page load never starts
  // the worker.
  if (canWake) chrome.storage.local.get('flowRunning').then((r) => { if (r.flowRunning) sayHello(); }, () => {});
  function sayHello() {
    let tries = 0;
    const again = () => { if (++tries < 10 && !flowActive) setTimeout(hello, WAKE_MS); };
    const hello = () => chrome.runtime.sendMessage({ type: 'content/wake' }).then((r) => {
      if (!r?.ok) return again();
      if (r.flowHere && !flowActive) setActive(true);
    }, again);
    hello();
  }

  return {
    pageId,
    settle,
    /**
     * The page's snapshot as JSON text, taken as a flow's look is (after a frame, in slices):
     * the last look's while the page did not change; null when it changed meanwhile.
     */
    async lookText() {
      const seen = await lookAhead();
      if (!seen) return null;
      seen.text ??= JSON.stringify(seen.snapshot);
      return seen.text;
    },
    /** fn() after the page changed and settled (debounced, bounded). */
    onSettled(fn) { settledListeners.add(fn); needWatch(); scheduleSettled(); },
    get changes() { return changes; },
    /** An element of ours (the panel's host): its changes and the clicks in it are not the page's. */
    own(node) { own.add(node); },
  };
})();
globalThis.crosslinkActuator = crosslinkActuator;
