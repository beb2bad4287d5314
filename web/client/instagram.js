// www.instagram.com: one app. Its own links navigate with pushState (fetch the page,
// swap the mount point), the feed loads batches as it scrolls, and the dialogs: new
// post, share, "Update Messaging", options.
const mount = document.getElementById(CFG.mount);
let navSeq = 0;

async function navigate(href, push) {
  const url = new URL(href, location.href);
  if (url.origin !== location.origin) { location.assign(url.href); return; }
  const seq = ++navSeq;
  let html;
  try {
    const res = await fetch(url.pathname + url.search, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    html = await res.text();
  } catch (_) {
    location.assign(url.href);
    return;
  }
  if (seq !== navSeq) return;  // a later click won
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const fresh = doc.getElementById(CFG.mount);
  if (!fresh) { location.assign(url.href); return; }
  for (const o of $$('overlay')) if (!mount.contains(o)) o.remove();
  if (push) history.pushState({ stage: true }, '', url.href);
  document.title = doc.title;
  mount.replaceChildren(...[...fresh.childNodes].map((n) => document.adoptNode(n)));
  window.scrollTo(0, 0);
  setup();
}
window.addEventListener('popstate', () => navigate(location.href, false));

on('go', (el, _, event) => {
  const href = el.getAttribute('href');
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1) { window.open(el.href, '_blank'); return; }
  closeMenus();
  const overlay = el.closest(sel('overlay'));
  if (overlay) overlay.remove();
  return navigate(href, true);
});

// ---- feed: batches as it scrolls, like the real site -------------------------------
// An IntersectionObserver on the loading spinner, and a (frame-throttled) scroll check,
// since a spinner that never leaves the margin between two batches fires no new entry.
let observer = null;
let loading = false;
let scrollQueued = false;
const nearBottom = () => {
  const s = $('feed_more');
  return !!s && s.getBoundingClientRect().top < innerHeight + 1500;
};
async function loadMore() {
  const list = $('feed_list');
  const sentinel = $('feed_more');
  if (!list || !sentinel || loading) return;
  loading = true;
  try {
    const offset = list.querySelectorAll(':scope > article').length;
    const res = await fetch(`/api/v1/feed/timeline/?offset=${offset}`, { credentials: 'same-origin' });
    const data = await res.json();
    if (!list.isConnected) return;
    list.insertAdjacentHTML('beforeend', data.html);
    if (!data.more_available) {
      sentinel.remove();
      const end = $('feed_end');
      if (end) end.hidden = false;
    }
  } finally {
    loading = false;
  }
  if (nearBottom()) loadMore();
}
window.addEventListener('scroll', () => {
  if (scrollQueued) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    if (nearBottom()) loadMore();
  });
}, { passive: true });
function setup() {
  if (observer) observer.disconnect();
  observer = null;
  const sentinel = $('feed_more');
  if (sentinel) {
    observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore();
    }, { rootMargin: '0px 0px 1500px 0px' });
    observer.observe(sentinel);
  }
}
setup();

// ---- posts ---------------------------------------------------------------------------
/** The shortcode of the post a control belongs to: from its <article>'s permalink. */
function codeOf(el) {
  const article = el.closest('article');
  const link = article && article.querySelector('a[href^="/p/"],a[href^="/reel/"]');
  return link ? link.getAttribute('href').split('/')[2] : '';
}
const permalinkOf = (el) => {
  const article = el.closest('article');
  const link = article && article.querySelector('a[href^="/p/"],a[href^="/reel/"]');
  return link ? new URL(link.getAttribute('href'), location.origin).href : location.href;
};

on('like', async (el) => {
  const code = codeOf(el);
  const liked = !!el.querySelector('svg[fill="#ff3040"]');
  await act(`/api/v1/web/likes/${code}/${liked ? 'unlike' : 'like'}/`, {}, { form: true });
  el.replaceChildren(fromTemplate(liked ? 'like' : 'unlike'));
});
on('comment', (el) => {
  const article = el.closest('article');
  const box = article && $('comment_box', article);
  const onItsPage = location.pathname.endsWith(`/${codeOf(el)}/`);
  if (box && onItsPage) { box.focus(); return; }
  return navigate(new URL(permalinkOf(el)).pathname, true);
});

let sharing = '';
on('share', (el) => {
  sharing = permalinkOf(el);
  openDialog('share');
});
function toast() {
  const t = fromTemplate('toast');
  document.body.appendChild(t);
  setTimeout(() => t.remove(), 3000);
}
on('copy_link', async (el) => {
  try { await navigator.clipboard.writeText(sharing); } catch (_) { /* no clipboard permission: the toast still says what the link is for */ }
  closeDialog(el);
  toast();
});
const SHARE_URLS = {
  facebook: (u) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(u)}`,
  messenger: (u) => `https://www.facebook.com/dialog/send?link=${encodeURIComponent(u)}`,
  whatsapp: (u) => `https://api.whatsapp.com/send?text=${encodeURIComponent(u)}`,
  email: (u) => `mailto:?body=${encodeURIComponent(u)}`,
  x: (u) => `https://twitter.com/intent/tweet?url=${encodeURIComponent(u)}`,
};
for (const kind of Object.keys(SHARE_URLS)) {
  on(`share_to_${kind}`, (el) => {
    closeDialog(el);
    window.open(SHARE_URLS[kind](sharing), '_blank', 'noopener');
  });
}

// ---- navigation menus ----------------------------------------------------------------
function closeMenus() {
  const menu = $('more_menu');
  if (menu) menu.hidden = true;
  const more = $('more');
  if (more) more.setAttribute('aria-expanded', 'false');
}
on('more', (el) => {
  const menu = $('more_menu');
  const open = menu.hidden;
  menu.hidden = !open;
  el.setAttribute('aria-expanded', String(open));
});
document.addEventListener('click', (e) => {
  if (!e.target.closest(`${sel('more')},${sel('more_menu')}`)) closeMenus();
}, true);
on('options', () => openDialog('options'));

// ---- messaging -------------------------------------------------------------------------
on('update_messaging', () => openDialog('update'));
on('update_confirm', async (el) => {
  const dlg = el.closest('[role=dialog]');
  try {
    await graphql('update_messaging');
  } catch (e) {
    if (e.rateLimited) return;
    const err = $('update_error', dlg);
    err.textContent = e.message;
    err.hidden = false;
    return;
  }
  closeDialog(el);
  await navigate(location.href, false);
});
on('update_dismiss', async (el) => {
  await graphql('dismiss_update_messaging');
  closeDialog(el);
});
for (const choice of ['chats', 'requests', 'none']) {
  on(`others_${choice}`, async () => {
    const data = await graphql('set_others_on_facebook', { choice });
    for (const key of ['chats', 'requests', 'none']) {
      const el = $(`others_${key}`);
      if (!el) continue;
      const on = data.othersOnFacebook === key;
      el.setAttribute('aria-checked', String(on));
      if (el.tagName === 'INPUT') el.checked = on;
    }
  });
}

// ---- the new-post dialog ----------------------------------------------------------------
let composer = null;
let file = null;
const STEPS = ['pick', 'crop', 'edit', 'caption', 'sharing', 'done', 'failed'];
function showStep(name) {
  for (const s of STEPS) $(`step_${s}`, composer).hidden = s !== name;
}
const stepNow = () => STEPS.find((s) => !$(`step_${s}`, composer).hidden);

on('new_post', () => {
  closeMenus();
  composer = openDialog('composer');
  file = null;
  const input = $('composer_file', composer);
  input.addEventListener('change', () => {
    const chosen = input.files && input.files[0];
    const error = $('composer_error', composer);
    if (!chosen || !/^(image|video)\//.test(chosen.type)) { error.hidden = false; return; }
    error.hidden = true;
    file = chosen;
    // "Also share to Facebook" starts as "Share your posts to Facebook" (rendered so); for a
    // video, as "Share your reels to Facebook". A photo leaves the option as it is.
    const fb = $('fb_switch', composer);
    if (fb && 'reelsDefault' in CFG && chosen.type.startsWith('video/')) fb.setAttribute('aria-checked', String(CFG.reelsDefault));
    const url = URL.createObjectURL(chosen);
    for (const img of $$('composer_preview', composer)) img.src = url;
    showStep('crop');
  });
  const caption = $('caption', composer);
  caption.addEventListener('input', () => {
    $('caption_count', composer).textContent = `${caption.value.length.toLocaleString('en')}/2,200`;
  });
});
on('composer_select', () => $('composer_file', composer).click());
on('composer_next', () => showStep({ crop: 'edit', edit: 'caption' }[stepNow()] || 'caption'));
on('composer_back', () => showStep({ crop: 'pick', edit: 'crop', caption: 'edit' }[stepNow()] || 'pick'));
on('fb_switch', (el) => el.setAttribute('aria-checked', String(el.getAttribute('aria-checked') !== 'true')));
on('accordion', (el) => {
  const open = el.getAttribute('aria-expanded') !== 'true';
  el.setAttribute('aria-expanded', String(open));
  el.nextElementSibling.hidden = !open;
});
on('composer_share', async () => {
  if (!file) { showStep('pick'); return; }
  const fb = $('fb_switch', composer);
  const toFacebook = !!fb && fb.getAttribute('aria-checked') === 'true';
  const caption = $('caption', composer).value;
  showStep('sharing');
  const started = Date.now();
  const finish = async (step) => {
    await sleep(Math.max(0, 400 - (Date.now() - started)));  // the spinner shows, however fast the stage is
    if (composer && composer.isConnected) showStep(step);
  };
  try {
    const up = await fetch(`/rupload_igphoto/fb_uploader_${Date.now()}`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'content-type': file.type, 'x-entity-name': file.name, 'x-instagram-rupload-params': JSON.stringify({ media_type: file.type.startsWith('video/') ? 2 : 1 }) },
    });
    if (!up.ok) throw new Error('upload failed');
    const { upload_id: uploadId } = await up.json();
    const form = { upload_id: uploadId, caption, source_type: 'library', media_type: file.type.startsWith('video/') ? '2' : '1',
      share_to_facebook: toFacebook ? '1' : '0' };
    if (toFacebook) Object.assign(form, { share_to_fb_destination_type: 'USER', share_to_fb_destination_id: CFG.fbUserId || '' });
    await act('/api/v1/media/configure/', form, { form: true });
    await finish('done');
  } catch (e) {
    if (e && e.rateLimited) return;
    await finish('failed');
  }
});
