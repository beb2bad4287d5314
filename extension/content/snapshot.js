// The snapshot the core decides on: the visible elements a person could act on or read
// as a landmark (buttons, links, switches, headings, list items, dialogs), in document
// order, with role, accessible name, text, href, checked, disabled and the enclosing list
// item or dialog. Plain script (content scripts are not modules); also injected by
// tests/fixtures/record.mjs, so fixtures are exactly what the extension sees.
// eslint-disable-next-line no-unused-vars
var crosslinkSnapshot = (() => {
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
  const CANDIDATES = 'a[href],button,input,textarea,select,summary,dialog,h1,h2,h3,h4,[role]';
  const MAX_NAME = 200;
  const MAX_TEXT = 500;

  const squash = (s, max) => {
    const t = (s || '').replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ ?\n[\s]*/g, '\n').trim();
    return t.length > max ? t.slice(0, max) : t;
  };

  function implicitRole(el) {
    const tag = el.localName;
    if (tag === 'a') return 'link';
    if (tag === 'button' || tag === 'summary') return 'button';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return 'combobox';
    if (tag === 'dialog') return 'dialog';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'input') {
      const type = (el.getAttribute('type') || 'text').toLowerCase();
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
      if (type === 'hidden') return '';
      return type === 'search' ? 'searchbox' : 'textbox';
    }
    return '';
  }

  const roleOf = (el) => (el.getAttribute('role') || '').trim().split(/\s+/)[0] || implicitRole(el);

  // Text a person would hear for the element's content: text nodes, plus the labels of
  // icons (svg aria-label, img alt), skipping what is hidden from assistive technology.
  function contentName(el) {
    let out = '';
    const walk = (node) => {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) out += n.data;
        else if (n.nodeType === 1) {
          if (n.getAttribute('aria-hidden') === 'true') continue;
          const label = n.getAttribute('aria-label') || (n.localName === 'img' ? n.getAttribute('alt') : '');
          if (label) out += ` ${label} `;
          else walk(n);
        }
        if (out.length > MAX_NAME * 2) return;
      }
    };
    walk(el);
    return out;
  }

  function accessibleName(el, role) {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ');
      if (text.trim()) return squash(text, MAX_NAME);
    }
    const label = el.getAttribute('aria-label');
    if (label && label.trim()) return squash(label, MAX_NAME);
    if (el.labels && el.labels.length) return squash([...el.labels].map((l) => l.textContent).join(' '), MAX_NAME);
    if (el.localName === 'img') return squash(el.getAttribute('alt'), MAX_NAME);
    if (NAME_FROM_CONTENT.has(role)) {
      const text = squash(contentName(el), MAX_NAME);
      if (text) return text;
    }
    return squash(el.getAttribute('title') || el.getAttribute('placeholder') || '', MAX_NAME);
  }

  function checkedOf(el, role) {
    if (!CHECKABLE.has(role)) return undefined;
    const aria = el.getAttribute('aria-checked');
    if (aria === 'true') return true;
    if (aria === 'false') return false;
    return el.localName === 'input' ? el.checked : undefined;
  }

  const visible = (el) =>
    el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !el.closest('[aria-hidden="true"]');

  /** @returns {{snapshot: object, nodes: Element[]}} */
  return function crosslinkSnapshot(doc = document) {
    const nodes = [];
    const elements = [];
    const indexOf = new Map();
    for (const el of doc.querySelectorAll(CANDIDATES)) {
      const role = roleOf(el);
      if (!ROLES.has(role) || !visible(el)) continue;
      const i = nodes.length;
      let container = -1;
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (indexOf.has(up) && CONTAINERS.has(elements[indexOf.get(up)].role)) {
          container = indexOf.get(up);
          break;
        }
      }
      // Empty name and text are left out: most elements of a long feed have one or the other.
      const entry = { i, role };
      const name = accessibleName(el, role);
      if (name) entry.name = name;
      const text = squash(el.innerText, MAX_TEXT);
      if (text) entry.text = text;
      // Anchors keep their href whatever role they were given (a link styled as a button).
      const href = role === 'link' || el.localName === 'a' ? el.getAttribute('href') : null;
      if (href) entry.href = href;
      const checked = checkedOf(el, role);
      if (checked !== undefined) entry.checked = checked;
      // Busy or not offered: a switch saving its value, a choice already made.
      if (el.getAttribute('aria-disabled') === 'true' || el.disabled === true) entry.disabled = true;
      if (container >= 0) entry.container = container;
      indexOf.set(el, i);
      nodes.push(el);
      elements.push(entry);
    }
    return {
      snapshot: { url: doc.location.href, lang: doc.documentElement.lang || '', title: doc.title, elements },
      nodes,
    };
  };
})();
