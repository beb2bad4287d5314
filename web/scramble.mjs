// The markup scrambler (issue 15): the same page, the same meaning, another shape. With
// `scramble: <seed>` in the stage's state every page's body is parsed, reshaped and
// written out again — deterministic per seed and page (host + path), so a seed that
// breaks a flow reproduces it:
//   - wrapper depth (1–3 extra divs, some `display:contents`),
//   - a button as `button`, `div[role=button]` or `a[role=button]` (no href: links that
//     navigate stay links), its name from visible text, nested or split spans,
//     `aria-label` or `aria-labelledby`,
//   - a switch as `input[type=checkbox][role=switch]`, `div[role=switch]` or (the
//     Accounts Center sharing switches) a labelled plain checkbox,
//   - a list as `ul/li` or `role=list/listitem`,
//   - extra empty or decorative sibling elements, random extra classes,
//   - decoys: a copy of a control with the same name, placed before it and hidden
//     (display:none, visibility:hidden, the hidden attribute, or aria-hidden and zero
//     size / off-screen), never focusable and never hooked (a click on one does nothing),
//   - a toast (`role=status`) or spinner (`role=progressbar`) appearing for a moment
//     after load and after clicks (pointer-events:none: it covers, it does not block).
// The page's own script keeps working: it finds its controls by hook class (kept on the
// real control, stripped from decoys) and reads a switch by aria-checked or .checked.
// A screen reader reads the same page: tests/stage/scramble.test.mjs checks every seed
// with axe-core and by role and name.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'textarea', 'title']);
/** Where a wrapper, an extra sibling or a decoy may go: block containers without a required child role. */
const BLOCK = new Set(['div', 'main', 'section', 'header', 'footer', 'nav', 'aside', 'article', 'form', 'body']);
const STRICT_PARENT_ROLES = new Set(['list', 'listbox', 'radiogroup', 'menu', 'menubar', 'tablist', 'grid', 'row', 'table', 'tree', 'group']);
const WRAPPABLE = new Set(['div', 'section', 'a', 'button', 'h1', 'h2', 'h3', 'p', 'header', 'footer', 'nav', 'main', 'form', 'ul', 'article', 'input', 'img', 'svg', 'label']);

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---- a small parser for the stage's own (well-formed) markup ----------------------------
const TOKEN = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/gi;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

export function parse(html) {
  const root = { tag: '#root', attrs: [], children: [] };
  const stack = [root];
  let last = 0;
  TOKEN.lastIndex = 0;
  const text = (s) => { if (s) stack[stack.length - 1].children.push({ text: s }); };
  for (let m; (m = TOKEN.exec(html));) {
    text(html.slice(last, m.index));
    last = TOKEN.lastIndex;
    if (m[0].startsWith('<!')) { stack[stack.length - 1].children.push({ text: m[0] }); continue; }
    if (m[1]) {
      const name = m[1].toLowerCase();
      const at = stack.map((n) => n.tag).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const tag = m[2].toLowerCase();
    const attrs = [];
    ATTR.lastIndex = 0;
    for (let a; (a = ATTR.exec(m[3] || ''));) attrs.push([a[1], a[2] ?? a[3] ?? a[4] ?? null]);
    const node = { tag, attrs, children: [], selfClose: Boolean(m[4]) };
    stack[stack.length - 1].children.push(node);
    if (RAW.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, last);
      const stop = end < 0 ? html.length : end;
      node.children.push({ text: html.slice(last, stop), raw: true });
      const close = end < 0 ? html.length : html.indexOf('>', end) + 1;
      last = close;
      TOKEN.lastIndex = close;
      continue;
    }
    if (!VOID.has(tag) && !node.selfClose) stack.push(node);
  }
  text(html.slice(last));
  return root;
}

export function serialize(node) {
  if ('text' in node) return node.text;
  const inner = node.children.map(serialize).join('');
  if (node.tag === '#root') return inner;
  const attrs = node.attrs.map(([k, v]) => (v === null ? ` ${k}` : ` ${k}="${v}"`)).join('');
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  if (node.selfClose && !inner) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

const get = (n, k) => n.attrs?.find(([a]) => a === k)?.[1];
const has = (n, k) => Boolean(n.attrs?.some(([a]) => a === k));
const set = (n, k, v) => {
  const at = n.attrs.find(([a]) => a === k);
  if (at) at[1] = v;
  else n.attrs.push([k, v]);
};
const drop = (n, ...keys) => { n.attrs = n.attrs.filter(([a]) => !keys.includes(a)); };
const el = (tag, attrs = [], children = []) => ({ tag, attrs, children });
const elements = (n) => n.children.filter((x) => !('text' in x));
const decode = (s) => String(s).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
  .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
const textOf = (n) => ('text' in n ? (n.raw ? '' : decode(n.text)) : n.children.map(textOf).join(''));

/**
 * Reshapes a page's body for one seed. key: what else makes the page itself (host and
 * path), hooks: {name → class} of this start (hooked controls keep their class; decoys
 * lose theirs; only `switch:*` become plain checkboxes).
 */
export function scrambleBody(body, { seed, key = '', hooks = {} }) {
  const rand = prng(hash(`${seed}|${key}`));
  const chance = (p) => rand() < p;
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const cls = () => `x${Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0')}`;
  let ids = 0;
  const newId = () => `${cls()}_${(ids += 1)}`;
  const hookOf = new Map(Object.entries(hooks).map(([name, c]) => [c, name]));
  const hookNamesOf = (n) => String(get(n, 'class') ?? '').split(/\s+/).map((c) => hookOf.get(c)).filter(Boolean);
  const stripHooks = (n) => {
    if ('text' in n) return;
    const classes = get(n, 'class');
    if (classes) set(n, 'class', classes.split(/\s+/).filter((c) => !hookOf.has(c)).join(' ') || cls());
    drop(n, 'id', 'href', 'tabindex', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'name', 'for');
    n.children.forEach(stripHooks);
  };
  const clone = (n) => JSON.parse(JSON.stringify(n));

  const nameOf = (n, byId) => {
    if (has(n, 'aria-label')) return decode(get(n, 'aria-label'));
    if (has(n, 'aria-labelledby')) return get(n, 'aria-labelledby').split(/\s+/).map((id) => byId.get(id) ?? '').join(' ').trim();
    return textOf(n).replace(/\s+/g, ' ').trim();
  };
  const escAttr = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

  // Texts by id (for aria-labelledby names of decoys).
  const byId = new Map();
  const index = (n) => {
    if ('text' in n) return;
    const id = get(n, 'id');
    if (id) byId.set(id, textOf(n).replace(/\s+/g, ' ').trim());
    n.children.forEach(index);
  };

  /** A hidden, inert copy of control n with the same role and name. */
  const decoyOf = (n, role) => {
    const name = nameOf(n, byId);
    if (!name) return null;
    const copy = clone(n);
    stripHooks(copy);
    copy.tag = 'div';
    drop(copy, 'type', 'checked', 'disabled', 'aria-disabled', 'value');
    set(copy, 'role', role);
    set(copy, 'class', cls());
    if (role === 'switch' && !has(copy, 'aria-checked')) set(copy, 'aria-checked', has(n, 'checked') ? 'true' : 'false');
    if (has(n, 'aria-labelledby') || !textOf(copy).trim()) set(copy, 'aria-label', escAttr(name));
    const how = pick(['display', 'visibility', 'attribute', 'zero', 'offscreen']);
    if (how === 'display') set(copy, 'style', 'display:none');
    else if (how === 'visibility') set(copy, 'style', 'visibility:hidden;position:absolute');
    else if (how === 'attribute') set(copy, 'hidden', null);
    else if (how === 'zero') { set(copy, 'aria-hidden', 'true'); set(copy, 'style', 'width:0;height:0;overflow:hidden;padding:0;margin:0;border:0;position:absolute'); }
    else { set(copy, 'aria-hidden', 'true'); set(copy, 'style', 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden'); }
    return copy;
  };

  /** A button: which element, and where its name comes from. */
  const reshapeButton = (n, inTemplate) => {
    const isA = n.tag === 'a';
    if (isA && has(n, 'href')) return;  // a link that navigates stays one
    if (has(n, 'disabled') || (n.tag === 'button' && get(n, 'type') === 'submit')) return;
    const tag = pick(['button', 'div', 'a']);
    n.tag = tag;
    if (tag === 'button') {
      drop(n, 'role', 'href');
      set(n, 'type', 'button');
      if (get(n, 'tabindex') !== '-1') drop(n, 'tabindex');
    } else {
      drop(n, 'type');
      set(n, 'role', 'button');
      if (!has(n, 'tabindex')) set(n, 'tabindex', get(n, 'aria-disabled') === 'true' ? '-1' : '0');
    }
    const only = n.children.length === 1 && 'text' in n.children[0] && !n.children[0].raw ? n.children[0] : null;
    if (!only || has(n, 'aria-label') || has(n, 'aria-labelledby') || !only.text.trim()) return;
    const words = only.text;
    const how = pick(['text', 'nested', 'split', 'label', 'labelledby']);
    if (how === 'nested') n.children = [el('span', [['class', cls()]], [el('span', [['class', cls()]], [{ text: words }])])];
    else if (how === 'split') {
      const cut = words.indexOf(' ');
      if (cut > 0) n.children = [el('span', [], [{ text: words.slice(0, cut + 1) }]), el('span', [['class', cls()]], [{ text: words.slice(cut + 1) }])];
    } else if (how === 'label') set(n, 'aria-label', words.replace(/"/g, '&#34;'));
    else if (how === 'labelledby' && !inTemplate) {
      const id = newId();
      n.children = [el('span', [['id', id], ['class', cls()]], [{ text: words }])];
      set(n, 'aria-labelledby', id);
    }
  };

  /** A switch: input[role=switch], div[role=switch] or a plain checkbox (sharing switches only). */
  const reshapeSwitch = (n) => {
    const on = get(n, 'aria-checked') === 'true';
    const plainOk = hookNamesOf(n).some((h) => h.startsWith('switch:'));
    const how = pick(plainOk ? ['input', 'div', 'checkbox'] : ['input', 'div']);
    drop(n, 'checked', 'type', 'tabindex');
    if (how === 'div') {
      n.tag = 'div';
      n.children = [];
      set(n, 'role', 'switch');
      set(n, 'tabindex', '0');
      set(n, 'aria-checked', String(on));
    } else {
      n.tag = 'input';
      n.children = [];
      set(n, 'type', 'checkbox');
      if (how === 'input') {
        set(n, 'role', 'switch');
        set(n, 'aria-checked', String(on));
      } else drop(n, 'role', 'aria-checked');
      if (on) set(n, 'checked', null);
    }
  };

  const reshapeList = (n) => {
    const items = elements(n);
    if (n.tag === 'div' && get(n, 'role') === 'list' && items.length && items.every((i) => i.tag === 'div' && get(i, 'role') === 'listitem')) {
      n.tag = 'ul';
      drop(n, 'role');
      set(n, 'style', `${get(n, 'style') ?? ''};list-style:none;margin:0;padding:0`.replace(/^;/, ''));
      for (const i of items) { i.tag = 'li'; drop(i, 'role'); }
    } else if (n.tag === 'ul' && items.every((i) => i.tag === 'li')) {
      n.tag = 'div';
      set(n, 'role', 'list');
      for (const i of items) { i.tag = 'div'; set(i, 'role', 'listitem'); }
    }
  };

  const extra = () => pick([
    () => el('div', [['class', cls()]]),
    () => el('span', [['class', cls()], ['aria-hidden', 'true']]),
    () => el('div', [['class', cls()], ['role', 'presentation']], [el('span', [['class', cls()]])]),
  ])();

  function visit(n, ctx) {
    if ('text' in n || RAW.has(n.tag) || n.tag === 'svg') return;
    const role = get(n, 'role');
    const inTemplate = ctx.inTemplate || n.tag === 'template';
    const inForm = ctx.inForm || n.tag === 'form';
    const childCtx = { inTemplate, inForm, parent: n, templateTop: n.tag === 'template' };
    // children first, so a decoy copies the child's final shape
    for (const c of n.children) visit(c, childCtx);
    if (n.tag !== 'template' && n.tag !== '#root') {
      if (chance(0.4)) set(n, 'class', `${get(n, 'class') ?? ''} ${cls()}`.trim());
      if (!inForm && (role === 'button' || n.tag === 'button') && chance(0.7)) reshapeButton(n, inTemplate);
      if (role === 'switch' && !inTemplate && chance(0.8)) reshapeSwitch(n);
      if ((role === 'list' || n.tag === 'ul') && chance(0.6)) reshapeList(n);
    }
    // then this element's children: decoys before controls, extra siblings, wrappers
    const parentOk = (BLOCK.has(n.tag) || n.tag === '#root') && !STRICT_PARENT_ROLES.has(get(n, 'role')) && n.tag !== 'template';
    if (!parentOk || ctx.inTemplate && ctx.templateTop) return;
    const out = [];
    let prev = null;
    for (const c of n.children) {
      if ('text' in c || RAW.has(c.tag)) { out.push(c); continue; }
      const afterToggle = prev && has(prev, 'aria-expanded');  // an accordion's panel follows its button
      const cRole = get(c, 'role') ?? (c.tag === 'button' ? 'button' : c.tag === 'input' && get(c, 'type') === 'checkbox' ? (get(c, 'role') ?? 'checkbox') : '');
      if (!afterToggle && !inForm && ['button', 'switch'].includes(cRole) && chance(0.35)) {
        const d = decoyOf(c, cRole);
        if (d) out.push(d);
      }
      if (!afterToggle && chance(0.12)) out.push(extra());
      let node = c;
      if (WRAPPABLE.has(c.tag) && !has(c, 'id') && chance(0.25)) {
        const depth = 1 + Math.floor(rand() * 3);
        for (let i = 0; i < depth; i++) node = el('div', [['class', cls()], ...(chance(0.5) ? [['style', 'display:contents']] : [])], [node]);
      }
      out.push(node);
      prev = c;
    }
    n.children = out;
  }

  const root = parse(body);
  index(root);
  visit(root, { inTemplate: false, inForm: false, parent: null, templateTop: false });
  return serialize(root);
}

/** The toast or spinner that appears mid-step (a script for the page, seeded). */
export function transientScript({ seed, key = '', label = 'Loading...' }) {
  const s = hash(`${seed}|${key}|transient`);
  return `(function(){var a=${s};function r(){a=(a+0x6d2b79f5)>>>0;var t=a;t=Math.imul(t^(t>>>15),t|1);t^=t+Math.imul(t^(t>>>7),t|61);return((t^(t>>>14))>>>0)/4294967296;}
var kind=r()<0.5?'toast':'spinner';var label=${JSON.stringify(label)};
function show(){var d=document.createElement('div');d.className='x'+Math.floor(r()*1e9).toString(16);
if(kind==='toast'){d.setAttribute('role','status');d.textContent=label;d.style.cssText='position:fixed;left:24px;bottom:24px;background:#1c2b33;color:#fff;padding:12px 16px;border-radius:8px;z-index:9999;pointer-events:none';}
else{d.setAttribute('role','progressbar');d.setAttribute('aria-label',label);d.style.cssText='position:fixed;left:50%;top:40%;width:48px;height:48px;margin-left:-24px;border:5px solid #dbdbdb;border-top-color:#8e8e8e;border-radius:50%;z-index:9999;pointer-events:none';}
document.body.appendChild(d);setTimeout(function(){d.remove();},250+Math.floor(r()*650));}
setTimeout(show,30+Math.floor(r()*350));
document.addEventListener('click',function(){if(r()<0.5)setTimeout(show,Math.floor(r()*120));},true);})();`;
}
