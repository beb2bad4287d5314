// "Share to…": a button beside each post's own share icon (feed, post page, reel page)
// opening a menu of the networks the person enabled. The links come from the core in the
// service worker; this script finds posts, draws the control and passes choices on.
// The worker opens the share page; nothing here makes a request or posts anything.
// Its words: crosslinkI18n (strings.js), Instagram's own language or the one chosen.
(() => {
  // The native share icon, by its aria-label in every locale: the core's locator
  // native_share (core/data, a new wording is one line there), from the worker.
  let NATIVE_SHARE = ':not(*)';
  const PERMALINK = /^\/(?:[A-Za-z0-9._]+\/)?(?:p|reels?)\/[A-Za-z0-9_-]+\/?$/;
  const { msg } = crosslinkI18n;
  let NETWORK_LABEL = {};  // network → messages.json key, from the worker (the core's registry)

  let networks = [];
  let started = false;
  const send = (message) => chrome.runtime.sendMessage(message);
  const errorText = (name) => (crosslinkI18n.has(`error_${name}`) ? msg(`error_${name}`) : msg('error_unknown', name));

  // ---- finding posts ----

  const permalinkIn = (root) => {
    for (const a of root.querySelectorAll('a[href*="/p/"], a[href*="/reel"]')) {
      const url = new URL(a.getAttribute('href'), location.href);
      if (url.origin === location.origin && PERMALINK.test(url.pathname)) return url.href;
    }
    return PERMALINK.test(location.pathname) || location.pathname.startsWith('/stories/') ? location.href : null;
  };
  // A feed post is an <article>; a post or reel page's post is the page's main content.
  const postOf = (el) => el.closest('article') ?? el.closest('main, [role="main"]');
  // The native button, or the wrapper that holds only it: our control goes right after.
  function slotOf(icon, post) {
    let slot = icon.closest('button, [role="button"]') ?? icon;
    while (slot.parentElement && slot.parentElement !== post && slot.parentElement.childElementCount === 1)
      slot = slot.parentElement;
    return slot;
  }

  // A button whose icon is the text glyph "↗" drawn by share-control.css in currentColor,
  // like the site's own icons in colour and size, with no element of its own. Measured on
  // the 1,000-post feed (P4), side by side: no dearer than the same icon as boxes of
  // borders (0.85-1.00x in four runs), which were cheaper than an inline SVG; an <img> or
  // CSS background could be refused by the page's img-src policy, and a CSS mask cost
  // three times the SVG's paint time.
  let template = null;
  function control() {
    if (!template) {
      template = document.createElement('button');
      template.type = 'button';
      template.className = 'crosslink-share-button';
      template.dataset.crosslink = 'share';
      template.setAttribute('aria-haspopup', 'menu');
      template.setAttribute('aria-expanded', 'false');
      template.setAttribute('aria-label', msg('shareControlLabel'));
      template.title = msg('shareControlLabel');
    }
    return template.cloneNode(true);
  }

  function addControls(el) {
    if (!networks.length) return;
    const icons = el.matches(NATIVE_SHARE) ? [el] : el.querySelectorAll(NATIVE_SHARE);
    for (const icon of icons) {
      const post = postOf(icon);
      if (!post || post.querySelector('[data-crosslink="share"]')) continue;  // exactly one per post
      slotOf(icon, post).after(control());
    }
  }

  // ---- the menu (one for the page, opened under the button that asked) ----

  let menu = null;
  let status = null;
  let opener = null;  // {button, post, url}

  function ensureMenu() {
    if (menu) return;
    menu = document.createElement('div');
    menu.className = 'crosslink-share-menu';
    menu.setAttribute('role', 'menu');
    menu.hidden = true;
    menu.addEventListener('keydown', onMenuKey);
    menu.addEventListener('click', (e) => {
      // Only the person's own click: page script calling item.click() opens nothing.
      if (!e.isTrusted) return;
      const item = e.target.closest('[role="menuitem"]');
      if (item) choose(item);
    });
    status = document.createElement('div');
    status.className = 'crosslink-share-status';
    status.setAttribute('role', 'status');
    document.body.append(menu, status);
  }

  const items = () => [...menu.querySelectorAll('[role="menuitem"]')];

  function say(text, button) {
    status.textContent = text;
    const rect = button.getBoundingClientRect();
    Object.assign(status.style, { left: `${rect.left + scrollX}px`, top: `${rect.bottom + scrollY + 6}px` });
    status.hidden = false;
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { status.hidden = true; }, 4000);
  }

  async function open(button, focusLast = false) {
    ensureMenu();
    if (opener?.button === button && !menu.hidden) return;
    close(false);
    const post = postOf(button);
    const url = post && permalinkIn(post);
    opener = { button, post, url };
    button.setAttribute('aria-expanded', 'true');
    menu.setAttribute('role', 'menu');
    menu.setAttribute('aria-label', msg('shareControlLabel'));
    menu.replaceChildren();
    const rect = button.getBoundingClientRect();
    Object.assign(menu.style, { left: `${rect.left + scrollX}px`, top: `${rect.bottom + scrollY + 4}px` });
    menu.hidden = false;
    const reply = url
      ? await send({ type: 'content/shareLinks', url }).catch((e) => ({ ok: false, error: { name: 'worker_unavailable', detail: String(e) } }))
      : { ok: false, error: { name: 'empty_url', detail: 'no link to this post was found' } };
    if (opener?.button !== button) return;  // closed or moved on while the worker answered
    if (!reply.ok) {
      // No items to choose: a menu must hold menu items (axe aria-required-children), so
      // the box becomes a group and its message an alert, read out at once.
      menu.setAttribute('role', 'group');
      const note = document.createElement('p');
      note.className = 'crosslink-share-error';
      note.setAttribute('role', 'alert');
      note.textContent = msg('shareFailed', errorText(reply.error.name));
      menu.append(note);
      menu.tabIndex = -1;
      menu.focus();
      return;
    }
    opener.url = reply.url;
    for (const network of reply.networks) {
      const item = document.createElement('button');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.tabIndex = -1;
      item.dataset.network = network;
      item.textContent = msg(NETWORK_LABEL[network]);
      menu.append(item);
    }
    const all = items();
    (focusLast ? all[all.length - 1] : all[0])?.focus();
  }

  function close(returnFocus = true) {
    if (!opener) return;
    const { button } = opener;
    button.setAttribute('aria-expanded', 'false');
    menu.hidden = true;
    menu.replaceChildren();
    opener = null;
    if (returnFocus && button.isConnected) button.focus();
  }

  async function choose(item) {
    const { url, button } = opener;
    const network = item.dataset.network;
    close();
    if (network === 'copy') {
      try {
        await navigator.clipboard.writeText(url);
        say(msg('shareCopied'), button);
      } catch {
        say(msg('shareCopyFailed', url), button);
      }
      return;
    }
    const reply = await send({ type: 'content/openShare', url, network }).catch(() => null);
    if (!reply?.ok) say(msg('shareFailed', errorText(reply?.error?.name ?? 'worker_unavailable')), button);
  }

  function onMenuKey(e) {
    if (!e.isTrusted) return;  // keys dispatched by page script move and choose nothing
    const all = items();
    const at = all.indexOf(document.activeElement);
    const focus = (i) => all[(i + all.length) % all.length]?.focus();
    switch (e.key) {
      case 'ArrowDown': focus(at + 1); break;
      case 'ArrowUp': focus(at - 1); break;
      case 'Home': focus(0); break;
      case 'End': focus(all.length - 1); break;
      case 'Escape': close(); break;
      case 'Tab': close(); break;
      case 'Enter': case ' ':
        if (at >= 0) choose(all[at]);
        break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  // Delegated listeners: one pair for every control on the page. The control acts only
  // on the person's own events (isTrusted): page script calling button.click() or
  // dispatching a click or key opens no menu and so no share page (issue 17, finding 5);
  // the worker also opens at most one share tab a second per tab (share-routes.js).
  document.addEventListener('click', (e) => {
    const button = e.target.closest?.('.crosslink-share-button');
    if (button) {
      e.preventDefault();
      e.stopPropagation();
      if (!e.isTrusted) return;
      if (opener?.button === button) close();
      else open(button);
    } else if (opener && !menu.contains(e.target)) {
      close(false);
    }
  }, true);
  document.addEventListener('keydown', (e) => {
    const button = e.target.closest?.('.crosslink-share-button');
    if (!button || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.isTrusted) open(button, e.key === 'ArrowUp');
  }, true);

  // ---- settings ----

  async function configure() {
    const reply = await send({ type: 'content/shareConfig' }).catch(() => null);
    const next = reply?.ok ? reply.networks : [];
    if (reply?.ok) {
      NETWORK_LABEL = reply.labels;
      NATIVE_SHARE = reply.page.nativeShare.flatMap((p) => p.wordings).map((l) => `svg[aria-label="${CSS.escape(l)}"]`).join(',');
    }
    const changed = next.join() !== networks.join();
    networks = next;
    if (!changed) return;
    close(false);
    for (const old of document.querySelectorAll('[data-crosslink="share"]')) old.remove();
    if (networks.length && started) crosslinkPage.rescan(addControls);
  }

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && 'settings' in changes) configure();
  });
  // A new language: new words on every control already drawn, and on those to come.
  crosslinkI18n.onChange(() => {
    template = null;
    close(false);
    for (const button of document.querySelectorAll('.crosslink-share-button')) {
      button.setAttribute('aria-label', msg('shareControlLabel'));
      button.title = msg('shareControlLabel');
    }
  });
  crosslinkI18n.ensure().then(configure).then(() => {
    started = true;
    crosslinkPage.onElements(addControls);
  });
})();
