// www.instagram.com: the home feed, with the left navigation of the desktop site.
import { BASE_CSS, esc, icon, page } from '../look.mjs';

export function instagramCss(c) {
  return `${BASE_CSS}
.${c.shell}{display:flex;min-height:100vh}
.${c.nav}{position:fixed;top:0;bottom:0;left:0;width:245px;border-right:1px solid #dbdbdb;padding:8px 12px 20px;display:flex;flex-direction:column;background:#fff}
.${c.logo}{font:italic 600 26px/1 "Billabong","Brush Script MT",cursive;padding:25px 12px 16px}
.${c.navItem}{display:flex;align-items:center;gap:16px;padding:12px;margin:2px 0;border-radius:8px;font-size:16px}
.${c.navItem}:hover{background:#f2f2f2}
.${c.grow}{flex:1}
.${c.main}{margin-left:245px;flex:1;display:flex;justify-content:center;padding-top:24px}
.${c.feed}{width:470px}
.${c.post}{border-bottom:1px solid #dbdbdb;padding-bottom:16px;margin-bottom:16px}
.${c.postHead}{display:flex;align-items:center;gap:10px;padding:8px 0;font-weight:600}
.${c.avatar}{width:32px;height:32px;border-radius:50%;background:linear-gradient(45deg,#f9ce34,#ee2a7b,#6228d7);flex:none}
.${c.media}{aspect-ratio:1;border-radius:4px;display:block}
.${c.actions}{display:flex;gap:14px;padding:10px 0 6px}
.${c.actions} button{background:none;border:0;padding:0;cursor:pointer;color:inherit}
.${c.caption} b{margin-right:6px}
`;
}

function nav(c, state) {
  const item = (href, name, label = name) =>
    `<a class="${c.navItem}" href="${href}" role="link">${icon(name, label)}<span>${esc(label)}</span></a>`;
  return `<nav class="${c.nav}" aria-label="Primary">
  <div class="${c.logo}" aria-label="Instagram" role="img">Instagram</div>
  ${item('/', 'Home')}
  ${item('#', 'Search')}
  ${item('/explore/', 'Explore')}
  ${item('/reels/', 'Reels')}
  ${item('/direct/inbox/', 'Messenger', 'Messages')}
  ${item('#', 'Notifications')}
  ${item('#', 'New post', 'Create')}
  <a class="${c.navItem}" href="/${esc(state.instagramUsername)}/"><span class="${c.avatar}"><img alt="${esc(state.instagramUsername)}'s profile picture" width="1" height="1" style="opacity:0"></span><span>Profile</span></a>
  <div class="${c.grow}"></div>
  ${item('/accounts/edit/', 'Settings', 'Settings')}
</nav>`;
}

const HUES = [12, 48, 160, 200, 260, 320];

function post(c, n) {
  const user = `friend_${n % 37}`;
  const hue = HUES[n % HUES.length];
  return `<article class="${c.post}">
  <div class="${c.postHead}"><span class="${c.avatar}"></span><a href="/${user}/">${user}</a></div>
  <a href="/p/C${String(n).padStart(9, '0')}/" aria-label="Open post"><div class="${c.media}" style="background:linear-gradient(135deg,hsl(${hue} 70% 70%),hsl(${hue + 40} 70% 50%))"></div></a>
  <div class="${c.actions}">
    <button type="button">${icon('Like')}</button>
    <button type="button">${icon('Comment')}</button>
    <button type="button">${icon('Share', 'Share Post')}</button>
  </div>
  <div class="${c.caption}"><b>${user}</b>Photo ${n + 1} of the day.</div>
</article>`;
}

export function instagramHome(c, state) {
  const posts = Array.from({ length: 6 }, (_, n) => post(c, n)).join('\n');
  return page({
    title: 'Instagram',
    css: instagramCss(c),
    body: `<div class="${c.shell}">${nav(c, state)}<main class="${c.main}" role="main"><div class="${c.feed}">${posts}</div></main></div>`,
  });
}
