// www.facebook.com (and m.facebook.com): the continue-as page of the Accounts Center
// hand-off, the choice between several saved accounts, the login form (never to be
// filled by the extension: every input into it is audited), a home page and the sharer.
import { BASE_CSS, avatarFor, esc, icon } from '../look.mjs';
import { renderDocument } from './common.mjs';
import { adsChoiceInner, facebookFieldInner, saveLoginInner } from '../variants.mjs';

function css(c) {
  return `${BASE_CSS}
body{background:#f0f2f5;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:20px;color:#1c1e21}
.${c.wrap}{min-height:100vh;display:flex;flex-direction:column;align-items:center;padding:72px 16px 32px}
.${c.logo}{font:700 48px/1 Helvetica,Arial,sans-serif;color:#0866ff;letter-spacing:-1.5px;margin-bottom:20px}
.${c.box}{background:#fff;border-radius:8px;box-shadow:0 2px 4px rgba(0,0,0,.1),0 8px 16px rgba(0,0,0,.1);width:396px;max-width:100%;padding:20px 16px 24px;text-align:center}
.${c.h}{font-size:20px;line-height:24px;font-weight:600;margin:4px 0 12px}
.${c.p}{color:#606770;margin:0 0 16px}
.${c.avatar}{width:96px;height:96px;border-radius:50%;display:block;margin:8px auto 12px}
.${c.small}{width:60px;height:60px;border-radius:50%}
.${c.name}{font-size:17px;font-weight:600;margin-bottom:16px}
.${c.blue}{display:flex;justify-content:center;align-items:center;width:100%;min-height:48px;border:0;border-radius:6px;background:#0866ff;color:#fff;font-size:20px;font-weight:700;cursor:pointer}
.${c.blue}:hover{background:#0759d8}
.${c.link}{display:inline-block;color:#0866ff;margin-top:16px}
.${c.link}:hover{text-decoration:underline}
.${c.field}{display:block;width:100%;height:52px;padding:14px 16px;border:1px solid #dddfe2;border-radius:6px;font-size:17px;margin-bottom:12px}
.${c.field}:focus{border-color:#0866ff;outline:none;box-shadow:0 0 0 2px #e7f3ff}
.${c.hr}{border:0;border-top:1px solid #dadde1;margin:20px 0}
.${c.green}{display:inline-flex;align-items:center;min-height:48px;padding:0 16px;border-radius:6px;background:#42b72a;color:#fff;font-size:17px;font-weight:700}
.${c.choices}{display:flex;gap:16px;justify-content:center;flex-wrap:wrap;margin:12px 0}
.${c.choice}{width:160px;background:#fff;border-radius:8px;border:1px solid #dddfe2;padding:16px 8px;display:flex;flex-direction:column;align-items:center;gap:10px;font-weight:600}
.${c.choice}:hover{box-shadow:0 2px 8px rgba(0,0,0,.15)}
.${c.error}{color:#f02849;margin:0 0 12px}
.${c.top}{position:sticky;top:0;background:#fff;height:56px;display:flex;align-items:center;gap:12px;padding:0 16px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
.${c.feed}{max-width:590px;margin:24px auto}
.${c.card}{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:12px 16px;margin-bottom:16px;text-align:left}
.${c.mind}{flex:1;background:#f0f2f5;border-radius:20px;padding:9px 12px;color:#65676b}
.${c.text}{width:100%;min-height:96px;border:0;resize:vertical;font-size:20px;outline:none}
`;
}

function doc(ctx, title, content) {
  return renderDocument(ctx, { host: 'facebook', title, css: css(ctx.c), content, interstitial: false });
}

const avatar = (c, name, cls = 'avatar') => `<img class="${c[cls]}" src="${avatarFor(name)}" alt="${esc(name)}">`;
const wordmark = (ctx) => `<div class="${ctx.c.logo}" role="img" aria-label="${esc(ctx.t('fb.facebook'))}">facebook</div>`;

/** The login URL of the Accounts Center hand-off: ?src=fxcal&show_accounts_center_content=1. */
export const isHandOff = (url) => url.searchParams.get('src') === 'fxcal';

/** facebook_continue_as: "Continue" as the one saved account, or "Not you?". */
export function continueAs(ctx, url) {
  const { c, h, t, state } = ctx;
  const name = state.facebookAccounts[0];
  const notYou = new URL(url);
  notYou.searchParams.set('login_as_other', '1');
  return doc(ctx, t('fb.facebook'), `<div class="${c.wrap}">${wordmark(ctx)}<div class="${c.box}">
<h1 class="${c.h}">${esc(t('fb.continue_as.heading'))}</h1>
${avatar(c, name)}<div class="${c.name}" role="heading" aria-level="2">${esc(t('fb.continue_as.as', { name }))}</div>
<div role="button" tabindex="0" class="${c.blue} ${h('fb_continue:0')}">${esc(t('fb.continue'))}</div>
<a class="${c.link}" href="${esc(notYou.pathname + notYou.search)}">${esc(t('fb.not_you'))}</a>
</div></div>`);
}

/** saveLoginInfo: "Save your login info?" — the person's choice; either leads on to `next`. */
export function saveLogin(ctx, next) {
  const { c } = ctx;
  return doc(ctx, ctx.t('fb.facebook'), `<div class="${c.wrap}">${wordmark(ctx)}<div class="${c.box}" data-next="${esc(next)}">${saveLoginInner(ctx)}</div></div>`);
}

/** adsChoice: the "subscribe for no ads" interstitial, in place of the page asked for. */
export function adsChoice(ctx) {
  const { c } = ctx;
  return doc(ctx, ctx.t('fb.facebook'), `<div class="${c.wrap}">${wordmark(ctx)}<div class="${c.box}">${adsChoiceInner(ctx)}</div></div>`);
}

/** checkpoint (two-factor) or facebookPassword (the password of `account`, the one continued as): the person types; then on to `next`. */
export function personField(ctx, hook, next, account) {
  const { c } = ctx;
  return doc(ctx, ctx.t('fb.facebook'), `<div class="${c.wrap}">${wordmark(ctx)}<div class="${c.box}" data-next="${esc(next)}">${facebookFieldInner(ctx, hook, account)}</div></div>`);
}

/** facebook_choose_account: one card per saved account, and "Use another account". */
export function chooseAccount(ctx, url) {
  const { c, h, t, state } = ctx;
  const other = new URL(url);
  other.searchParams.set('login_as_other', '1');
  const cards = state.facebookAccounts.map((name, i) =>
    `<div role="button" tabindex="0" class="${c.choice} ${h(`fb_continue:${i}`)}" aria-label="${esc(name)}">${avatar(c, name, 'small')}<span>${esc(name)}</span></div>`).join('');
  return doc(ctx, t('fb.facebook'), `<div class="${c.wrap}">${wordmark(ctx)}<div class="${c.box}" style="width:560px">
<h1 class="${c.h}">${esc(t('fb.choose.title'))}</h1><p class="${c.p}">${esc(t('fb.choose.text'))}</p>
<div class="${c.choices}" role="list">${cards}</div>
<a class="${c.link}" href="${esc(other.pathname + other.search)}">${esc(t('fb.choose.other'))}</a>
</div></div>`);
}

/** facebook_login: the form the extension must never fill. */
export function login(ctx, url, error = '') {
  const { c, h, t } = ctx;
  const handOff = isHandOff(url);
  const hidden = [...url.searchParams].filter(([k]) => k !== 'login_as_other')
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  return doc(ctx, t('fb.login.title'), `<div class="${c.wrap}">${wordmark(ctx)}
<p class="${c.p}" style="font-size:20px;max-width:400px;text-align:center;line-height:26px">${esc(handOff ? t('fb.login.ac_note') : t('fb.login.tagline'))}</p>
<div class="${c.box}"><h1 class="${c.h}" style="font-size:18px">${esc(t('fb.login.title'))}</h1>
<form method="post" action="/login/device-based/regular/login/?login_attempt=1" class="${h('login_form')}" novalidate>
${error ? `<p class="${c.error}" role="alert">${esc(error)}</p>` : ''}${hidden}
<input class="${c.field} ${h('login_field')}" type="text" name="email" autocomplete="username" aria-label="${esc(t('fb.login.email'))}" placeholder="${esc(t('fb.login.email'))}">
<input class="${c.field} ${h('login_field')}" type="password" name="pass" autocomplete="current-password" aria-label="${esc(t('fb.login.password'))}" placeholder="${esc(t('fb.login.password'))}">
<button class="${c.blue}" type="submit" name="login">${esc(t('fb.login.submit'))}</button>
</form>
<a class="${c.link}" href="/recover/initiate/">${esc(t('fb.login.forgot'))}</a><hr class="${c.hr}">
<a class="${c.green}" role="button" href="/r.php">${esc(t('fb.login.create'))}</a></div></div>`);
}

/** www.facebook.com/ when logged in: enough of a home page to be recognised. */
export function home(ctx) {
  const { c, t, state } = ctx;
  const name = state.facebookAccounts[0];
  return doc(ctx, t('fb.facebook'), `<div class="${c.top}">${icon('Facebook', t('fb.facebook'), { size: 40 })}</div>
<div class="${c.feed}"><div class="${c.card}" style="display:flex;gap:8px;align-items:center">${avatar(c, name, 'small').replace('60px', '40px')}<div class="${c.mind}">${esc(t('fb.home.whats_on_your_mind', { name: name.split(' ')[0] }))}</div></div></div>`);
}

/** /sharer/sharer.php?u=…: Facebook's official share page. */
export function sharer(ctx, url) {
  const { c, h, t } = ctx;
  const target = url.searchParams.get('u') || '';
  const body = target
    ? `<p class="${c.p}" style="word-break:break-all">${esc(target)}</p><textarea class="${c.text} ${h('share_message')}" aria-label="${esc(t('fb.sharer.say'))}" placeholder="${esc(t('fb.sharer.say'))}"></textarea>
<div role="button" tabindex="0" class="${c.blue} ${h('fb_share')}">${esc(t('fb.sharer.post'))}</div><p role="status" class="${c.p} ${h('share_done')}" hidden>${esc(t('fb.sharer.done'))}</p>`
    : `<p class="${c.error}" role="alert">${esc(t('fb.sharer.missing'))}</p>`;
  return doc(ctx, t('fb.sharer.title'), `<div class="${c.top}">${icon('Facebook', t('fb.facebook'), { size: 40 })}<strong>${esc(t('fb.sharer.title'))}</strong></div>
<div class="${c.feed}"><div class="${c.card}">${body}</div></div>`);
}
