// accountscenter.instagram.com: the list of accounts in this Accounts Center.
import { BASE_CSS, esc, icon, page } from '../look.mjs';

export function accountsCenterCss(c) {
  return `${BASE_CSS}
body{background:#f0f2f5}
.${c.shell}{display:flex;min-height:100vh}
.${c.side}{width:360px;padding:32px 24px;background:#fff;border-right:1px solid #dadde1}
.${c.meta}{font-weight:600;color:#65676b;margin-bottom:8px;display:flex;align-items:center;gap:6px}
.${c.sideTitle}{font-size:24px;font-weight:700;margin:0 0 8px}
.${c.sideText}{color:#65676b;margin:0 0 20px;line-height:1.4}
.${c.sideLink}{display:flex;align-items:center;gap:12px;padding:12px;border-radius:8px;font-size:15px}
.${c.sideLink}:hover,.${c.sideLink}[aria-current="page"]{background:#f0f2f5}
.${c.content}{flex:1;padding:40px 48px;max-width:760px}
.${c.title}{font-size:24px;font-weight:700;margin:0 0 8px}
.${c.text}{color:#65676b;margin:0 0 24px}
.${c.card}{background:#fff;border-radius:12px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
.${c.row}{display:flex;align-items:center;gap:12px;padding:14px 16px;border-bottom:1px solid #e4e6eb}
.${c.row}:last-child{border-bottom:0}
.${c.avatar}{width:40px;height:40px;border-radius:50%;flex:none}
.${c.who}{flex:1;display:flex;flex-direction:column}
.${c.platform}{color:#65676b;font-size:13px}
.${c.add}{display:inline-block;margin-top:20px;padding:10px 16px;border-radius:8px;background:#0064e0;color:#fff;font-weight:600;cursor:pointer}
`;
}

function card(c, { name, platform, href, hue }) {
  return `<div role="listitem" class="${c.row}">
  <span class="${c.avatar}" style="background:hsl(${hue} 60% 60%)"></span>
  <div class="${c.who}"><span>${esc(name)}</span><span class="${c.platform}">${esc(platform)}</span></div>
  <a href="${href}" aria-label="${esc(name)}">${icon('Back', '')}</a>
</div>`;
}

export function accountsList(c, state) {
  const cards = [card(c, { name: state.instagramUsername, platform: 'Instagram', href: '/profiles/17841400000000001/', hue: 330 })];
  if (state.linked) cards.push(card(c, { name: state.facebookName, platform: 'Facebook', href: '/profiles/100000000000001/', hue: 215 }));
  const side = `<aside class="${c.side}">
  <div class="${c.meta}">Meta</div>
  <h2 class="${c.sideTitle}">Accounts Center</h2>
  <p class="${c.sideText}">Manage your connected experiences and account settings across Meta technologies like Facebook, Instagram and Meta Horizon.</p>
  <a class="${c.sideLink}" href="/profiles/">Profiles</a>
  <a class="${c.sideLink}" href="/connected_experiences/">Connected experiences</a>
  <a class="${c.sideLink}" href="/accounts/" aria-current="page">Accounts</a>
  <a class="${c.sideLink}" href="/password_and_security/">Password and security</a>
  <a class="${c.sideLink}" href="/personal_info/">Personal details</a>
</aside>`;
  const main = `<main class="${c.content}" role="main">
  <h1 class="${c.title}">Accounts</h1>
  <p class="${c.text}">Review the accounts that you have in this Accounts Center.</p>
  <div role="list" class="${c.card}">${cards.join('\n')}</div>
  <div role="button" tabindex="0" class="${c.add}">Add accounts</div>
</main>`;
  return page({
    title: 'Accounts Center',
    css: accountsCenterCss(c),
    body: `<div class="${c.shell}">${side}${main}</div>`,
  });
}
