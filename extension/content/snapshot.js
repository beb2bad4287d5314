// The snapshot the core decides on: the visible elements a person could act on or read
// as a landmark (buttons, links, switches, headings, list items, dialogs), in document
// order, with role, accessible name, text, href, checked, disabled and the enclosing list
// item or dialog. Plain script (content scripts are not modules); also injected by
// tests/fixtures/record.mjs, so fixtures are exactly what the extension sees.
//
// What it trusts (issue 17, finding 6): an element is left out when it is hidden
// (checkVisibility with opacity and visibility, aria-hidden), inert (the attribute on it
// or an ancestor, or outside a modal <dialog>), or, for the elements a flow acts on, of
// zero size or placed where no scrolling reaches (an off-screen decoy). No text of a
// field (textbox, searchbox, combobox, contenteditable) is taken, not even inside a
// container's text: what a person typed never leaves the page. Every DOM method and
// getter is taken from the prototypes when this script starts, so page markup cannot
// shadow them (`<form name=title>`, `<img name=querySelectorAll>` on document, `<input
// name=getAttribute>` in a form).
// Cost (issue 20, P7): one pass over the candidates; no `el.labels` (in Chromium its first
// read walks the whole document, per element: 5,000 candidates cost ~300 ms), the labels
// are read once per snapshot from the page's <label> elements instead. The pass can be
// taken in slices (crosslinkSnapshot.inSlices, the actuator's look ahead): ~10 µs a
// candidate is 50 ms at 5,000, so in one task it would be a long one.
// eslint-disable-next-line no-unused-vars
var crosslinkSnapshot = globalThis.crosslinkSnapshot || (() => {
  const ROLES = new Set([
    'button', 'link', 'switch', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox',
    'menuitemradio', 'tab', 'option', 'listitem', 'dialog', 'alertdialog', 'heading',
    'textbox', 'searchbox', 'combobox', 'alert', 'status',
  ]);
  const CONTAINERS = new Set(['listitem', 'dialog', 'alertdialog']);
  const CHECKABLE = new Set(['switch', 'checkbox', 'radio', 'menuitemcheckbox', 'menuitemradio']);
  const NAME_FROM_CONTENT = new Set([
    'button', 'link', 'switch', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox',
    'menuitemradio', 'tab', 'option', 'heading',
  ]);
  // Read, not acted on: kept wherever they are (a heading for screen readers only is a
  // real part of the page); the geometry checks apply to every other role.
  const READ_ONLY = new Set(['heading', 'listitem', 'dialog', 'alertdialog', 'alert', 'status']);
  const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox']);
  // Where a person types or chooses: never read as text (a native input's value is not in
  // any text anyway; a contenteditable's content is, and is what they typed).
  const FIELDS = 'textarea,select,[contenteditable]:not([contenteditable="false"]),[role="textbox"],[role="searchbox"],[role="combobox"]';
  const LABELABLE = new Set(['button', 'input', 'meter', 'output', 'progress', 'select', 'textarea']);
  const DISABLEABLE = new Set(['button', 'input', 'select', 'textarea', 'fieldset', 'optgroup', 'option']);
  const CANDIDATES = 'a[href],button,input,textarea,select,summary,dialog,h1,h2,h3,h4,ul>li,ol>li,menu>li,[role]';
  const MAX_NAME = 200;
  const MAX_TEXT = 500;

  // ---- the DOM as the browser defines it, not as the page's markup may shadow it ----
  const getter = (proto, name) => {
    for (let p = proto; p; p = Object.getPrototypeOf(p)) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d?.get) return d.get;
    }
    throw new Error(`no getter ${name}`);
  };
  const fn = (f) => Function.prototype.call.bind(f);  // fn(g)(node, ...args) is g.call(node, ...args)
  const E = Element.prototype;
  const N = Node.prototype;
  const D = Document.prototype;
  const attr = fn(E.getAttribute);
  const hasAttr = fn(E.hasAttribute);
  const closest = fn(E.closest);
  const contains = fn(N.contains);
  const rectOf = fn(E.getBoundingClientRect);
  const checkVisibility = fn(E.checkVisibility);  // Element.prototype.checkVisibility(): Chrome 105, Firefox 106
  const elQsa = fn(E.querySelectorAll);
  const docQsa = fn(D.querySelectorAll);
  const docQs = fn(D.querySelector);
  const byId = fn(D.getElementById);
  const localName = fn(getter(E, 'localName'));
  const parentEl = fn(getter(N, 'parentElement'));
  const firstChild = fn(getter(N, 'firstChild'));
  const nextSibling = fn(getter(N, 'nextSibling'));
  const nodeType = fn(getter(N, 'nodeType'));
  const textContent = fn(getter(N, 'textContent'));
  const isConnected = fn(getter(N, 'isConnected'));
  const charData = fn(getter(CharacterData.prototype, 'data'));
  const innerTextOf = fn(getter(HTMLElement.prototype, 'innerText'));
  const docTitle = fn(getter(D, 'title'));
  const docElement = fn(getter(D, 'documentElement'));
  const docView = fn(getter(D, 'defaultView'));
  const scrollWidth = fn(getter(E, 'scrollWidth'));
  const scrollHeight = fn(getter(E, 'scrollHeight'));
  const inputChecked = fn(getter(HTMLInputElement.prototype, 'checked'));
  const labelControl = fn(getter(HTMLLabelElement.prototype, 'control'));
  const isHTML = (el) => el instanceof HTMLElement;
  const innerText = (el) => (isHTML(el) ? innerTextOf(el) : '');

  const squash = (s, max) => {
    const t = (s || '').replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ ?\n[\s]*/g, '\n').trim();
    return t.length > max ? t.slice(0, max) : t;
  };

  function implicitRole(el) {
    const tag = localName(el);
    if (tag === 'a') return 'link';
    if (tag === 'button' || tag === 'summary') return 'button';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return 'combobox';
    if (tag === 'dialog') return 'dialog';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'li') {  // a list's item (HTML-AAM), unless its list is only for layout
      const list = parentEl(el);
      const listRole = list ? (attr(list, 'role') || '').trim() : 'none';
      return list && ['ul', 'ol', 'menu'].includes(localName(list)) && (listRole === '' || listRole === 'list') ? 'listitem' : '';
    }
    if (tag === 'input') {
      const type = (attr(el, 'type') || 'text').toLowerCase();
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
      if (type === 'hidden') return '';
      return type === 'search' ? 'searchbox' : 'textbox';
    }
    return '';
  }

  const roleOf = (el) => (attr(el, 'role') || '').trim().split(/\s+/)[0] || implicitRole(el);
  const isField = (el, role) => {
    if (FIELD_ROLES.has(role)) return true;
    const tag = localName(el);
    if (tag === 'textarea' || tag === 'select') return true;
    const editable = attr(el, 'contenteditable');
    return editable !== null && editable.toLowerCase() !== 'false';
  };

  // Text a person would hear for the element's content: text nodes, plus the labels of
  // icons (svg aria-label, img alt), skipping what is hidden from assistive technology.
  function contentName(el) {
    let out = '';
    const walk = (node) => {
      for (let n = firstChild(node); n; n = nextSibling(n)) {
        const type = nodeType(n);
        if (type === 3) out += charData(n);
        else if (type === 1) {
          if (attr(n, 'aria-hidden') === 'true') continue;
          const label = attr(n, 'aria-label') || (localName(n) === 'img' ? attr(n, 'alt') : '');
          if (label) out += ` ${label} `;
          else walk(n);
        }
        if (out.length > MAX_NAME * 2) return;
      }
    };
    walk(el);
    return out;
  }

  /** One read of the page's labels: control → the text of its labels, in document order. */
  function labelsOf(doc) {
    const map = new Map();
    for (const label of docQsa(doc, 'label')) {
      const control = labelControl(label);
      if (!control) continue;
      const list = map.get(control);
      if (list) list.push(label);
      else map.set(control, [label]);
    }
    return map;
  }

  function accessibleName(el, role, doc, labels) {
    const labelledBy = attr(el, 'aria-labelledby');
    if (labelledBy) {
      const text = labelledBy.split(/\s+/).map((id) => { const n = id && byId(doc, id); return n ? textContent(n) : ''; }).join(' ');
      if (text.trim()) return squash(text, MAX_NAME);
    }
    const label = attr(el, 'aria-label');
    if (label && label.trim()) return squash(label, MAX_NAME);
    const tag = localName(el);
    if (LABELABLE.has(tag) && !(tag === 'input' && (attr(el, 'type') || '').toLowerCase() === 'hidden')) {
      const own = labels().get(el);
      if (own) return squash(own.map((l) => textContent(l)).join(' '), MAX_NAME);
    }
    if (tag === 'img') return squash(attr(el, 'alt'), MAX_NAME);
    if (NAME_FROM_CONTENT.has(role)) {
      const text = squash(contentName(el), MAX_NAME);
      if (text) return text;
    }
    return squash(attr(el, 'title') || attr(el, 'placeholder') || '', MAX_NAME);
  }

  function checkedOf(el, role) {
    if (!CHECKABLE.has(role)) return undefined;
    const aria = attr(el, 'aria-checked');
    if (aria === 'true') return true;
    if (aria === 'false') return false;
    return localName(el) === 'input' ? inputChecked(el) : undefined;
  }

  // The text a person reads in an element that holds a field: its text without the
  // fields' (the rendered text, as for any element, with each field's own text taken out;
  // an empty field changes nothing, so the page's text reads as it always did).
  function textWithoutFields(el, holdsField) {
    let text = innerText(el);
    for (const f of holdsField.fields) {
      if (!contains(el, f)) continue;
      const typed = innerText(f).trim();
      if (!typed) continue;
      // A block field is lines of their own in the rendered text: those lines go. Inline,
      // or not found as lines: every occurrence of its text goes.
      const lines = text.split('\n');
      const want = typed.split('\n').map((l) => l.trim());
      const at = lines.findIndex((_, k) => want.every((w, j) => (lines[k + j] ?? '').trim() === w));
      if (at >= 0) { lines.splice(at, want.length); text = lines.join('\n'); } else text = text.split(typed).join('');
    }
    return text;
  }

  const visibleStyle = (el) => checkVisibility(el, { checkOpacity: true, checkVisibilityCSS: true });

  /** The page's frame for the geometry checks: its scrollable size and its modal dialog. */
  function frameOf(doc) {
    const root = docElement(doc);
    const view = docView(doc);
    return {
      width: Math.max(scrollWidth(root), view?.innerWidth ?? 0),
      height: Math.max(scrollHeight(root), view?.innerHeight ?? 0),
      x: view?.scrollX ?? 0,
      y: view?.scrollY ?? 0,
      modal: docQs(doc, 'dialog:modal'),
    };
  }

  /** Why a person could not act on this element, or '' when they could. */
  function hiddenWhy(el, role, frame) {
    if (!visibleStyle(el)) return 'hidden';
    if (closest(el, '[aria-hidden="true"],[inert]')) return 'hidden or inert';
    if (frame.modal && !contains(frame.modal, el)) return 'inert (outside the open modal dialog)';
    if (READ_ONLY.has(role)) return '';
    const r = rectOf(el);
    if (r.width === 0 || r.height === 0) return 'of zero size';
    if (r.right + frame.x <= 0 || r.bottom + frame.y <= 0 || r.left + frame.x >= frame.width || r.top + frame.y >= frame.height)
      return 'outside the page';
    return '';
  }

  const NO_FIELDS = Object.assign(new Set(), { fields: [] });
  function entryOf(el, role, i, doc, labels, holdsField, withText = true) {
    // Empty name and text are left out: most elements of a long feed have one or the other.
    const entry = { i, role };
    const name = accessibleName(el, role, doc, labels);
    if (name) entry.name = name;
    const field = isField(el, role);
    if (!field && withText) {
      const text = squash(holdsField.has(el) ? textWithoutFields(el, holdsField) : innerText(el), MAX_TEXT);
      if (text) entry.text = text;
    }
    // Anchors keep their href whatever role they were given (a link styled as a button).
    const href = role === 'link' || localName(el) === 'a' ? attr(el, 'href') : null;
    if (href) entry.href = href;
    const checked = checkedOf(el, role);
    if (checked !== undefined) entry.checked = checked;
    // Busy or not offered: a switch saving its value, a choice already made.
    if (attr(el, 'aria-disabled') === 'true' || (DISABLEABLE.has(localName(el)) && hasAttr(el, 'disabled'))) entry.disabled = true;
    return entry;
  }

  // The elements that hold a field (so their text is taken without it), and the fields.
  function fieldHolders(doc) {
    const holders = new Set();
    holders.fields = [...docQsa(doc, FIELDS)];
    for (const f of holders.fields) {
      for (let up = parentEl(f); up && !holders.has(up); up = parentEl(up)) holders.add(up);
    }
    return holders;
  }

  const lazy = (make) => { let v; return () => (v ??= make()); };

  // The walk, as a generator that stops after every `sliceMs` of work (checked every 32
  // candidates) so a caller can let the page run between slices (P7: no long task on a
  // page of 20,000 candidates). With sliceMs = Infinity it never stops: that is the
  // synchronous snapshot, the same code. Between slices only the scroll position is read
  // again (a person may scroll); whether the page itself changed is the caller's to tell
  // (the actuator's MutationObserver), and a changed page makes it start again.
  function* walk(doc, sliceMs) {
    const nodes = [];
    const elements = [];
    const indexOf = new Map();
    const labels = lazy(() => labelsOf(doc));
    const holdsField = fieldHolders(doc);
    const frame = frameOf(doc);
    const list = docQsa(doc, CANDIDATES);
    let sliceStart = performance.now();
    for (let k = 0; k < list.length; k += 1) {
      if ((k & 31) === 31 && performance.now() - sliceStart > sliceMs) {
        yield k;
        const view = docView(doc);
        frame.x = view?.scrollX ?? 0;
        frame.y = view?.scrollY ?? 0;
        sliceStart = performance.now();
      }
      const el = list[k];
      const role = roleOf(el);
      if (!ROLES.has(role) || hiddenWhy(el, role, frame)) continue;
      const i = nodes.length;
      let container = -1;
      for (let up = parentEl(el); up; up = parentEl(up)) {
        const c = indexOf.get(up);
        if (c !== undefined && CONTAINERS.has(elements[c].role)) {
          container = c;
          break;
        }
      }
      const entry = entryOf(el, role, i, doc, labels, holdsField);
      if (container >= 0) entry.container = container;
      indexOf.set(el, i);
      nodes.push(el);
      elements.push(entry);
    }
    const root = docElement(doc);
    return {
      snapshot: { url: doc.location.href /* [LegacyUnforgeable]: markup cannot shadow it */, lang: (root && attr(root, 'lang')) || '', title: docTitle(doc), elements },
      nodes,
    };
  }

  /** @returns {{snapshot: object, nodes: Element[]}} */
  function crosslinkSnapshot(doc = document) {
    return walk(doc, Infinity).next().value;
  }

  // A macrotask boundary that is not clamped as nested timers are (4 ms after five).
  const yieldToPage = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(0);
  });

  /**
   * The same snapshot taken in slices of about sliceMs, the page running between them.
   * stale() is asked after every pause: true (the page changed meanwhile) gives up, and the
   * promise resolves to null; otherwise it resolves to what crosslinkSnapshot() would give.
   * @returns {Promise<{snapshot: object, nodes: Element[]} | null>}
   */
  crosslinkSnapshot.inSlices = async (stale, { sliceMs = 25, doc = document } = {}) => {
    const it = walk(doc, sliceMs);
    let slowestSliceMs = 0;
    for (let slices = 1; ; slices += 1) {
      const start = performance.now();
      const step = it.next();
      const ms = performance.now() - start;
      slowestSliceMs = Math.max(slowestSliceMs, ms);
      // What it cost, for P7: the slices, the slowest, and the last (the caller's work on
      // the result runs in the same task as the last).
      if (step.done) return Object.assign(step.value, { slices, slowestSliceMs, lastSliceMs: ms });
      await yieldToPage();
      if (stale()) return null;
    }
  };

  /**
   * One element as the snapshot would describe it now (the actuator's check of the node
   * it is about to click): its entry without i, container and text, or {gone} / {hidden: why}.
   */
  crosslinkSnapshot.describe = (el, doc = document) => {
    if (!el || !isConnected(el)) return { gone: true };
    const role = roleOf(el);
    const why = ROLES.has(role) ? hiddenWhy(el, role, frameOf(doc)) : 'not an element Crosslink reads';
    if (why) return { hidden: why, role };
    const entry = entryOf(el, role, 0, doc, lazy(() => labelsOf(doc)), NO_FIELDS, false);
    delete entry.i;
    return entry;
  };
  crosslinkSnapshot.isField = (el) => isField(el, roleOf(el));
  crosslinkSnapshot.yieldToPage = yieldToPage;
  /** The same prototype-taken DOM calls, for the actuator: (node, ...args) => result. */
  crosslinkSnapshot.dom = Object.freeze({
    closest, contains, rectOf, docElement, labels: (el) => (LABELABLE.has(localName(el)) ? labelsOf(document).get(el) ?? [] : []),
    localName, attr,
    on: fn(EventTarget.prototype.addEventListener),
    dispatch: fn(EventTarget.prototype.dispatchEvent),
    readyState: fn(getter(D, 'readyState')),
    visibilityState: fn(getter(D, 'visibilityState')),
    byTag: fn(D.getElementsByTagName),
    elementsFromPoint: fn(D.elementsFromPoint),
    activeElement: fn(getter(D, 'activeElement')),
    createElement: fn(D.createElement),
    append: fn(E.append),
    isConnected,
    scrollIntoView: fn(E.scrollIntoView),
    focus: fn(HTMLElement.prototype.focus),
  });
  return crosslinkSnapshot;
})();
