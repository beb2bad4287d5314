// www.instagram.com: the feed (N posts, loaded in batches as it scrolls), a post, a
// reel, a story, profiles, Settings with its left column, Privacy, Messages and story
// replies with "Others on Facebook", the new-post dialog, the share dialog and the
// "Update Messaging" offer. One app: links inside it navigate with pushState (the
// client fetches the next page and swaps the mount point), other hosts load in full.
import { BASE_CSS, CHECKMARK, SPINNER, avatarFor, dialog, esc, icon, pictureFor } from '../look.mjs';
import { feedItem, feedLength, generatedPost, postByCode } from '../feed.mjs';
import { facebookId } from './accountscenter.mjs';
import { renderDocument } from './common.mjs';

export const FEED_BATCH = 12;
const FIRST_BATCH = 12;

/** The hooks the Instagram client uses; registered up front, as pages swap in without a reload. */
export const IG_HOOKS = ['go', 'like', 'comment', 'share', 'new_post', 'more', 'more_menu', 'options', 'update_messaging',
  'update_confirm', 'update_dismiss', 'update_error', 'others_chats', 'others_requests', 'others_none', 'feed_list', 'feed_more',
  'feed_end', 'comment_box', 'composer_select', 'composer_file', 'composer_next', 'composer_back', 'composer_share',
  'composer_step', 'composer_preview', 'composer_error', 'caption', 'caption_count', 'fb_switch', 'accordion', 'copy_link',
  'share_to_facebook', 'share_to_messenger', 'share_to_whatsapp', 'share_to_email', 'share_to_x', 'toast',
  'step_pick', 'step_crop', 'step_edit', 'step_caption', 'step_sharing', 'step_done', 'step_failed', 'close', 'overlay', 'tpl:composer', 'tpl:share', 'tpl:update', 'tpl:options', 'tpl:like', 'tpl:unlike',
  'tpl:toast', 'interstitial:turn_on', 'interstitial:not_now', 'rate_ok', 'rate_tell', 'tpl:rate'];

function css(c) {
  return `${BASE_CSS}
.${c.nav}{position:fixed;top:0;bottom:0;left:0;width:245px;border-right:1px solid #dbdbdb;padding:8px 12px 20px;display:flex;flex-direction:column;background:#fff;z-index:10}
.${c.logo}{display:block;font:italic 600 28px/1 "Billabong","Brush Script MT","Segoe Script",cursive,serif;padding:25px 12px 19px;letter-spacing:.5px}
.${c.navItem}{display:flex;align-items:center;gap:16px;padding:12px;margin:2px 0;border-radius:8px;font-size:16px;line-height:20px;cursor:pointer}
.${c.navItem}:hover{background:#f2f2f2}
.${c.navItem}[aria-current=page]{font-weight:700}
.${c.grow}{flex:1}
.${c.menu}{position:absolute;left:12px;bottom:72px;width:266px;background:#fff;border-radius:16px;box-shadow:0 4px 12px rgba(0,0,0,.15);padding:8px;z-index:20}
.${c.menu}[hidden]{display:none}
.${c.menu} a,.${c.menu} [role=button]{display:flex;align-items:center;gap:12px;padding:16px;border-radius:8px}
.${c.menu} a:hover{background:#f2f2f2}
.${c.main}{margin-left:245px;min-height:100vh;display:flex;justify-content:center}
.${c.home}{display:flex;gap:64px;padding-top:22px}
.${c.feed}{width:470px}
.${c.tray}{display:flex;gap:14px;padding:8px 0 24px;overflow:hidden}
.${c.trayItem}{display:flex;flex-direction:column;align-items:center;gap:4px;width:66px;font-size:12px;color:#0c1014}
.${c.trayItem} span{max-width:66px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.${c.ring}{width:66px;height:66px;border-radius:50%;padding:3px;background:linear-gradient(45deg,#feda75,#fa7e1e,#d62976,#962fbf,#4f5bd5)}
.${c.ring} img{width:100%;height:100%;border-radius:50%;border:2px solid #fff;display:block}
.${c.post}{border-bottom:1px solid #dbdbdb;padding-bottom:16px;margin-bottom:20px}
.${c.postHead}{display:flex;align-items:center;gap:10px;padding:0 0 12px}
.${c.postWho}{flex:1;font-size:14px}
.${c.postWho} a:first-child{font-weight:600}
.${c.postWho} time{color:#737373}
.${c.avatar}{width:32px;height:32px;border-radius:50%;display:block;flex:none}
.${c.avatarBig}{width:150px;height:150px;border-radius:50%}
.${c.avatarMid}{width:56px;height:56px;border-radius:50%}
.${c.media}{position:relative;border:1px solid #dbdbdb;border-radius:4px;overflow:hidden;background:#000}
.${c.media} img,.${c.media} video{display:block;width:100%;aspect-ratio:1;object-fit:cover}
.${c.media} video{aspect-ratio:4/5}
.${c.muted}{position:absolute;right:12px;bottom:12px;background:rgba(38,38,38,.8);color:#fff;border-radius:50%;padding:6px;display:flex}
.${c.actions}{display:flex;align-items:center;gap:4px;padding:4px 0 0;margin-left:-8px}
.${c.actions} [role=button]{padding:8px;display:flex}
.${c.actions} [role=button]:hover{opacity:.6}
.${c.push}{margin-left:auto}
.${c.likes}{font-weight:600;margin:2px 0 6px}
.${c.caption} a{font-weight:600;margin-right:4px}
.${c.grey}{color:#737373}
.${c.commentBox}{width:100%;border:0;resize:none;outline:none;padding:8px 0 0;height:28px;font-size:14px}
.${c.loading}{display:flex;justify-content:center;padding:24px}
.${c.loading} svg{animation:${c.spin} 1s steps(8) infinite}
@keyframes ${c.spin}{to{transform:rotate(360deg)}}
.${c.side}{width:320px;padding-top:28px}
.${c.me}{display:flex;align-items:center;gap:12px;margin-bottom:24px}
.${c.me} img{width:44px;height:44px;border-radius:50%}
.${c.blue}{color:#0095f6;font-weight:600;font-size:12px}
.${c.sugHead}{display:flex;justify-content:space-between;color:#737373;font-weight:600;margin-bottom:12px}
.${c.sug}{display:flex;align-items:center;gap:12px;padding:8px 0}
.${c.footer}{color:#c7c7c7;font-size:12px;margin-top:32px}
.${c.page}{width:935px;max-width:calc(100vw - 285px);padding:30px 20px}
.${c.postCard}{display:flex;border:1px solid #dbdbdb;border-radius:4px;max-height:86vh}
.${c.postCard} .${c.media}{flex:1 1 600px;border:0;border-radius:0;display:flex;align-items:center}
.${c.postSide}{width:335px;flex:none;display:flex;flex-direction:column;border-left:1px solid #dbdbdb}
.${c.postSide} .${c.postHead}{padding:14px 16px;border-bottom:1px solid #efefef}
.${c.comments}{flex:1;overflow:auto;padding:16px;display:flex;flex-direction:column;gap:16px}
.${c.postFoot}{border-top:1px solid #efefef;padding:6px 16px 8px}
.${c.grid}{display:grid;grid-template-columns:repeat(3,1fr);gap:4px;margin-top:16px}
.${c.grid} a{display:block;position:relative}
.${c.grid} img{width:100%;aspect-ratio:1;object-fit:cover;display:block}
.${c.reelBadge}{position:absolute;top:8px;right:8px;color:#fff}
.${c.reel}{display:flex;align-items:flex-end;gap:16px;padding:24px}
.${c.reelBox}{position:relative;height:86vh;aspect-ratio:9/16;border-radius:8px;overflow:hidden;background:#000}
.${c.reelBox} video{width:100%;height:100%;object-fit:cover;display:block}
.${c.reelInfo}{position:absolute;left:16px;right:16px;bottom:16px;color:#fff;text-shadow:0 0 4px rgba(0,0,0,.5)}
.${c.reelActions}{display:flex;flex-direction:column;gap:12px;align-items:center}
.${c.reelActions} [role=button]{padding:8px;display:flex}
.${c.story}{position:fixed;inset:0;background:#1a1a1a;display:flex;align-items:center;justify-content:center;color:#fff}
.${c.storyBox}{position:relative;height:92vh;aspect-ratio:9/16;border-radius:8px;overflow:hidden;background:#000}
.${c.storyBox}>img{width:100%;height:100%;object-fit:cover}
.${c.bars}{position:absolute;top:8px;left:8px;right:8px;display:flex;gap:4px}
.${c.bars} span{flex:1;height:2px;background:rgba(255,255,255,.35);border-radius:1px;overflow:hidden}
.${c.bars} span i{display:block;height:100%;width:0;background:#fff;animation:${c.fill} 5s linear forwards}
@keyframes ${c.fill}{to{width:100%}}
.${c.storyHead}{position:absolute;top:20px;left:16px;right:16px;display:flex;align-items:center;gap:8px}
.${c.storyFoot}{position:absolute;bottom:16px;left:16px;right:16px;display:flex;gap:8px;align-items:center}
.${c.storyFoot} textarea{flex:1;background:transparent;border:1px solid rgba(255,255,255,.6);border-radius:22px;color:#fff;padding:11px 16px;height:44px;resize:none;outline:none}
.${c.storyFoot} [role=button]{display:flex;padding:6px}
.${c.storyClose}{position:fixed;top:16px;right:16px;color:#fff;padding:8px;display:flex}
.${c.storyLogo}{position:fixed;top:16px;left:20px;font:italic 600 26px/1 "Billabong","Brush Script MT",cursive,serif;color:#fff}
.${c.storyNav}{position:absolute;top:50%;transform:translateY(-50%);background:rgba(255,255,255,.85);color:#000;border-radius:50%;display:flex;padding:4px}
.${c.settings}{display:flex;width:100%}
.${c.setCol}{width:315px;flex:none;border-right:1px solid #dbdbdb;padding:36px 16px 32px 24px;height:100vh;position:sticky;top:0;overflow:auto}
.${c.setTitle}{font-size:20px;font-weight:700;margin:0 16px 24px}
.${c.setGroup}{color:#737373;font-size:12px;font-weight:600;margin:20px 16px 6px}
.${c.setLink}{display:flex;align-items:center;gap:12px;padding:14px 16px;border-radius:8px;font-size:14px}
.${c.setLink}:hover{background:#f2f2f2}
.${c.setLink}[aria-current=page]{background:#efefef}
.${c.acCard}{display:block;border-radius:16px;box-shadow:0 0 5px 1px rgba(0,0,0,.08);padding:16px;margin:0 0 12px}
.${c.acCard} strong{display:block;font-size:16px;margin:6px 0}
.${c.setMain}{flex:1;padding:36px 48px;max-width:740px}
.${c.h2}{font-size:20px;font-weight:700;margin:0 0 24px}
.${c.h3}{font-size:16px;font-weight:700;margin:28px 0 8px}
.${c.box}{border:1px solid #dbdbdb;border-radius:16px;overflow:hidden}
.${c.boxRow}{display:flex;align-items:center;gap:12px;padding:16px;min-height:56px}
.${c.boxRow}+.${c.boxRow}{border-top:1px solid #efefef}
a.${c.boxRow}:hover{background:#fafafa}
.${c.value}{margin-left:auto;color:#737373}
.${c.banner}{display:flex;align-items:center;gap:12px;background:#efefef;border-radius:16px;padding:16px;margin-bottom:24px}
.${c.btn}{display:inline-flex;align-items:center;justify-content:center;background:#0095f6;color:#fff;border:0;border-radius:8px;padding:7px 16px;font-weight:600;font-size:14px;cursor:pointer}
.${c.btn}:hover{background:#1877f2}
.${c.btnGrey}{background:#efefef;color:#0c1014}
.${c.btnGrey}:hover{background:#dbdbdb}
.${c.field}{width:100%;border:1px solid #dbdbdb;border-radius:12px;padding:12px 16px;margin:6px 0 20px}
.${c.radio}{display:flex;align-items:center;gap:12px;padding:16px;cursor:pointer}
.${c.radio}+.${c.radio}{border-top:1px solid #efefef}
.${c.radio} span{flex:1}
.${c.dot}{appearance:none;-webkit-appearance:none;width:24px;height:24px;border-radius:50%;border:2px solid #0c1014;margin:0;flex:none;cursor:pointer}
.${c.dot}[aria-checked=true],.${c.dot}:checked{border:7px solid #0c1014}
.${c.toggle}{appearance:none;-webkit-appearance:none;position:relative;width:44px;height:24px;border-radius:12px;background:#dbdbdb;flex:none;cursor:pointer;margin:0}
.${c.toggle}::after{content:"";position:absolute;top:2px;left:2px;width:20px;height:20px;border-radius:50%;background:#fff;transition:left .15s}
.${c.toggle}[aria-checked=true]{background:#0c1014}
.${c.toggle}[aria-checked=true]::after{left:22px}
.${c.toggle}[aria-disabled=true]{opacity:.5;cursor:default}
.${c.dialog}.${c.composer}{width:max-content;min-width:480px;border-radius:12px;text-align:left;overflow:hidden}
.${c.cHead}{display:flex;align-items:center;justify-content:space-between;height:43px;border-bottom:1px solid #dbdbdb;padding:0 12px}
.${c.cHead} h1{flex:1;text-align:center;font-size:16px;font-weight:600}
.${c.cHead} [role=button]{min-width:40px;color:#0095f6;font-weight:600;display:flex}
.${c.cHead} [role=button]:last-child{justify-content:flex-end}
.${c.cBody}{display:flex;height:min(70vh,640px)}
.${c.cPick}{width:min(70vh,640px);display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;font-size:20px}
.${c.cPreview}{width:min(70vh,640px);height:100%;object-fit:cover;display:block;background:#000}
.${c.cSide}{width:340px;flex:none;border-left:1px solid #dbdbdb;overflow:auto;display:flex;flex-direction:column}
.${c.cSide}>*{padding:0 16px}
.${c.cSide} textarea{border:0;resize:none;outline:none;height:168px;font-size:16px;padding:0 16px}
.${c.cRow}{display:flex;align-items:center;justify-content:space-between;gap:12px;min-height:44px;border-bottom:1px solid #efefef}
.${c.cRow} small{display:block;color:#737373}
.${c.cDone}{width:min(70vh,640px);display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;font-size:20px;text-align:center}
.${c.cDone} img[alt="Spinner placeholder"]{width:96px;animation:${c.spin} 1s steps(8) infinite}
.${c.closeX}{position:fixed;top:12px;right:16px;color:#fff;display:flex;padding:8px;cursor:pointer}
.${c.shareGrid}{display:flex;flex-wrap:wrap;gap:12px;justify-content:center;padding:16px}
.${c.shareGrid} [role=button]{width:80px;display:flex;flex-direction:column;align-items:center;gap:8px;font-size:12px}
.${c.shareGrid} [role=button] span:first-child{width:56px;height:56px;border-radius:50%;background:#efefef;display:flex;align-items:center;justify-content:center}
.${c.toast}{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);background:#262626;color:#fff;padding:12px 16px;border-radius:8px;z-index:200}
.${c.center}{text-align:center;padding:40px}
.${c.profileHead}{display:flex;gap:80px;align-items:center;padding:0 40px 44px;border-bottom:1px solid #dbdbdb}
.${c.profileHead} h2{font-size:20px;font-weight:400;display:flex;gap:16px;align-items:center}
.${c.stats}{display:flex;gap:40px;margin:20px 0}
.${c.inbox}{display:flex;width:100%;height:100vh}
.${c.inboxList}{width:400px;border-right:1px solid #dbdbdb;padding:36px 24px}
.${c.inboxMain}{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px}
`;
}

const avatarImg = (ctx, user, cls = 'avatar') => `<img class="${ctx.c[cls]}" src="${avatarFor(user)}" alt="${esc(ctx.t('ig.nav.profile_picture', { username: user }))}">`;
const go = (ctx, href, inner, cls = '', extra = '') => `<a class="${ctx.h('go')}${cls ? ` ${cls}` : ''}" href="${esc(href)}"${extra}>${inner}</a>`;
const permalink = (item) => (item.kind === 'reel' ? `/reel/${item.code}/` : `/p/${item.code}/`);
const storyId = (user) => String(3300000000000000000n + BigInt([...user].reduce((a, ch) => a * 31 + ch.charCodeAt(0), 7) % 100000000));
const FRIENDS_FOR_TRAY = () => Array.from({ length: 8 }, (_, i) => generatedPost(i).user);

/** The left navigation of the desktop site; `current` marks the page it is on. */
function nav(ctx, current) {
  const { c, h, t, state } = ctx;
  const item = (href, name, label, key, extra = '') => go(ctx, href, `${icon(name, name === 'Direct' ? t('ig.nav.direct') : label)}<span>${esc(label)}</span>`, c.navItem,
    `${current === key ? ' aria-current="page"' : ''}${extra}`);
  const create = `<a class="${c.navItem} ${h('new_post')}" href="#" role="link">${icon('New post', t('ig.nav.new_post'))}<span>${esc(t('ig.nav.create'))}</span></a>`;
  const items = [
    item('/', 'Home', t('ig.nav.home'), 'home'),
    item('/explore/search/', 'Search', t('ig.nav.search'), 'search'),
    item('/explore/', 'Explore', t('ig.nav.explore'), 'explore'),
    item('/reels/', 'Reels', t('ig.nav.reels'), 'reels'),
    item('/direct/inbox/', 'Direct', t('ig.nav.messages'), 'direct'),
    item('/', 'Notifications', t('ig.nav.notifications'), 'notifications'),
    create,
  ];
  if (ctx.layout === 'B') items.splice(1, 0, items.pop());
  const profile = go(ctx, `/${state.instagramUsername}/`, `${avatarImg(ctx, state.instagramUsername).replace(ctx.c.avatar, `${ctx.c.avatar}" width="24" height="24" style="width:24px;height:24px`)}<span>${esc(t('ig.nav.profile'))}</span>`, c.navItem, current === 'profile' ? ' aria-current="page"' : '');
  const menu = `<div class="${c.menu} ${h('more_menu')}" hidden>
  ${go(ctx, '/accounts/edit/', `${icon('Options', '', { size: 18 })}<span>${esc(t('ig.nav.settings'))}</span>`)}
  ${go(ctx, '/', `${icon('Reels', '', { size: 18 })}<span>${esc(t('ig.nav.your_activity'))}</span>`)}
  ${go(ctx, `/${state.instagramUsername}/`, `${icon('Save', '', { size: 18 })}<span>${esc(t('ig.nav.saved'))}</span>`)}
  <div role="button" tabindex="0">${esc(t('ig.nav.log_out'))}</div></div>`;
  const more = `<div role="button" tabindex="0" class="${c.navItem} ${h('more')}" aria-haspopup="menu" aria-expanded="false">${icon('Menu', t('ig.nav.settings'))}<span>${esc(t('ig.nav.more'))}</span></div>`;
  return `<div class="${c.nav}" role="navigation"><div>${go(ctx, '/', esc(t('ig.nav.instagram')), c.logo, ` aria-label="${esc(t('ig.nav.instagram'))}"`)}</div>
${items.join('\n')}
${profile}
<div class="${c.grow}"></div>${menu}${more}</div>`;
}

/** Dialog templates every Instagram page carries (the client opens them on demand). */
function templates(ctx) {
  const { c, h, t, state } = ctx;
  const step = (name, title, back, action, body, hidden = true) =>
    `<div class="${h('composer_step')} ${h(`step_${name}`)}"${hidden ? ' hidden' : ''}><div class="${c.cHead}">${back ? `<div role="button" tabindex="0" class="${h('composer_back')}">${icon('Back', t('ig.composer.back'))}</div>` : '<div></div>'}<h1>${esc(title)}</h1>${action || '<div></div>'}</div><div class="${c.cBody}">${body}</div></div>`;
  const next = `<div role="button" tabindex="0" class="${h('composer_next')}">${esc(t('ig.composer.next'))}</div>`;
  const preview = `<img class="${c.cPreview} ${h('composer_preview')}" alt="">`;
  const fbRow = state.linked ? `<div class="${c.cRow}"><div><span id="${c.fbLabel}">${esc(t('ig.composer.also_share'))}</span><small>${esc(t('ig.composer.share_as', { name: state.facebookName }))}</small></div><div role="switch" tabindex="0" aria-checked="${state.sharing.posts}" aria-labelledby="${c.fbLabel}" class="${c.toggle} ${h('fb_switch')}"></div></div>` : '';
  const accordion = (label, inner) => `<div><div role="button" tabindex="0" aria-expanded="false" class="${c.cRow} ${h('accordion')}"><span>${esc(label)}</span>${icon('Chevron', '', { size: 16 })}</div><div hidden>${inner}</div></div>`;
  const accessibility = accordion(t('ig.composer.accessibility'), `<input class="${c.field}" aria-label="${esc(t('ig.composer.alt_text'))}" placeholder="${esc(t('ig.composer.alt_text'))}">`);
  const advanced = accordion(t('ig.composer.advanced'), `<div class="${c.cRow}"><span>${esc(t('ig.composer.hide_likes'))}</span><input type="checkbox" role="switch" aria-checked="false" class="${c.toggle}" aria-label="${esc(t('ig.composer.hide_likes'))}"></div><div class="${c.cRow}"><span>${esc(t('ig.composer.turn_off_comments'))}</span><input type="checkbox" role="switch" aria-checked="false" class="${c.toggle}" aria-label="${esc(t('ig.composer.turn_off_comments'))}"></div>`);
  const rows = ctx.layout === 'A' ? [fbRow, accessibility, advanced] : [accessibility, advanced, `<div>${fbRow}</div>`];
  const side = `<div class="${c.cSide}"><div class="${c.me}" style="margin:16px 0 12px">${avatarImg(ctx, state.instagramUsername)}<strong>${esc(state.instagramUsername)}</strong></div>
<textarea class="${h('caption')}" aria-label="${esc(t('ig.composer.caption'))}" placeholder="${esc(t('ig.composer.caption'))}" maxlength="2200"></textarea>
<div class="${c.grey} ${h('caption_count')}" style="text-align:right;font-size:12px;padding-bottom:8px">0/2,200</div>
<div class="${c.cRow}"><input style="border:0;outline:none;flex:1" aria-label="${esc(t('ig.composer.add_location'))}" placeholder="${esc(t('ig.composer.add_location'))}"></div>
${rows.join('')}</div>`;
  const composer = `<template class="${h('tpl:composer')}"><div class="${c.overlay} ${h('overlay')}"><div role="button" tabindex="0" class="${c.closeX} ${h('close')}">${icon('Close', t('ig.composer.close'))}</div>
<div role="dialog" aria-modal="true" aria-label="${esc(t('ig.composer.title'))}" class="${c.dialog} ${c.composer}" tabindex="-1">
${step('pick', t('ig.composer.title'), false, '', `<div class="${c.cPick}">${icon('Media', t('ig.composer.media_icon'), { size: 96 })}<div>${esc(t('ig.composer.drag'))}</div><p class="${c.grey} ${h('composer_error')}" role="alert" hidden style="font-size:14px">${esc(t('ig.composer.no_file'))}</p><button type="button" class="${c.btn} ${h('composer_select')}">${esc(t('ig.composer.select'))}</button><input type="file" accept="image/jpeg,image/png,image/heic,image/heif,video/mp4,video/quicktime" class="${h('composer_file')}" hidden></div>`, false)}
${step('crop', t('ig.composer.crop'), true, next, preview)}
${step('edit', t('ig.composer.edit'), true, next, `${preview}<div class="${c.cSide}"><div class="${c.cRow}"><strong>${esc(t('ig.composer.filters'))}</strong><span>${esc(t('ig.composer.adjustments'))}</span></div></div>`)}
${step('caption', t('ig.composer.title'), true, `<div role="button" tabindex="0" class="${h('composer_share')}">${esc(t('ig.composer.share'))}</div>`, `${preview}${side}`)}
${step('sharing', t('ig.composer.sharing'), false, '', `<div class="${c.cDone}"><img src="${SPINNER}" alt="${esc(t('ig.composer.spinner'))}"></div>`)}
${step('done', t('ig.composer.shared_title'), false, '', `<div class="${c.cDone}"><img src="${CHECKMARK}" alt="${esc(t('ig.composer.checkmark'))}" width="96" height="96"><div>${esc(t('ig.composer.shared'))}</div></div>`)}
${step('failed', t('ig.composer.failed'), false, '', `<div class="${c.cDone}"><div role="alert">${esc(t('ig.composer.failed'))}</div><div class="${c.grey}" style="font-size:14px">${esc(t('ig.composer.failed_detail'))}</div></div>`)}
</div></div></template>`;

  const shareTo = (kind, label, ic) => `<div role="button" tabindex="0" class="${h(`share_to_${kind}`)}"><span>${icon(ic, '', { size: 24 })}</span><span>${esc(label)}</span></div>`;
  const share = `<template class="${h('tpl:share')}">${dialog(c, {
    label: t('ig.share.title'),
    extraClass: h('overlay'),
    inner: `<div class="${c.cHead}"><div></div><h1>${esc(t('ig.share.title'))}</h1><div role="button" tabindex="0" class="${h('close')}">${icon('Close', t('ig.composer.close'), { size: 18 })}</div></div>
<div style="padding:8px 16px"><input class="${c.field}" style="margin:0" aria-label="${esc(t('ig.share.search'))}" placeholder="${esc(t('ig.share.search'))}"></div>
<div class="${c.shareGrid}"><div role="button" tabindex="0" class="${h('copy_link')}"><span>${icon('Link', '', { size: 24 })}</span><span>${esc(t('ig.share.copy_link'))}</span></div>${shareTo('facebook', t('ig.share.facebook'), 'Facebook')}${shareTo('messenger', t('ig.share.messenger'), 'Direct')}${shareTo('whatsapp', t('ig.share.whatsapp'), 'Comment')}${shareTo('email', t('ig.share.email'), 'Mail')}${shareTo('x', t('ig.share.x'), 'Close')}</div>`,
  })}</template>`;

  const update = `<template class="${h('tpl:update')}">${dialog(c, {
    label: t('ig.update.title'),
    extraClass: h('overlay'),
    inner: `<div class="${c.dlgIcon}">${icon('Direct', '', { size: 32 })}</div><h2 class="${c.dlgTitle}">${esc(t('ig.update.title'))}</h2><p class="${c.dlgText}">${esc(t('ig.update.body'))}</p><p class="${c.dlgText} ${h('update_error')}" role="alert" hidden></p>
<div role="button" tabindex="0" class="${c.dlgBtn} ${c.dlgPrimary} ${h('update_confirm')}">${esc(t('ig.update.update'))}</div><div role="button" tabindex="0" class="${c.dlgBtn} ${h('update_dismiss')}">${esc(t('ig.update.not_now'))}</div>`,
  })}</template>`;

  const options = `<template class="${h('tpl:options')}">${dialog(c, {
    label: t('ig.nav.options'),
    extraClass: h('overlay'),
    inner: `${go(ctx, '/accounts/edit/', esc(t('ig.nav.settings_and_privacy')), c.dlgBtn, ' role="button" style="border-top:0"')}<div role="button" tabindex="0" class="${c.dlgBtn}">${esc(t('ig.nav.log_out'))}</div><div role="button" tabindex="0" class="${c.dlgBtn} ${h('close')}">${esc(t('ac.remove.cancel'))}</div>`,
  })}</template>`;

  const toast = `<template class="${h('tpl:toast')}"><div role="status" class="${c.toast}">${esc(t('ig.share.copied'))}</div></template>`;
  const likeIcons = `<template class="${h('tpl:like')}">${icon('Notifications', t('ig.post.like'))}</template><template class="${h('tpl:unlike')}">${icon('Unlike', t('ig.post.unlike'))}</template>`;
  return composer + share + update + options + toast + likeIcons;
}

function shell(ctx, current, main, { title, bare = false } = {}) {
  const content = bare ? main : `${nav(ctx, current)}<main class="${ctx.c.main}" role="main">${main}</main>`;
  const { state } = ctx;
  const cfg = state.linked
    ? { fbUserId: facebookId(state, state.facebookName), reelsDefault: state.sharing.reels }
    : {};
  return renderDocument(ctx, { host: 'instagram', title: title ? `${title} • Instagram` : 'Instagram', css: css(ctx.c), content, templates: templates(ctx), cfg });
}

/** The action row: Like, Comment, "Share Post", and Save on the right, as icon buttons. */
function actionRow(ctx, item, cls = 'actions') {
  const { c, h, t, state } = ctx;
  const liked = state.liked.includes(item.code);
  const btn = (hook, inner) => `<span><div role="button" tabindex="0" class="${hook ? h(hook) : ''}">${inner}</div></span>`;
  return `<section class="${c[cls]}">${btn('like', liked ? icon('Unlike', t('ig.post.unlike')) : icon('Notifications', t('ig.post.like')))}${btn('comment', icon('Comment', t('ig.post.comment')))}${btn('share', icon('Share', t('ig.post.share')))}<span class="${cls === 'actions' ? c.push : ''}"><div role="button" tabindex="0">${icon('Save', t('ig.post.save'))}</div></span></section>`;
}

function mediaOf(ctx, item, big = false) {
  const { c, t } = ctx;
  const src = pictureFor(item.n, big ? { w: 600, h: 750 } : {});
  if (item.kind === 'reel') {
    return `<div class="${c.media}"><video playsinline muted loop preload="none" poster="${src}"></video><div class="${c.muted}">${icon('Muted', t('ig.post.audio_muted'), { size: 14 })}</div></div>`;
  }
  return `<div class="${c.media}"><img alt="${esc(t('ig.post.photo_alt', { user: item.user }))}" src="${src}" decoding="async"></div>`;
}

const timeOf = (ctx, item) => {
  const date = new Date(Date.UTC(2025, 4, 20) - item.days * 86400000).toISOString();
  return `<time datetime="${date}">${esc(item.days ? ctx.t('ig.post.days', { n: item.days }) : ctx.t('ig.post.now'))}</time>`;
};
const captionOf = (ctx, item) => (item.own ? item.caption : ctx.t(item.kind === 'reel' ? 'ig.post.reel_caption' : 'ig.post.caption', { n: item.n + 1 }));
const fmt = (ctx, n) => n.toLocaleString(ctx.state.locale);

/** One post of the feed: an <article> with its header, media, action row and permalink. */
export function article(ctx, item) {
  const { c, h, t } = ctx;
  return `<article class="${c.post}"><div class="${c.postHead}">${go(ctx, `/${item.user}/`, avatarImg(ctx, item.user))}<div class="${c.postWho}">${go(ctx, `/${item.user}/`, esc(item.user))} <span class="${c.grey}">•</span> ${go(ctx, permalink(item), timeOf(ctx, item))}</div><div role="button" tabindex="0">${icon('More', t('ig.post.more'))}</div></div>
${mediaOf(ctx, item)}${actionRow(ctx, item)}
<div class="${c.likes}">${esc(t('ig.post.likes', { n: fmt(ctx, item.likes + (ctx.state.liked.includes(item.code) ? 1 : 0)) }))}</div>
<div class="${c.caption}">${go(ctx, `/${item.user}/`, esc(item.user))}<span>${esc(captionOf(ctx, item))}</span></div>
${item.comments ? go(ctx, permalink(item), esc(t('ig.post.view_comments', { n: item.comments })), c.grey) : ''}
<textarea class="${c.commentBox} ${h('comment_box')}" aria-label="${esc(t('ig.post.add_comment'))}" placeholder="${esc(t('ig.post.add_comment'))}"></textarea></article>`;
}

/** The feed from `offset`: the articles' HTML and whether more follow (JSON for the client). */
export function feedBatch(ctx, offset) {
  const start = Number.isInteger(offset) && offset >= 0 ? offset : 0;
  const end = Math.min(start + FEED_BATCH, feedLength(ctx.state));
  const html = [];
  for (let i = start; i < end; i++) html.push(article(ctx, feedItem(ctx.state, i)));
  return { status: 'ok', html: html.join('\n'), count: end - start, next_offset: end, more_available: end < feedLength(ctx.state) };
}

/** instagram_home: `/`. */
export function feed(ctx) {
  const { c, h, t, state } = ctx;
  const first = Math.min(FIRST_BATCH, feedLength(state));
  const posts = [];
  for (let i = 0; i < first; i++) posts.push(article(ctx, feedItem(state, i)));
  const more = first < feedLength(state);
  const tray = `<div class="${c.tray}" role="list" aria-label="${esc(t('ig.feed.stories'))}">${FRIENDS_FOR_TRAY().map((user) =>
    `<div role="listitem">${go(ctx, `/stories/${user}/${storyId(user)}/`, `<div class="${c.ring}"><img src="${avatarFor(user)}" alt="${esc(t('ig.nav.profile_picture', { username: user }))}"></div><span>${esc(user)}</span>`, c.trayItem, ` aria-label="${esc(t('ig.feed.story_by', { user }))}"`)}</div>`).join('')}</div>`;
  const end = `<div class="${c.center} ${h('feed_end')}"${more ? ' hidden' : ''}>${icon('Check', '', { size: 48 })}<div>${esc(t('ig.feed.caught_up'))}</div></div>`;
  const sentinel = more ? `<div class="${c.loading} ${h('feed_more')}">${icon('Options', t('ig.feed.loading'), { size: 32 })}</div>` : '';
  const suggestions = ['lukas.berg', 'ines.garcia', 'nora.eats', 'olu.designs', 'mei.lin'].map((user) =>
    `<div class="${c.sug}">${avatarImg(ctx, user)}<div style="flex:1">${go(ctx, `/${user}/`, `<strong>${esc(user)}</strong>`)}</div><div role="button" tabindex="0" class="${c.blue}">${esc(t('ig.feed.follow'))}</div></div>`).join('');
  const side = `<aside class="${c.side}"><div class="${c.me}">${avatarImg(ctx, state.instagramUsername)}<div style="flex:1">${go(ctx, `/${state.instagramUsername}/`, `<strong>${esc(state.instagramUsername)}</strong>`)}</div><div role="button" tabindex="0" class="${c.blue}">${esc(t('ig.feed.switch'))}</div></div>
<div class="${c.sugHead}"><span>${esc(t('ig.feed.suggested'))}</span><span style="color:#0c1014;font-size:12px">${esc(t('ig.feed.see_all'))}</span></div>${suggestions}<div class="${c.footer}">© 2025 INSTAGRAM ${esc(t('common.footer').toUpperCase())}</div></aside>`;
  const column = `<div class="${c.feed}">${ctx.layout === 'A' ? tray : ''}<div class="${h('feed_list')}">${posts.join('\n')}</div>${sentinel}${end}</div>`;
  return shell(ctx, 'home', `<div class="${c.home}">${column}${ctx.layout === 'A' ? side : `<div>${side}</div>`}</div>`);
}

function comments(ctx, item) {
  const { c } = ctx;
  const who = ['ines.garcia', 'tom_baker', 'mei.lin', 'diego.rv'];
  const lines = ['😍', '🔥🔥', 'Wow!', '👏👏👏'];
  const list = [`<div class="${c.postHead}" style="padding:0;border:0;align-items:flex-start">${avatarImg(ctx, item.user)}<div>${go(ctx, `/${item.user}/`, `<strong>${esc(item.user)}</strong>`)} ${esc(captionOf(ctx, item))}</div></div>`];
  for (let i = 0; i < Math.min(item.comments, 4); i++) {
    list.push(`<div class="${c.postHead}" style="padding:0;border:0">${avatarImg(ctx, who[i])}<div>${go(ctx, `/${who[i]}/`, `<strong>${esc(who[i])}</strong>`)} ${esc(lines[(item.n + i) % lines.length])}</div></div>`);
  }
  return list.join('');
}

/** instagram_post: `/p/<code>/`; instagram_reel: `/reel/<code>/`. */
export function postPage(ctx, code, asReel) {
  const { c, h, t, state } = ctx;
  const item = postByCode(state, code);
  if (!item) return null;
  if (asReel) {
    return shell(ctx, 'reels', `<div class="${c.reel}"><article style="display:flex;align-items:flex-end;gap:16px"><div class="${c.reelBox}"><video playsinline muted loop preload="none" poster="${pictureFor(item.n, { w: 540, h: 960 })}"></video>
<div class="${c.reelInfo}"><div class="${c.postHead}" style="padding-bottom:8px">${go(ctx, `/${item.user}/`, avatarImg(ctx, item.user))}${go(ctx, `/${item.user}/`, `<strong>${esc(item.user)}</strong>`)} ${go(ctx, `/reel/${item.code}/`, timeOf(ctx, item))}</div><div>${esc(captionOf(ctx, item))}</div><div style="font-size:12px;margin-top:6px">♫ ${esc(t('ig.post.original_audio'))}</div></div></div>
${actionRow(ctx, item, 'reelActions')}</article></div>`, { title: item.user });
  }
  const more = Array.from({ length: 6 }, (_, k) => generatedPost(item.n + 12 * (k + 1))).filter((p) => p.n < state.feedSize);
  const grid = more.length ? `<h2 class="${c.grey}" style="font-size:14px;margin:48px 0 0">${esc(item.user)}</h2><div class="${c.grid}">${more.map((p) => go(ctx, permalink(p), `<img alt="${esc(t('ig.post.photo_alt', { user: p.user }))}" src="${pictureFor(p.n, { w: 300, h: 300 })}">`)).join('')}</div>` : '';
  return shell(ctx, '', `<div class="${c.page}"><article class="${c.postCard}">${mediaOf(ctx, item, true)}<div class="${c.postSide}">
<div class="${c.postHead}">${go(ctx, `/${item.user}/`, avatarImg(ctx, item.user))}<div class="${c.postWho}">${go(ctx, `/${item.user}/`, esc(item.user))} <span class="${c.grey}">•</span> <span class="${c.blue}" role="button" tabindex="0">${esc(t('ig.feed.follow'))}</span></div><div role="button" tabindex="0">${icon('More', t('ig.post.more'))}</div></div>
<div class="${c.comments}">${comments(ctx, item)}</div>
<div class="${c.postFoot}">${actionRow(ctx, item)}<div class="${c.likes}">${esc(t('ig.post.likes', { n: fmt(ctx, item.likes) }))}</div>${go(ctx, `/p/${item.code}/`, timeOf(ctx, item), c.grey)}
<div style="display:flex;border-top:1px solid #efefef;margin-top:8px"><textarea class="${c.commentBox} ${h('comment_box')}" style="height:40px;padding-top:12px" aria-label="${esc(t('ig.post.add_comment'))}" placeholder="${esc(t('ig.post.add_comment'))}"></textarea><div role="button" tabindex="0" class="${c.blue}" style="align-self:center;font-size:14px">${esc(t('ig.post.post_button'))}</div></div></div>
</div></article>${grid}</div>`, { title: item.user });
}

/** instagram_story: `/stories/<user>/<id>/`. */
export function storyPage(ctx, user, id) {
  const { c, t } = ctx;
  const users = FRIENDS_FOR_TRAY();
  const at = users.indexOf(user);
  if (at < 0 || id !== storyId(user)) return null;
  const link = (u) => `/stories/${u}/${storyId(u)}/`;
  const prev = at > 0 ? go(ctx, link(users[at - 1]), icon('Back', t('ig.story.previous'), { size: 18 }), c.storyNav, ' style="left:-44px"') : '';
  const next = at < users.length - 1 ? go(ctx, link(users[at + 1]), icon('Chevron', t('ig.story.next'), { size: 18 }), c.storyNav, ' style="right:-44px"') : '';
  const main = `<div class="${c.story}" role="main">${go(ctx, '/', esc(t('ig.nav.instagram')), c.storyLogo)}${go(ctx, '/', icon('Close', t('ig.story.close'), { size: 28 }), c.storyClose, ' role="button"')}
<section class="${c.storyBox}"><div class="${c.bars}"><span><i></i></span></div>
<header class="${c.storyHead}">${go(ctx, `/${user}/`, avatarImg(ctx, user))}${go(ctx, `/${user}/`, `<strong>${esc(user)}</strong>`)}<span style="opacity:.7">${esc(t('ig.post.days', { n: 1 }).replace(/d$/, 'h'))}</span><span style="flex:1"></span><div role="button" tabindex="0">${icon('Pause', t('ig.story.pause'), { size: 20 })}</div><div role="button" tabindex="0">${icon('More', t('ig.story.menu'), { size: 20 })}</div></header>
<img src="${pictureFor(at + 500, { w: 540, h: 960 })}" alt="${esc(t('ig.post.photo_alt', { user }))}">
<div class="${c.storyFoot}"><textarea aria-label="${esc(t('ig.story.reply', { user }))}" placeholder="${esc(t('ig.story.reply', { user }))}"></textarea><div role="button" tabindex="0">${icon('Notifications', t('ig.post.like'))}</div><div role="button" tabindex="0">${icon('Share', t('ig.share.title'))}</div></div>
${prev}${next}</section></div>`;
  return shell(ctx, '', main, { title: user, bare: true });
}

/** A profile: `/<user>/`, its posts in a grid. */
export function profilePage(ctx, user) {
  const { c, h, t, state } = ctx;
  const friends = [...new Set(Array.from({ length: 12 }, (_, i) => generatedPost(i).user))];
  const own = user === state.instagramUsername;
  if (!own && !friends.includes(user)) return null;
  const items = own
    ? state.posts.map((_, i) => feedItem(state, i))
    : Array.from({ length: 9 }, (_, k) => generatedPost(friends.indexOf(user) + 12 * k)).filter((p) => p.n < state.feedSize);
  const grid = items.map((p) => go(ctx, permalink(p), `<img alt="${esc(t('ig.post.photo_alt', { user: p.user }))}" src="${pictureFor(p.n, { w: 300, h: 300 })}">${p.kind === 'reel' ? icon('Reels', t('ig.post.clip'), { size: 20, cls: c.reelBadge }) : ''}`)).join('');
  const options = own ? `<div role="button" tabindex="0" class="${h('options')}">${icon('Options', t('ig.nav.options'))}</div>` : '';
  const action = own ? go(ctx, '/accounts/edit/', esc(t('ig.profile.edit')), `${c.btn} ${c.btnGrey}`, ' role="button"') : `<div role="button" tabindex="0" class="${c.btn}">${esc(t('ig.feed.follow'))}</div>`;
  return shell(ctx, own ? 'profile' : '', `<div class="${c.page}"><header class="${c.profileHead}">${avatarImg(ctx, user, 'avatarBig')}<section><h2>${esc(user)} ${action} ${options}</h2>
<div class="${c.stats}"><span>${esc(t('ig.profile.posts', { n: items.length }))}</span><span>${esc(t('ig.profile.followers', { n: fmt(ctx, 1200 + user.length * 37) }))}</span><span>${esc(t('ig.profile.following', { n: 310 }))}</span></div></section></header>
<div class="${c.grid}">${grid}</div></div>`, { title: user });
}

/** `/explore/` and `/reels/`: a grid of the feed's posts (or reels). */
export function gridPage(ctx, current, reelsOnly) {
  const { c, t, state } = ctx;
  const items = [];
  for (let n = 0; n < state.feedSize && items.length < 24; n++) {
    const p = generatedPost(n);
    if (!reelsOnly || p.kind === 'reel') items.push(p);
  }
  return shell(ctx, current, `<div class="${c.page}"><div class="${c.grid}">${items.map((p) => go(ctx, permalink(p), `<img alt="${esc(t('ig.post.photo_alt', { user: p.user }))}" src="${pictureFor(p.n, { w: 300, h: 300 })}">`)).join('')}</div></div>`,
    { title: t(reelsOnly ? 'ig.nav.reels' : 'ig.nav.explore') });
}

const messagingOffered = (state) => state.messagingAvailable && !state.messagingUpdated;

/** `/direct/inbox/`: the inbox, with the "Update" offer where messaging is offered. */
export function directPage(ctx) {
  const { c, h, t, state } = ctx;
  const offer = messagingOffered(state)
    ? `<div class="${c.banner}">${icon('Direct', '', { size: 28 })}<div style="flex:1"><strong>${esc(t('ig.update.title'))}</strong></div><div role="button" tabindex="0" class="${c.btn} ${h('update_messaging')}">${esc(t('ig.update.update'))}</div></div>` : '';
  return shell(ctx, 'direct', `<div class="${c.inbox}"><div class="${c.inboxList}"><h2 class="${c.h2}">${esc(state.instagramUsername)}</h2>${offer}<h3 class="${c.h3}">${esc(t('ig.nav.messages'))}</h3></div>
<div class="${c.inboxMain}">${icon('Direct', '', { size: 96 })}<h2 class="${c.h2}" style="margin:0">${esc(t('ig.nav.messages'))}</h2></div></div>`, { title: t('ig.nav.messages') });
}

/** The Settings frame: its left column (Accounts Center, sections, "Update Messaging"). */
function settingsShell(ctx, current, main, title) {
  const { c, h, t, state } = ctx;
  const link = (href, id, key, ic) => go(ctx, href, `${icon(ic, '', { size: 22 })}<span>${esc(t(id))}</span>`, c.setLink, current === key ? ' aria-current="page"' : '');
  const acCard = `<a class="${c.acCard}" href="https://accountscenter.instagram.com/">${icon('Meta', t('ig.settings.meta'), { size: 20 })}<strong>${esc(t('ig.settings.accounts_center'))}</strong><span class="${c.grey}" style="font-size:12px">${esc(t('ig.settings.accounts_center_detail'))}</span><div class="${c.blue}" style="margin-top:8px">${esc(t('ig.settings.see_more'))}</div></a>`;
  const update = messagingOffered(state)
    ? `<div role="button" tabindex="0" class="${c.setLink} ${h('update_messaging')}">${icon('Direct', '', { size: 22 })}<span>${esc(t('ig.settings.update_messaging'))}</span></div>` : '';
  const groups = [
    `<div class="${c.setGroup}">${esc(t('ig.settings.how_you_use'))}</div>${link('/accounts/edit/', 'ig.settings.edit_profile', 'edit', 'Person')}${link('/accounts/edit/', 'ig.settings.notifications', 'notifications', 'Notifications')}`,
    `<div class="${c.setGroup}">${esc(t('ig.settings.who_can_see'))}</div>${link('/accounts/settings/v2/account_privacy/', 'ig.settings.privacy', 'privacy', 'Lock')}${link('/accounts/edit/', 'ig.settings.blocked', 'blocked', 'Close')}`,
    `<div class="${c.setGroup}">${esc(t('ig.settings.how_others'))}</div>${link('/accounts/messages_and_story_replies/', 'ig.settings.messages', 'messages', 'Direct')}${link('/accounts/edit/', 'ig.settings.comments', 'comments', 'Comment')}${ctx.layout === 'A' ? update : ''}`,
    `<div class="${c.setGroup}">${esc(t('ig.settings.help'))}</div>${link('/accounts/edit/', 'ig.settings.help', 'help', 'Info')}`,
  ];
  const column = ctx.layout === 'A'
    ? `<div class="${c.setCol}"><h1 class="${c.setTitle}">${esc(t('ig.settings.title'))}</h1>${acCard}${groups.join('')}</div>`
    : `<div class="${c.setCol}"><div><h1 class="${c.setTitle}">${esc(t('ig.settings.title'))}</h1></div><div>${groups.join('')}</div><div style="margin-top:24px">${acCard}</div></div>`;
  const banner = ctx.layout === 'B' && update
    ? `<div class="${c.banner}">${icon('Direct', '', { size: 28 })}<div style="flex:1"><strong>${esc(t('ig.update.title'))}</strong><div class="${c.grey}">${esc(t('ig.update.body'))}</div></div>${update.replace(c.setLink, `${c.btn}`)}</div>` : '';
  return shell(ctx, 'settings', `<div class="${c.settings}">${column}<div class="${c.setMain}">${banner}${main}</div></div>`, { title });
}

/** instagram_settings: `/accounts/edit/`. */
export function settingsPage(ctx) {
  const { c, t, state } = ctx;
  return settingsShell(ctx, 'edit', `<h2 class="${c.h2}">${esc(t('ig.settings.edit_profile'))}</h2>
<div class="${c.banner}">${avatarImg(ctx, state.instagramUsername, 'avatarMid')}<strong style="flex:1">${esc(state.instagramUsername)}</strong><div role="button" tabindex="0" class="${c.btn}">${esc(t('ig.settings.change_photo'))}</div></div>
<label><strong>${esc(t('ig.settings.website'))}</strong><input class="${c.field}" aria-label="${esc(t('ig.settings.website'))}" placeholder="${esc(t('ig.settings.website'))}"></label>
<label><strong>${esc(t('ig.settings.bio'))}</strong><textarea class="${c.field}" aria-label="${esc(t('ig.settings.bio'))}" rows="3"></textarea></label>
<div role="button" tabindex="0" aria-disabled="true" class="${c.btn}" style="opacity:.5">${esc(t('ig.settings.submit'))}</div>`, t('ig.settings.edit_profile'));
}

/** `/accounts/settings/v2/account_privacy/`: Privacy, with the way to Messages. */
export function privacyPage(ctx) {
  const { c, t } = ctx;
  return settingsShell(ctx, 'privacy', `<h2 class="${c.h2}">${esc(t('ig.privacy.title'))}</h2>
<div class="${c.box}"><div class="${c.boxRow}"><span style="flex:1">${esc(t('ig.privacy.private'))}</span><div role="switch" aria-checked="false" aria-disabled="true" aria-label="${esc(t('ig.privacy.private'))}" class="${c.toggle}"></div></div></div>
<p class="${c.grey}">${esc(t('ig.privacy.private_help'))}</p>
<h3 class="${c.h3}">${esc(t('ig.privacy.interactions'))}</h3><div class="${c.box}">${go(ctx, '/accounts/messages_and_story_replies/', `${icon('Direct', '', { size: 22 })}<span style="flex:1">${esc(t('ig.privacy.messages'))}</span>${icon('Chevron', '', { size: 16 })}`, c.boxRow)}</div>`, t('ig.privacy.title'));
}

const CHOICE_TEXT = { chats: 'ig.messages.chats', requests: 'ig.messages.requests', none: 'ig.messages.dont_receive' };
const othersOnFacebookShown = (state) => state.linked && state.messagingUpdated;

/** instagram_messages_settings: `/accounts/messages_and_story_replies/`. */
export function messagesPage(ctx) {
  const { c, t, state } = ctx;
  const row = (label, value, href) => (href
    ? go(ctx, href, `<span style="flex:1">${esc(label)}</span><span class="${c.value}">${esc(value)}</span>${icon('Chevron', '', { size: 16 })}`, c.boxRow)
    : `<div class="${c.boxRow}"><span style="flex:1">${esc(label)}</span><span class="${c.value}">${esc(value)}</span></div>`);
  const rows = [
    row(t('ig.messages.followers_ig'), t('ig.messages.chats')),
    row(t('ig.messages.others_ig'), t('ig.messages.requests')),
  ];
  if (othersOnFacebookShown(state)) {
    rows.push(row(t('ig.messages.others_fb'), t(CHOICE_TEXT[state.othersOnFacebook]), '/accounts/messages_and_story_replies/others_on_facebook/'));
  }
  if (ctx.layout === 'B') rows.reverse();
  const status = state.linked && state.messagingUpdated ? `<p class="${c.grey}" role="status">${esc(t('ig.update.status_on'))}</p>` : '';
  const controls = ctx.layout === 'A'
    ? `<h3 class="${c.h3}">${esc(t('ig.messages.controls'))}</h3><p class="${c.grey}">${esc(t('ig.messages.controls_help'))}</p><div class="${c.grey}" style="margin:12px 0 6px">${esc(t('ig.messages.potential'))}</div><div class="${c.box}">${rows.join('')}</div>`
    : `<section><div><div><h3 class="${c.h3}">${esc(t('ig.messages.controls'))}</h3></div><div class="${c.box}"><div>${rows.map((r) => `<div>${r}</div>`).join('')}</div></div><p class="${c.grey}">${esc(t('ig.messages.controls_help'))}</p></div></section>`;
  return settingsShell(ctx, 'messages', `<h2 class="${c.h2}">${esc(t('ig.messages.title'))}</h2>${status}${controls}
<h3 class="${c.h3}">${esc(t('ig.messages.story_replies'))}</h3><div class="${c.box}">${row(t('ig.messages.story_replies'), t('ig.messages.everyone'))}${row(t('ig.messages.activity'), '')}</div>`, t('ig.messages.title'));
}

/** instagram_messages_others_on_facebook: the three choices, "Don't receive requests" among them. */
export function othersOnFacebookPage(ctx) {
  const { c, h, t, state } = ctx;
  if (!othersOnFacebookShown(state)) return null;
  const choice = (key) => {
    const on = state.othersOnFacebook === key;
    const label = t(CHOICE_TEXT[key]);
    return ctx.layout === 'A'
      ? `<label class="${c.radio}"><span>${esc(label)}</span><input type="radio" name="others_on_facebook" class="${c.dot} ${h(`others_${key}`)}" aria-label="${esc(label)}"${on ? ' checked' : ''}></label>`
      : `<div class="${c.radio}"><div><span id="${c.lbl}_${key}">${esc(label)}</span></div><div role="radio" tabindex="0" aria-checked="${on}" aria-labelledby="${c.lbl}_${key}" class="${c.dot} ${h(`others_${key}`)}"></div></div>`;
  };
  return settingsShell(ctx, 'messages', `${go(ctx, '/accounts/messages_and_story_replies/', icon('Back', t('ig.messages.back')), '', ' style="display:inline-flex;margin-bottom:12px"')}
<h2 class="${c.h2}">${esc(t('ig.messages.others_fb'))}</h2><p class="${c.grey}">${esc(t('ig.messages.others_fb_help'))}</p>
<div class="${c.box}" role="radiogroup" aria-label="${esc(t('ig.messages.others_fb'))}">${['chats', 'requests', 'none'].map(choice).join('')}</div>`, t('ig.messages.others_fb'));
}

/** Any Instagram path: its page, or null for "Sorry, this page isn't available." */
export function route(ctx, p) {
  let m;
  if (p === '/') return feed(ctx);
  if ((m = p.match(/^\/p\/([\w-]+)\/$/))) return postPage(ctx, m[1], false);
  if ((m = p.match(/^\/reel\/([\w-]+)\/$/))) return postPage(ctx, m[1], true);
  if ((m = p.match(/^\/stories\/([\w.]+)\/(\d+)\/$/))) return storyPage(ctx, m[1], m[2]);
  if (p === '/explore/' || p === '/explore/search/') return gridPage(ctx, p === '/explore/' ? 'explore' : 'search', false);
  if (p === '/reels/') return gridPage(ctx, 'reels', true);
  if (p === '/direct/inbox/') return directPage(ctx);
  if (p === '/accounts/edit/') return settingsPage(ctx);
  if (p === '/accounts/settings/v2/account_privacy/') return privacyPage(ctx);
  if (p === '/accounts/messages_and_story_replies/') return messagesPage(ctx);
  if (p === '/accounts/messages_and_story_replies/others_on_facebook/') return othersOnFacebookPage(ctx);
  if ((m = p.match(/^\/([\w.]+)\/$/))) return profilePage(ctx, m[1]);
  return null;
}

/** "Sorry, this page isn't available.", in the host's own frame. */
export function notFound(ctx, host = 'instagram') {
  const { c, t } = ctx;
  const body = `<div class="${c.center}"><h2 class="${c.h2}">${esc(t('ig.post.not_found'))}</h2><p>${esc(t('ig.post.not_found_detail'))} <a href="/" style="color:#00376b">${esc(t('ig.nav.home'))}</a></p></div>`;
  if (host === 'instagram') return shell(ctx, '', body);
  return renderDocument(ctx, { host, title: t('ig.post.not_found'), css: `${BASE_CSS}${css(c)}`, content: body, interstitial: false });
}
