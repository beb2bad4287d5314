// Test pages for the actuator and the snapshot (issue 15 item 4, issue 17 finding 6),
// served at /__lab/<name> on every stage host. Not a replica of any Meta page: each page
// holds one hazard the extension must handle, and records in window.__lab what the page
// saw, for tests/e2e/snapshot-hardening.test.mjs to assert.
//   pointer  React-style controls that ignore a bare click(): they act on pointer and
//            mouse down/up inside their box, then click (as a person's pointer makes them)
//   decoys   a "Continue" button with hidden, inert, zero-size and off-screen copies of it
//            earlier in the page; a button covered by a transparent layer; fields holding
//            typed text (contenteditable, textarea, input) inside a dialog
//   clobber  markup that shadows document.title, querySelectorAll, documentElement and a
//            form's getAttribute (named properties)
//   modal    a <dialog> opened with showModal(): what is behind it is inert
import { esc } from './look.mjs';

const shell = (title, body, script = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${esc(title)}</title><style>body{font-family:system-ui;margin:24px}button,[role=button],[role=switch]{margin:8px;padding:8px 14px;border:1px solid #888;border-radius:6px;display:inline-block;cursor:pointer}</style></head>
<body><main>${body}</main><script>window.__lab={events:[],clicked:[]};${script}</script></body></html>`;

const POINTER = `
<h1>Pointer lab</h1>
<div id="sw" role="switch" aria-checked="false" tabindex="0" aria-label="Share to Facebook">Share to Facebook</div>
<div id="save" role="button" tabindex="0">Save changes</div>
<p id="out" role="status"></p>
<div style="height:2000px"></div>
<div id="far" role="button" tabindex="0">Far below</div>`;

// Like a control whose handlers are onPointerDown/onPointerUp: a click without a press
// inside the box first does nothing; the press must be the primary button, at a point
// inside the control.
const POINTER_JS = `
const inside = (el, e) => { const r = el.getBoundingClientRect(); return e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom; };
for (const el of document.querySelectorAll('[role=switch],[role=button]')) {
  let pressed = false, mouse = false;
  for (const type of ['pointerdown','mousedown','pointerup','mouseup','click']) el.addEventListener(type, (e) => {
    const r = el.getBoundingClientRect();
    __lab.events.push({ id: el.id, type, x: Math.round(e.clientX - r.left - r.width / 2), y: Math.round(e.clientY - r.top - r.height / 2), button: e.button });
  });
  el.addEventListener('pointerdown', (e) => { pressed = e.button === 0 && e.isPrimary && inside(el, e); mouse = false; });
  el.addEventListener('mousedown', (e) => { mouse = pressed && inside(el, e); });
  el.addEventListener('pointerup', (e) => { if (!(pressed && inside(el, e))) pressed = false; });
  el.addEventListener('click', (e) => {
    const ok = pressed && mouse && inside(el, e);
    pressed = false; mouse = false;
    if (!ok) return;
    __lab.clicked.push(el.id);
    if (el.getAttribute('role') === 'switch') el.setAttribute('aria-checked', String(el.getAttribute('aria-checked') !== 'true'));
    document.getElementById('out').textContent = el.id + ' done';
  });
}`;

const DECOYS = `
<h1>Decoy lab</h1>
<button id="d-hidden" style="display:none">Continue</button>
<div inert><button id="d-inert">Continue</button></div>
<button id="d-zero" style="width:0;height:0;padding:0;border:0;overflow:hidden">Continue</button>
<button id="d-off" style="position:absolute;left:-10000px;top:0">Continue</button>
<button id="real">Continue</button>
<div style="position:relative;display:inline-block">
  <button id="covered">Delete everything</button>
  <div id="cover" style="position:absolute;inset:0;background:transparent"></div>
</div>
<div role="dialog" aria-label="New message">
  <h2>New message</h2>
  <div id="ce" contenteditable="true" role="textbox" aria-label="Message">secret typed words in a message</div>
  <div id="ce2" contenteditable="true">plain editable draft text</div>
  <textarea id="ta" aria-label="Caption">caption typed by hand</textarea>
  <input id="in" aria-label="Search" value="search typed by hand">
  <button id="send">Send</button>
</div>`;

const DECOYS_JS = `
for (const b of document.querySelectorAll('button')) b.addEventListener('click', () => __lab.clicked.push(b.id));
document.getElementById('in').value = 'typed value after load';
document.getElementById('ta').value = 'typed caption after load';`;

const CLOBBER = `
<form name="title"><input name="getAttribute"><input name="parentElement"><input name="querySelectorAll"></form>
<img name="querySelectorAll" alt="">
<img name="querySelector" alt="">
<img name="documentElement" alt="">
<img name="getElementById" alt="">
<img name="defaultView" alt="">
<h1 id="h">Clobber lab</h1>
<form role="dialog" aria-label="Settings form" name="settings"><input name="getAttribute"><input name="closest"><input name="localName">
  <button type="button" id="inform">Save in form</button></form>
<button id="ok" aria-labelledby="h">x</button>`;

const MODAL = `
<h1>Modal lab</h1>
<button id="behind">Behind the dialog</button>
<dialog id="dlg" aria-label="Are you sure?"><p>Remove the account?</p><button id="yes">Yes, remove</button></dialog>`;
const MODAL_JS = `document.getElementById('dlg').showModal();`;

const PAGES = {
  pointer: () => shell('Pointer lab', POINTER, POINTER_JS),
  decoys: () => shell('Decoy lab', DECOYS, DECOYS_JS),
  clobber: () => shell('Clobber lab', CLOBBER),
  modal: () => shell('Modal lab', MODAL, MODAL_JS),
};

/** The lab page at this path (/__lab/<name>), or null. */
export function lab(pathname) {
  const m = /^\/__lab\/([a-z]+)$/.exec(pathname);
  return m && Object.hasOwn(PAGES, m[1]) ? PAGES[m[1]]() : null;
}
