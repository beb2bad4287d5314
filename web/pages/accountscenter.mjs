// accountscenter.instagram.com: overview, accounts list, adding a Facebook account
// (finish setup, profile sync), an account's detail with its removal, connected
// experiences and the sharing switches. Layout A has the side column of the desktop
// site; layout B a top bar, other nesting and order, and the live removal wording.
import { BASE_CSS, avatarFor, dialog, esc, icon } from '../look.mjs';
import { renderDocument } from './common.mjs';
import { birthdayText, finishSpinnerAttr, newPasswordText, reauthText } from '../variants.mjs';

export const INSTAGRAM_PROFILE_ID = '17841400000000001';
export const facebookId = (state, name) => {
  const i = state.facebookAccounts.indexOf(name);
  return String(100000000000001 + (i < 0 ? 98 : i));
};
/** Where "Add accounts" leads: its own page, or (linkSteps "dialogs") a dialog over the list. */
export const addAccountsUrl = (state) => (state.linkSteps === 'dialogs' ? `/add/?background_page=${encodeURIComponent('/accounts/')}` : '/add/');
export const facebookLoginUrl = (state) =>
  `https://${state.facebookLoginHost}/login/?src=fxcal&show_accounts_center_content=1&next=${encodeURIComponent('https://accountscenter.instagram.com/add/confirm/')}`;

function css(c) {
  return `${BASE_CSS}
body{font-size:15px;line-height:20px;color:#1c2b33;background:#fff}
.${c.shell}{display:flex;min-height:100vh}
.${c.side}{width:380px;flex:none;padding:36px 24px 24px 40px;border-right:1px solid #dee3e9;position:sticky;top:0;height:100vh;overflow:auto}
.${c.meta}{display:flex;align-items:center;gap:6px;font-weight:600;color:#1c2b33;margin-bottom:12px}
.${c.sideTitle}{font-size:24px;line-height:28px;font-weight:700;margin:0 0 8px}
.${c.sideText}{color:#465a69;font-size:13px;line-height:17px;margin:0 0 20px}
.${c.sideGroup}{font-size:13px;font-weight:600;color:#465a69;margin:18px 12px 6px}
.${c.sideLink}{display:flex;align-items:center;gap:12px;padding:12px;border-radius:8px}
.${c.sideLink}:hover{background:#f1f4f7}
.${c.sideLink}[aria-current=page]{background:#e8f0fe;font-weight:600}
.${c.content}{flex:1;padding:40px 48px 64px;max-width:800px}
.${c.top}{display:flex;align-items:center;gap:24px;padding:12px 32px;border-bottom:1px solid #dee3e9;position:sticky;top:0;background:#fff;z-index:5}
.${c.topNav}{display:flex;gap:4px;flex-wrap:wrap}
.${c.topNav} a{padding:8px 12px;border-radius:20px}
.${c.topNav} a[aria-current=page]{background:#e8f0fe;font-weight:600}
.${c.narrow}{max-width:680px;margin:0 auto;padding:32px 16px 64px}
.${c.back}{display:inline-flex;margin:0 0 12px -6px;padding:6px;border-radius:50%}
.${c.back}:hover{background:#f1f4f7}
.${c.title}{font-size:24px;line-height:28px;font-weight:700;margin:0 0 8px}
.${c.text}{color:#465a69;margin:0 0 24px}
.${c.section}{font-size:17px;font-weight:700;margin:28px 0 12px}
.${c.card}{border:1px solid #dee3e9;border-radius:12px;overflow:hidden;background:#fff}
.${c.row}{display:flex;align-items:center;gap:12px;padding:14px 16px;min-height:64px}
.${c.row}+.${c.row}{border-top:1px solid #dee3e9}
a.${c.row}:hover,.${c.rowLink}:hover{background:#f1f4f7}
.${c.rowLink}{display:flex;align-items:center;gap:12px;flex:1;padding:14px 16px;margin:-14px -16px}
.${c.avatar}{width:40px;height:40px;border-radius:50%;flex:none}
.${c.avatarBig}{width:72px;height:72px;border-radius:50%;border:3px solid #fff;box-shadow:0 0 0 1px #dee3e9}
.${c.badge}{width:18px;height:18px;margin:-16px 0 0 -18px;background:#fff;border-radius:50%;align-self:flex-end}
.${c.who}{flex:1;display:flex;flex-direction:column;min-width:0}
.${c.name}{font-weight:600}
.${c.sub}{color:#465a69;font-size:13px;line-height:17px}
.${c.chev}{color:#465a69;flex:none}
.${c.primary}{display:inline-flex;justify-content:center;align-items:center;padding:10px 20px;min-height:44px;border-radius:22px;background:#0064e0;color:#fff;font-weight:600;border:0}
.${c.primary}:hover{background:#0057c2}
.${c.secondary}{display:inline-flex;justify-content:center;align-items:center;padding:10px 20px;min-height:44px;border-radius:22px;background:#fff;color:#1c2b33;font-weight:600;border:1px solid #cbd2d9}
.${c.full}{display:flex;width:100%;margin-top:12px}
.${c.danger}{color:#c80a28;font-weight:600}
.${c.pair}{display:flex;justify-content:center;margin:8px 0 24px}
.${c.pair} img+img{margin-left:-16px}
.${c.center}{max-width:480px;margin:48px auto;padding:0 16px;text-align:center}
.${c.center} .${c.text}{text-align:center}
.${c.switchRow}{display:flex;align-items:center;gap:12px;padding:14px 16px}
.${c.switchRow}+.${c.switchRow}{border-top:1px solid #dee3e9}
.${c.switchLabel}{flex:1}
.${c.toggle}{appearance:none;-webkit-appearance:none;position:relative;flex:none;width:44px;height:24px;border-radius:12px;background:#cbd2d9;margin:0;cursor:pointer;transition:background .15s}
.${c.toggle}::after{content:"";position:absolute;top:2px;left:2px;width:20px;height:20px;border-radius:50%;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.3);transition:left .15s}
.${c.toggle}[aria-checked=true]{background:#0064e0}
.${c.toggle}[aria-checked=true]::after{left:22px}
.${c.toggle}:focus-visible{outline:2px solid #0064e0;outline-offset:2px}
.${c.dialog}.${c.acDialog}{text-align:left;width:500px;padding:20px 24px 24px;border-radius:12px}
.${c.acDialogHead}{display:flex;justify-content:flex-end;margin:-6px -8px 4px}
.${c.acDialogHead} [role=button]{padding:6px;border-radius:50%;display:flex}
.${c.toast}{position:fixed;left:24px;bottom:24px;background:#1c2b33;color:#fff;padding:12px 16px;border-radius:8px}
`;
}

const avatar = (c, name, cls = 'avatar') => `<img class="${c[cls]}" src="${avatarFor(name)}" alt="">`;
const back = (ctx, href) => `<a class="${ctx.c.back}" href="${href}">${icon('Back', ctx.t('ac.nav.back'))}</a>`;

/** The frame: layout A a side column, layout B a top bar; `current` marks the nav link. */
function frame(ctx, current, main) {
  const { c, t } = ctx;
  const link = (href, id, key, ic) => `<a class="${ctx.layout === 'A' ? c.sideLink : ''}" href="${href}"${current === key ? ' aria-current="page"' : ''}>${ctx.layout === 'A' ? icon(ic, '', { size: 20 }) : ''}<span>${esc(t(id))}</span></a>`;
  const links = [
    link('/profiles/', 'ac.nav.profiles', 'profiles', 'Person'),
    link('/connected_experiences/', 'ac.nav.connected', 'connected', 'Sharing'),
  ];
  const settings = [
    link('/password_and_security/', 'ac.nav.password', 'password', 'Shield'),
    link('/personal_info/', 'ac.nav.personal', 'personal', 'Card'),
    link('/info_and_permissions/', 'ac.nav.information', 'info', 'Info'),
    link('/ad_preferences/', 'ac.nav.ads', 'ads', 'Ads'),
    link('/accounts/', 'ac.nav.accounts', 'accounts', 'Globe'),
  ];
  const meta = `<div class="${c.meta}">${icon('Meta', t('ac.meta'), { size: 22 })}<span>${esc(t('ac.meta'))}</span></div>`;
  if (ctx.layout === 'A') {
    return `<div class="${c.shell}"><div class="${c.side}" role="navigation" aria-label="${esc(t('ac.title'))}">
  ${meta}<a href="/"><h2 class="${c.sideTitle}">${esc(t('ac.title'))}</h2></a>
  <p class="${c.sideText}">${esc(t('ac.intro'))}</p>
  ${links.join('\n')}
  <div class="${c.sideGroup}">${esc(t('ac.nav.account_settings'))}</div>
  ${settings.join('\n')}
</div><main class="${c.content}" role="main">${main}</main></div>`;
  }
  return `<div><header class="${c.top}"><a href="/" class="${c.meta}" style="margin:0">${icon('Meta', t('ac.meta'), { size: 22 })}<span>${esc(t('ac.title'))}</span></a>
  <nav class="${c.topNav}" aria-label="${esc(t('ac.title'))}">${[...settings.slice(-1), ...links, ...settings.slice(0, -1)].join('')}</nav></header>
  <div class="${c.narrow}"><main role="main">${main}</main></div>
  <footer class="${c.sub}" style="text-align:center;padding:24px">${esc(t("common.footer"))}</footer></div>`;
}

function doc(ctx, title, current, main, templates = '') {
  return renderDocument(ctx, {
    host: 'accountscenter', title: title === ctx.t('ac.title') ? title : `${title} | ${ctx.t('ac.title')}`, css: css(ctx.c),
    content: `${frame(ctx, current, main)}${ctx.overlay ?? ''}`, templates: `${templates}${ctx.extraTemplates ?? ''}`,
  });
}

const rowLink = (c, href, title, sub, lead = '') => `<a class="${c.row}" href="${href}">${lead}<div class="${c.who}"><span class="${c.name}">${esc(title)}</span>${sub ? `<span class="${c.sub}">${esc(sub)}</span>` : ''}</div>${icon('Chevron', '', { size: 20, cls: c.chev })}</a>`;

/** accounts_center_overview: `/`. */
export function overview(ctx) {
  const { c, t, state } = ctx;
  const profiles = `<div class="${c.card}">${rowLink(c, '/profiles/', t('ac.nav.profiles'), t('ac.overview.profiles_detail'),
    `<span class="${c.pair}" style="margin:0">${avatar(c, state.instagramUsername)}${state.linked ? avatar(c, state.facebookName) : ''}</span>`)}</div>`;
  const connected = `<div class="${c.card}">${rowLink(c, '/connected_experiences/cross_posting/', t('ac.ce.sharing'), t('ac.ce.sharing_detail'), icon('Sharing', '', { size: 24 }))}${rowLink(c, '/connected_experiences/', t('ac.ce.login'), '', icon('Key', '', { size: 24 }))}</div>`;
  const settings = `<div class="${c.card}">${[
    ['/password_and_security/', 'ac.nav.password', 'Shield'], ['/personal_info/', 'ac.nav.personal', 'Card'],
    ['/info_and_permissions/', 'ac.nav.information', 'Info'], ['/ad_preferences/', 'ac.nav.ads', 'Ads'],
    ['/accounts/', 'ac.nav.accounts', 'Globe'],
  ].map(([href, id, ic]) => rowLink(c, href, t(id), id === 'ac.nav.accounts' ? t('ac.overview.accounts_detail') : '', icon(ic, '', { size: 24 }))).join('')}</div>`;
  const blocks = [
    `<h2 class="${c.section}">${esc(t('ac.nav.profiles'))}</h2>${profiles}`,
    `<h2 class="${c.section}">${esc(t('ac.nav.connected'))}</h2><p class="${c.sub}">${esc(t('ac.overview.connected_detail'))}</p>${connected}`,
    `<h2 class="${c.section}">${esc(t('ac.nav.account_settings'))}</h2>${settings}`,
  ];
  if (ctx.layout === 'B') blocks.reverse();
  return doc(ctx, t('ac.title'), '', `<h1 class="${c.title}">${esc(t('ac.title'))}</h1><p class="${c.text}">${esc(t('ac.intro'))}</p>${blocks.join('')}`);
}

/** The accounts in this Accounts Center, Instagram first (A) or Facebook first (B). */
function accountCards(ctx) {
  const { c, t, state } = ctx;
  const card = (name, platform, id, platformIcon, facebook) => {
    const who = `${avatar(c, name)}${icon(platformIcon, '', { size: 18, cls: c.badge })}<div class="${c.who}"><span class="${c.name}">${esc(name)}</span><span class="${c.sub}">${esc(platform)}</span></div>`;
    if (ctx.layout === 'A') {
      return `<div role="listitem" class="${c.row}"><a class="${c.rowLink}" href="/profiles/${id}/" aria-label="${esc(name)}">${who}${icon('Chevron', '', { size: 20, cls: c.chev })}</a></div>`;
    }
    const label = facebook ? t('ac.accounts.manage_b', { name }) : name;
    return `<div role="listitem" class="${c.row}"><div class="${c.who}" style="flex-direction:row;align-items:center;gap:12px"><div style="display:flex;align-items:center">${who}</div></div><div><a href="/profiles/${id}/" aria-label="${esc(label)}" class="${c.back}" style="margin:0">${icon('Chevron', '', { size: 20, cls: c.chev })}</a></div></div>`;
  };
  const cards = [card(state.instagramUsername, t('ac.accounts.instagram'), INSTAGRAM_PROFILE_ID, 'Instagram', false)];
  if (state.linked) cards.push(card(state.facebookName, t('ac.accounts.facebook'), facebookId(state, state.facebookName), 'Facebook', true));
  if (ctx.layout === 'B') cards.reverse();
  return `<div role="list" class="${c.card}">${cards.join('\n')}</div>`;
}

/** accounts_center_accounts: `/accounts/`. */
export function accountsList(ctx) {
  const { c, t } = ctx;
  const add = `<a role="button" class="${c.primary}${ctx.layout === 'A' ? ` ${c.full}` : ''}" href="${addAccountsUrl(ctx.state)}">${esc(t('ac.accounts.add'))}</a>`;
  const main = ctx.layout === 'A'
    ? `<h1 class="${c.title}">${esc(t('ac.accounts.title'))}</h1><p class="${c.text}">${esc(t('ac.accounts.text'))}</p>${accountCards(ctx)}<div style="margin-top:16px">${add}</div><p class="${c.sub}" style="margin-top:16px">${esc(t('ac.accounts.limit'))}</p>`
    : `${back(ctx, '/')}<div style="display:flex;align-items:flex-start;gap:16px"><div style="flex:1"><h1 class="${c.title}">${esc(t('ac.accounts.title'))}</h1><p class="${c.text}">${esc(t('ac.accounts.text'))}</p></div>${add}</div><section>${accountCards(ctx)}</section>`;
  return doc(ctx, t('ac.accounts.title'), 'accounts', main);
}

/** accounts_center_add_accounts: `/add/`. */
export function addAccounts(ctx) {
  const { c, t, state } = ctx;
  const facebook = state.linked
    ? `<div class="${c.row}" role="button" aria-disabled="true" tabindex="-1">${icon('Facebook', '', { size: 32 })}<div class="${c.who}"><span class="${c.name}">${esc(t('ac.add.facebook'))}</span><span class="${c.sub}">${esc(t('ac.add.already'))}</span></div></div>`
    : `<a class="${c.row}" role="button" href="${esc(facebookLoginUrl(ctx.state))}">${icon('Facebook', '', { size: 32 })}<div class="${c.who}"><span class="${c.name}">${esc(t('ac.add.facebook'))}</span></div>${icon('Chevron', '', { size: 20, cls: c.chev })}</a>`;
  const instagram = `<a class="${c.row}" role="button" href="https://www.instagram.com/accounts/login/">${icon('Instagram', '', { size: 32 })}<div class="${c.who}"><span class="${c.name}">${esc(t('ac.add.instagram'))}</span></div>${icon('Chevron', '', { size: 20, cls: c.chev })}</a>`;
  const options = ctx.layout === 'A' ? [facebook, instagram] : [instagram, facebook];
  return doc(ctx, t('ac.add.title'), 'accounts',
    `${back(ctx, '/accounts/')}<h1 class="${c.title}">${esc(t('ac.add.title'))}</h1><p class="${c.text}">${esc(t('ac.add.text'))}</p><div class="${c.card}">${options.join('')}</div>`);
}

/** accounts_center_finish_setup: `/add/confirm/?etoken=…`; pending: the account or null. */
export function finishSetup(ctx, etoken, pending) {
  const { c, h, t, state } = ctx;
  if (!pending) {
    return doc(ctx, t('ac.add.title'), 'accounts',
      `<div class="${c.center}"><h1 class="${c.title}">${esc(t('ac.add.title'))}</h1><p class="${c.text}" role="alert">${esc(t('ac.finish.expired'))}</p><a role="button" class="${c.primary}" href="/add/">${esc(t('ac.accounts.add'))}</a></div>`);
  }
  return doc(ctx, t('ac.add.title'), 'accounts', finishParts(ctx, pending));
}

/** The finish step's content (a page's main, or a dialog's). */
function finishParts(ctx, pending, heading = 'h1') {
  const { c, h, t, state } = ctx;
  const name = pending.account;
  const yes = `<div role="button" tabindex="0" class="${c.primary} ${c.full} ${h('finish')}"${finishSpinnerAttr(state)}>${esc(t('ac.finish.yes'))}</div>`;
  const cancel = `<a role="button" class="${c.secondary} ${c.full}" href="/accounts/">${esc(t('ac.finish.cancel'))}</a>`;
  const body = `<div class="${c.pair}">${avatar(c, state.instagramUsername, 'avatarBig')}${avatar(c, name, 'avatarBig')}</div><${heading} class="${c.title}">${esc(t('ac.finish.title', { name }))}</${heading}><p class="${c.text}">${esc(t('ac.finish.text', { name, username: state.instagramUsername }))}</p>`;
  return ctx.layout === 'A'
    ? `<div class="${c.center}">${body}${yes}${cancel}</div>`
    : `<div class="${c.center}"><section>${body}</section><footer>${cancel}${yes}</footer></div>`;
}

/** accounts_center_profile_sync: `/add/sync/`. */
export function profileSync(ctx) {
  return doc(ctx, ctx.t('ac.sync.title'), 'accounts', syncParts(ctx));
}

function syncParts(ctx, heading = 'h1') {
  const { c, h, t, state } = ctx;
  const buttons = [
    `<div role="button" tabindex="0" class="${c.primary} ${c.full} ${h('sync:on')}">${esc(t('ac.sync.continue'))}</div>`,
    `<div role="button" tabindex="0" class="${c.secondary} ${c.full} ${h('sync:off')}">${esc(t('ac.sync.not_now'))}</div>`,
  ];
  if (ctx.layout === 'B') buttons.reverse();
  return `<div class="${c.center}"><div class="${c.pair}">${avatar(c, state.instagramUsername, 'avatarBig')}${avatar(c, state.facebookName, 'avatarBig')}</div><${heading} class="${c.title}">${esc(t('ac.sync.title'))}</${heading}><p class="${c.text}">${esc(t('ac.sync.text'))}</p><div>${buttons.join('')}</div></div>`;
}

/**
 * linkSteps "dialogs" (FACTS.md, December 2026): add, finish and sync are dialogs over a
 * background page, addressed by query string — `/add/?background_page=/accounts/` (add
 * accounts), `/add/?auth_flow=ig_linking&background_page=/&blob=…&token=…` (finish), the
 * same with `&step=sync` (profile sync; the finish dialog turns into it in place).
 * step: 'add' | 'finish' | 'sync'; pending: the account being linked (finish) or null.
 */
export function linkDialog(ctx, step, pending, backgroundPage) {
  const { c, h, t } = ctx;
  const overlay = (label, inner) => dialog(c, { label, inner: `<div style="text-align:left">${inner}</div>`, extraClass: h('overlay') });
  if (step === 'add') {
    const facebook = ctx.state.linked
      ? `<div class="${c.row}" role="button" aria-disabled="true" tabindex="-1">${icon('Facebook', '', { size: 32 })}<div class="${c.who}"><span class="${c.name}">${esc(t('ac.add.facebook'))}</span><span class="${c.sub}">${esc(t('ac.add.already'))}</span></div></div>`
      : `<a class="${c.row}" role="button" href="${esc(facebookLoginUrl(ctx.state))}">${icon('Facebook', '', { size: 32 })}<div class="${c.who}"><span class="${c.name}">${esc(t('ac.add.facebook'))}</span></div>${icon('Chevron', '', { size: 20, cls: c.chev })}</a>`;
    ctx.overlay = overlay(t('ac.add.title'), `<div style="padding:20px 24px"><h2 class="${c.title}">${esc(t('ac.add.title'))}</h2><p class="${c.text}">${esc(t('ac.add.text'))}</p><div class="${c.card}">${facebook}</div></div>`);
  } else if (step === 'finish' && pending) {
    ctx.overlay = overlay(t('ac.add.title'), finishParts(ctx, pending, 'h2'));
    ctx.extraTemplates = `<template class="${h('tpl:sync')}">${overlay(t('ac.sync.title'), syncParts(ctx, 'h2'))}</template>`;
  } else if (step === 'finish') {
    ctx.overlay = overlay(t('ac.add.title'), `<div class="${c.center}"><h2 class="${c.title}">${esc(t('ac.add.title'))}</h2><p class="${c.text}" role="alert">${esc(t('ac.finish.expired'))}</p><a role="button" class="${c.primary}" href="${addAccountsUrl(ctx.state)}">${esc(t('ac.accounts.add'))}</a></div>`);
  } else {
    ctx.overlay = overlay(t('ac.sync.title'), syncParts(ctx, 'h2'));
  }
  if (backgroundPage === '/accounts/') return accountsList(ctx);
  if (backgroundPage === '/connected_experiences/cross_posting/') return sharing(ctx);
  if (backgroundPage === '/connected_experiences/') return connectedExperiences(ctx);
  return overview(ctx);
}

function acDialog(ctx, tpl, title, text, buttons) {
  const { c, h, t } = ctx;
  return `<template class="${h(`tpl:${tpl}`)}"><div class="${c.overlay} ${h('overlay')}"><div role="dialog" aria-modal="true" aria-label="${esc(title)}" class="${c.dialog} ${c.acDialog}" tabindex="-1">
<div class="${c.acDialogHead}"><div role="button" tabindex="0" class="${h('close')}">${icon('Close', t('ac.nav.close'), { size: 20 })}</div></div>
<h2 class="${c.title}" style="font-size:20px">${esc(title)}</h2><p class="${c.text}">${esc(text)}</p>${buttons}</div></div></template>`;
}

/** accounts_center_account_detail: `/profiles/<id>/`, with the removal dialogs. */
export function accountDetail(ctx, id) {
  const { c, h, t, state } = ctx;
  const isInstagram = id === INSTAGRAM_PROFILE_ID;
  const isFacebook = state.linked && id === facebookId(state, state.facebookName);
  if (!isInstagram && !isFacebook) return null;
  const name = isInstagram ? state.instagramUsername : state.facebookName;
  const kind = isInstagram ? t('ac.detail.instagram_account') : t('ac.detail.facebook_account');
  const head = `<div style="display:flex;align-items:center;gap:16px;margin-bottom:16px">${avatar(c, name, 'avatarBig')}<div><h1 class="${c.title}" style="margin:0">${esc(name)}</h1><span class="${c.sub}">${esc(kind)}</span></div></div>`;
  if (isInstagram) {
    return doc(ctx, name, 'accounts', `${back(ctx, '/accounts/')}${head}<p class="${c.text}">${esc(t('ac.detail.cannot_remove'))}</p>`);
  }
  const help = state.removalWording === 'help' || (state.removalWording === 'layout' && ctx.layout === 'A');
  const removeLabel = help ? t('ac.detail.remove_a') : t('ac.detail.remove_b');
  const remove = `<div role="button" tabindex="0" class="${c.row} ${h('remove')}"><span class="${c.danger}">${esc(removeLabel)}</span></div>`;
  const confirmLabel = help ? t('ac.remove.confirm_a', { name }) : t('ac.remove.confirm_b', { name });
  const templates = acDialog(ctx, 'remove_intro', t('ac.remove.intro_title', { name }), t('ac.remove.intro_text'),
    `<div role="button" tabindex="0" class="${c.primary} ${c.full} ${h('remove_continue')}">${esc(t('ac.remove.continue'))}</div><div role="button" tabindex="0" class="${c.secondary} ${c.full} ${h('close')}">${esc(t('ac.remove.cancel'))}</div>`)
    + acDialog(ctx, 'remove_confirm', t('ac.remove.confirm_title'), t('ac.remove.confirm_text', { name }),
      `<div role="button" tabindex="0" class="${c.primary} ${c.full} ${h('remove_confirm')}" style="background:#c80a28">${esc(confirmLabel)}</div><div role="button" tabindex="0" class="${c.secondary} ${c.full} ${h('close')}">${esc(t('ac.remove.cancel'))}</div>`);
  const main = ctx.layout === 'A'
    ? `${back(ctx, '/accounts/')}${head}<p class="${c.text}">${esc(t('ac.detail.text'))}</p><div class="${c.card}">${remove}</div>`
    : `${back(ctx, '/accounts/')}<section><div class="${c.card}"><div>${remove}</div></div></section><section style="margin-top:24px">${head}<p class="${c.text}">${esc(t('ac.detail.text'))}</p></section>`;
  return doc(ctx, name, 'accounts', main, templates);
}

/** A step where Meta asks the person for a password or their birthday (`?next=` the page to return to): never typed by us. */
function personStep(ctx, next, words, hook, autocomplete, type = 'password') {
  const { c, h } = ctx;
  const id = `${c.lbl}_${hook}`;
  return doc(ctx, words('title'), 'accounts', `<div class="${c.center}" data-next="${esc(next)}"><h1 class="${c.title}">${esc(words('title'))}</h1><p class="${c.text}">${esc(words('body'))}</p>
<label for="${id}" class="${c.sub}" style="display:block;text-align:left">${esc(words('field'))}</label><input id="${id}" type="${type}" autocomplete="${autocomplete}" class="${c.secondary} ${c.full} ${h(`${hook}_field`)}" style="border-radius:8px;justify-content:flex-start">
<div role="button" tabindex="0" class="${c.primary} ${c.full} ${h(`${hook}_continue`)}">${esc(words('continue'))}</div></div>`);
}

/** confirmIdentity: "Confirm it's you" (`/reauth/?next=…`) — the person types their password, never us. */
export const reauth = (ctx, next) => personStep(ctx, next, (id) => reauthText(ctx.state.locale, id), 'reauth', 'current-password');

/** newPassword: "Create a new Facebook password" (`/new_password/?next=…`) before the removal — the person's, never us. */
export const newPassword = (ctx, next) => personStep(ctx, next, (id) => newPasswordText(ctx.state.locale, id), 'newpass', 'new-password');

/** birthday: "Add your birthday" (`/birthday/?next=…`) after the hand-off, before the finish — the person's own date, never us. */
export const birthday = (ctx, next) => personStep(ctx, next, (id) => birthdayText(ctx.state.locale, id), 'birthday', 'bday', 'text');

/** `/profiles/`: the profiles in this Accounts Center. */
export function profiles(ctx) {
  const { c, t, state } = ctx;
  const rows = [rowLink(c, `/profiles/${INSTAGRAM_PROFILE_ID}/`, state.instagramUsername, t('ac.accounts.instagram'), avatar(c, state.instagramUsername))];
  if (state.linked) rows.push(rowLink(c, `/profiles/${facebookId(state, state.facebookName)}/`, state.facebookName, t('ac.accounts.facebook'), avatar(c, state.facebookName)));
  return doc(ctx, t('ac.nav.profiles'), 'profiles', `<h1 class="${c.title}">${esc(t('ac.nav.profiles'))}</h1><p class="${c.text}">${esc(t('ac.overview.profiles_detail'))}</p><div class="${c.card}">${rows.join('')}</div>`);
}

/** accounts_center_connected_experiences: `/connected_experiences/`. */
export function connectedExperiences(ctx) {
  const { c, t } = ctx;
  const rows = [
    rowLink(c, '/connected_experiences/cross_posting/', t('ac.ce.sharing'), t('ac.ce.sharing_detail'), icon('Sharing', '', { size: 24 })),
    rowLink(c, '/connected_experiences/', t('ac.ce.login'), '', icon('Key', '', { size: 24 })),
  ];
  if (ctx.layout === 'B') rows.reverse();
  return doc(ctx, t('ac.ce.title'), 'connected', `<h1 class="${c.title}">${esc(t('ac.ce.title'))}</h1><p class="${c.text}">${esc(t('ac.ce.text'))}</p><div class="${c.card}">${rows.join('')}</div>`);
}

const SWITCH_TEXT = { posts: 'ac.sharing.posts', reels: 'ac.sharing.reels', stories: 'ac.sharing.stories', facebookStories: 'ac.sharing.facebook_stories' };

/** accounts_center_sharing: `/connected_experiences/cross_posting/`. */
export function sharing(ctx) {
  const { c, h, t, state } = ctx;
  const title = `${back(ctx, '/connected_experiences/')}<h1 class="${c.title}">${esc(t('ac.sharing.title'))}</h1><p class="${c.text}">${esc(t('ac.sharing.text'))}</p>`;
  if (!state.linked) {
    return doc(ctx, t('ac.sharing.title'), 'connected', `${title}<p class="${c.text}">${esc(t('ac.sharing.need_account'))}</p><a role="button" class="${c.primary}" href="${addAccountsUrl(state)}">${esc(t('ac.accounts.add'))}</a>`);
  }
  const sw = (key) => {
    const on = state.sharing[key];
    const label = t(SWITCH_TEXT[key]);
    if (ctx.layout === 'A') {
      return `<label class="${c.switchRow}"><span class="${c.switchLabel}">${esc(label)}</span><input type="checkbox" role="switch" class="${c.toggle} ${h(`switch:${key}`)}" aria-label="${esc(label)}" aria-checked="${on}"${on ? ' checked' : ''}></label>`;
    }
    const id = `${c.lbl}_${key}`;
    return `<div class="${c.switchRow}"><div class="${c.switchLabel}"><div><span id="${id}">${esc(label)}</span></div><div class="${c.sub}">${esc(t('ac.sharing.automatic'))}</div></div><div><div role="switch" tabindex="0" aria-labelledby="${id}" aria-checked="${on}" class="${c.toggle} ${h(`switch:${key}`)}"></div></div></div>`;
  };
  const names = { username: state.instagramUsername, name: state.facebookName };
  const fromInstagram = `<h2 class="${c.section}">${esc(t('ac.sharing.from_instagram', names))}</h2><div class="${c.card}">${(ctx.layout === 'A' ? ['stories', 'posts', 'reels'] : ['posts', 'reels', 'stories']).map(sw).join('')}</div>`;
  const fromFacebook = `<h2 class="${c.section}">${esc(t('ac.sharing.from_facebook', names))}</h2><div class="${c.card}">${sw('facebookStories')}</div>`;
  const sections = ctx.layout === 'A' ? fromInstagram + fromFacebook : `<section>${fromFacebook}</section><section>${fromInstagram}</section>`;
  return doc(ctx, t('ac.sharing.title'), 'connected', `${title}${sections}`);
}

/** Any other Accounts Center section: a titled page, so its links lead somewhere. */
export function section(ctx, current, titleId) {
  const { c, t } = ctx;
  return doc(ctx, t(titleId), current, `${back(ctx, '/')}<h1 class="${c.title}">${esc(t(titleId))}</h1><p class="${c.text}">${esc(t('ac.intro'))}</p>`);
}
