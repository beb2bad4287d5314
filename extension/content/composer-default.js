// The new-post dialog's "Also share to Facebook": when the person asked for it in the
// settings, Crosslink sets it to their default as soon as it appears (before they can
// press Share), reads it back, and says so beside it with an undo. If the page changes it
// afterwards on its own (choosing a video resets it to the reels default), Crosslink sets
// it back and says so; once the person touches it or undoes, it is theirs alone.
// Crosslink never presses Share: posting stays the person's own act. Only the new-post
// composer's switch, as the core recognises it, is ever set; a switch of the same name in
// any other dialog is left alone.
(() => {
  // The switch's names in every locale, compared in lower case: the core's locator
  // composer_facebook_switch (core/data), handed over by the worker with the settings.
  let LABELS = new Set();
  const SWITCHES = '[role="switch"], input[type="checkbox"]';
  const READ_BACK_MS = 1500;
  const MAX_REAPPLY = 3;  // the page may reset it; Crosslink does not fight it for ever
  // Instagram's language or the one chosen (crosslinkI18n, strings.js).
  const { msg } = crosslinkI18n;

  let composer = null;  // {applyDefault, shareToFacebook}
  const handled = new WeakSet();  // dialogs
  /** @type {WeakMap<Element, {wanted: boolean, label: string, person: boolean, busy: boolean, reapplied: number}>} */
  const tracked = new WeakMap();  // their switches

  const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  function nameOf(el) {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return squash(ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    if (el.getAttribute('aria-label')) return squash(el.getAttribute('aria-label'));
    if (el.labels?.length) return squash(el.labels[0].textContent);
    return '';
  }
  function checkedOf(el) {
    const aria = el.getAttribute('aria-checked');
    if (aria === 'true' || aria === 'false') return aria === 'true';
    return el instanceof HTMLInputElement ? el.checked : null;
  }
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  // Clicks the switch as a person would and waits for the page to show the new state.
  async function turn(sw, wanted) {
    sw.click();
    const end = performance.now() + READ_BACK_MS;
    while (checkedOf(sw) !== wanted && performance.now() < end) await sleep(50);
    return checkedOf(sw);
  }

  function noteFor(sw) {
    const row = sw.closest('label') ?? sw.parentElement;
    let note = row.nextElementSibling;
    if (!note?.classList.contains('crosslink-composer-note')) {
      note = document.createElement('div');
      note.className = 'crosslink-composer-note';
      note.setAttribute('role', 'status');
      row.after(note);
    }
    return note;
  }

  function show(sw, text, undo) {
    const note = noteFor(sw);
    const words = document.createElement('span');
    words.textContent = text;
    note.replaceChildren(words);
    if (undo) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'crosslink-composer-undo';
      button.textContent = msg('composerUndo');
      button.addEventListener('click', undo, { once: true });
      note.append(' ', button);
    }
  }

  async function apply(sw, t, again) {
    const before = checkedOf(sw);
    if (before === null || before === t.wanted) return;  // unreadable, or already as wanted: leave it be
    t.busy = true;
    const after = await turn(sw, t.wanted);
    t.busy = false;
    if (after !== t.wanted) return show(sw, msg('composerFailed', t.label));
    const said = again ? (t.wanted ? 'composerReappliedOn' : 'composerReappliedOff') : (t.wanted ? 'composerSetOn' : 'composerSetOff');
    show(sw, msg(said, t.label), async () => {
      t.person = true;  // undoing is the person's choice: from now on the switch is theirs
      t.busy = true;
      const back = await turn(sw, before);
      t.busy = false;
      show(sw, back === before ? msg(before ? 'composerUndoneOn' : 'composerUndoneOff', t.label) : msg('composerFailed', t.label));
    });
  }

  // What the core is shown to tell the new-post composer from any other dialog with such a
  // switch (issue 17, finding 5): the dialog (its name, and its headings' lines as its
  // text: no field's text) and the switch in it, in the snapshot's shape. The core
  // recognises the screen (instagram_composer, by the composer's title) and answers with
  // the switch's index only when it sits in the composer's own dialog.
  const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role="heading"]';
  function composerSnapshot(dialog, sw) {
    const lines = [...dialog.querySelectorAll(HEADINGS)].map((h) => squash(h.textContent)).filter(Boolean);
    const elements = [
      { i: 0, role: 'dialog', name: nameOf(dialog), text: lines.join('\n') },
      { i: 1, role: sw.getAttribute('role') === 'switch' ? 'switch' : 'checkbox', name: nameOf(sw), container: 0,
        ...(checkedOf(sw) === null ? {} : { checked: checkedOf(sw) }) },
    ];
    return JSON.stringify({ url: location.href, lang: document.documentElement.lang || '', title: '', elements });
  }
  async function isComposer(dialog, sw) {
    const reply = await chrome.runtime.sendMessage({ type: 'content/composerSwitch', snapshot: composerSnapshot(dialog, sw) }).catch(() => null);
    return reply?.ok === true && reply.switch === 1;  // the worker away or unsure: nothing is changed
  }

  function onElement(el) {
    if (!composer?.applyDefault) return;
    const switches = el.matches(SWITCHES) ? [el] : el.querySelectorAll(SWITCHES);
    for (const sw of switches) {
      const dialog = sw.closest('[role="dialog"], dialog');
      if (!dialog || handled.has(dialog) || !LABELS.has(nameOf(sw).toLowerCase())) continue;
      handled.add(dialog);
      isComposer(dialog, sw).then((yes) => {
        if (!yes || !sw.isConnected || !composer?.applyDefault) return;
        const t = { wanted: composer.shareToFacebook, label: nameOf(sw), person: false, busy: false, reapplied: 0 };
        tracked.set(sw, t);
        apply(sw, t, false);
      });
    }
  }

  // The page changed the switch by itself: put the person's default back.
  function onChecked(el) {
    const t = tracked.get(el);
    if (!t || t.busy || t.person || t.reapplied >= MAX_REAPPLY || checkedOf(el) === t.wanted) return;
    t.reapplied += 1;
    apply(el, t, true);
  }

  // The person's own hand on a switch: a real click, or Space/Enter on it (the page may
  // turn the key into a click of its own, which is not trusted).
  function personTouched(e) {
    if (!e.isTrusted || (e.type === 'keydown' && e.key !== ' ' && e.key !== 'Enter')) return;
    const sw = e.target.closest?.(SWITCHES);
    const t = sw && tracked.get(sw);
    if (t) t.person = true;
  }
  document.addEventListener('click', personTouched, true);
  document.addEventListener('keydown', personTouched, true);

  async function configure() {
    await crosslinkI18n.ensure();
    const reply = await chrome.runtime.sendMessage({ type: 'content/shareConfig' }).catch(() => null);
    composer = reply?.ok ? reply.composer : null;
    if (reply?.ok) LABELS = new Set(reply.page.composerSwitch.flatMap((p) => p.wordings).map((w) => w.toLowerCase()));
  }
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && 'settings' in changes) configure();
  });
  configure().then(() => {
    crosslinkPage.onChecked(onChecked);
    crosslinkPage.onElements(onElement);
  });
})();
