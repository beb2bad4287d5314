// Shared by every staged page (inlined by the server, wrapped as function (CFG) {...}).
// Behaviour hangs on the random class names of this server start (CFG.hooks: name →
// class), so the markup carries no stable hook an extension could rely on. Every
// action is a same-origin POST that changes the server's state; a reload shows it.
const H = CFG.hooks;
const hookOf = new Map(Object.entries(H).map(([name, cls]) => [cls, name]));
const handlers = Object.create(null);
const on = (name, fn) => { handlers[name] = fn; };
const sel = (name) => `.${H[name]}`;
const $ = (name, root = document) => root.querySelector(sel(name));
const $$ = (name, root = document) => [...root.querySelectorAll(sel(name))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The first hooked ancestor of a click: [name, arg, element] or null. */
function hookedFrom(target) {
  for (let el = target; el && el.nodeType === 1; el = el.parentElement) {
    for (const cls of el.classList) {
      const name = hookOf.get(cls);
      if (!name) continue;
      const cut = name.indexOf(':');
      const base = cut < 0 ? name : name.slice(0, cut);
      if (handlers[base]) return [base, cut < 0 ? '' : name.slice(cut + 1), el];
    }
  }
  return null;
}

let busy = false;  // one action at a time, as a person's second click lands on a disabled control
function runHook(hit, event) {
  const [base, arg, el] = hit;
  Promise.resolve(handlers[base](el, arg, event)).catch((e) => {
    if (!e || !e.rateLimited) console.error(e);
  });
}
// reactClicks (state): like a React page, a control acts only on a pointer's whole
// sequence — pointerdown and pointerup on it, then the click. A bare click() is ignored.
const pointer = { down: null, up: null, at: 0 };
document.addEventListener('pointerdown', (e) => { const hit = hookedFrom(e.target); pointer.down = hit && hit[2]; pointer.up = null; }, true);
document.addEventListener('pointerup', (e) => { const hit = hookedFrom(e.target); pointer.up = hit && hit[2]; pointer.at = Date.now(); }, true);
document.addEventListener('click', (event) => {
  const hit = hookedFrom(event.target);
  if (!hit) return;
  const el = hit[2];
  if (el.getAttribute('aria-disabled') === 'true') { event.preventDefault(); return; }
  event.preventDefault();
  if (CFG.reactClicks && !(pointer.down === el && pointer.up === el && Date.now() - pointer.at < 1500)) return;
  pointer.down = pointer.up = null;
  runHook(hit, event);
});

// Keyboard access for the div[role=button|switch|radio] controls, and Escape on dialogs.
document.addEventListener('keydown', (event) => {
  const el = event.target;
  if (event.key === 'Escape') {
    const overlays = $$('overlay').filter((o) => !o.hidden);
    const top = overlays[overlays.length - 1];
    const close = top && $('close', top);
    if (close) close.click();
    return;
  }
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const role = el.getAttribute && el.getAttribute('role');
  if (['button', 'switch', 'radio', 'menuitem', 'option', 'link'].includes(role) && !/^(BUTTON|A|INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) {
    event.preventDefault();
    const hit = CFG.reactClicks && hookedFrom(el);
    if (hit && el.getAttribute('aria-disabled') !== 'true') runHook(hit, event);  // a key press is a person's too
    else el.click();
  }
});

/** POSTs an action to the stage; a refusal for rate limiting shows "Try Again Later". */
async function act(url, body, { form = false } = {}) {
  if (busy) throw new Error('an action is already running');
  busy = true;
  try {
    const res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json', 'x-requested-with': 'XMLHttpRequest',
        'x-stage-sent-at': String(Date.now()),  // for the audit log only (see server.mjs perform)
      },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    });
    let data = {};
    try { data = await res.json(); } catch (_) { /* an empty answer */ }
    if (res.status === 429) {
      showRateLimit();
      throw Object.assign(new Error('rate limited'), { rateLimited: true });
    }
    if (!res.ok) throw Object.assign(new Error(data.message || `HTTP ${res.status}`), { data, status: res.status });
    return data;
  } finally {
    busy = false;
  }
}
const graphql = (doc, variables = {}) => act('/api/graphql/', { doc, variables });

function fromTemplate(name) {
  const tpl = $(`tpl:${name}`);
  if (!tpl) throw new Error(`no template ${name}`);
  return tpl.content.firstElementChild.cloneNode(true);
}

/** Opens a dialog from its template on top of the page, focusing its first control. */
function openDialog(name) {
  const node = fromTemplate(name);
  document.body.appendChild(node);
  const first = node.querySelector('[role=dialog] [role=button],[role=dialog] button,[role=dialog] textarea,[role=dialog] a');
  (first || node.querySelector('[role=dialog]')).focus({ preventScroll: true });
  return node;
}
function closeDialog(el) {
  const overlay = el.closest(sel('overlay'));
  if (overlay) overlay.remove();
}
on('close', (el) => closeDialog(el));

/** "Try Again Later": the page is replaced by the refusal, as on the real site. */
function showRateLimit() {
  for (const o of $$('overlay')) o.remove();
  const mount = document.getElementById(CFG.mount);
  mount.replaceChildren(fromTemplate('rate'));
}
on('rate_ok', () => location.reload());

// cookieBanner (state): the person's choice; the page reports whether a person made it.
on('cookies', async (el, choice, event) => {
  await graphql('cookie_choice', { choice, trusted: Boolean(event && event.isTrusted) });
  closeDialog(el);
});
on('rate_tell', () => location.reload());

// The unexpected dialog of the interstitial variant: dismissing it is an action.
on('interstitial', async (el, choice) => {
  await graphql('dismiss_interstitial', { choice });
  closeDialog(el);
});
