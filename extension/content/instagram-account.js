// Which Instagram account is logged in (issue 19 items 4/5): the links of the site's
// navigation, in the snapshot's shape, go to the worker, where the core finds the profile
// link ("<username>'s profile picture Profile", href /<username>/: locator
// instagram_profile_link) and names the account. Sent when the navigation first shows
// and again only when its links change (an account switch re-renders it). Nothing of the
// feed or of any field is read; only the navigation's links.
(() => {
  const NAV = '[role="navigation"], nav';
  const MAX_LINKS = 60;
  let lastSent = '';
  let timer = 0;

  const squash = (s) => (s ?? '').replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ ?\n\s*/g, '\n').trim().slice(0, 200);
  // The link's name as a screen reader hears it: aria-label, else its text and icon labels.
  function nameOf(a) {
    if (a.getAttribute('aria-label')) return squash(a.getAttribute('aria-label'));
    let out = '';
    const walk = (node) => {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) out += n.data;
        else if (n.nodeType === 1 && n.getAttribute('aria-hidden') !== 'true') {
          const label = n.getAttribute('aria-label') || (n.localName === 'img' ? n.getAttribute('alt') : '');
          if (label) out += ` ${label} `;
          else walk(n);
        }
      }
    };
    walk(a);
    return squash(out);
  }

  function look() {
    timer = 0;
    const elements = [];
    for (const a of document.querySelectorAll(`:is(${NAV}) a[href]`)) {
      elements.push({ i: elements.length, role: 'link', name: nameOf(a), text: squash(a.innerText), href: a.getAttribute('href') });
      if (elements.length >= MAX_LINKS) break;
    }
    if (!elements.length) return;
    const links = JSON.stringify(elements);
    if (links === lastSent) return;  // the same navigation on another page of the site
    lastSent = links;
    const text = JSON.stringify({ url: location.href, lang: document.documentElement.lang || '', title: '', elements });
    chrome.runtime.sendMessage({ type: 'content/instagramAccount', snapshot: text }).catch(() => {
      lastSent = '';  // the worker was restarting: try again on the next change
    });
  }
  const soon = () => { if (!timer) timer = setTimeout(look, 300); };

  crosslinkPage.onElements((el) => {
    if (el === document.documentElement || el.matches(NAV) || el.closest(NAV) || el.querySelector(NAV)) soon();
  });
})();
