// What every staged page shares: the document around a host's content (mount point,
// dialog templates, the unexpected interstitial, the inlined client script with this
// start's hook classes) and the "Try Again Later" refusal.
import fs from 'node:fs';
import { DIALOG_CSS, dialog, esc, icon, page } from '../look.mjs';
import { cookieBanner } from '../variants.mjs';

const client = (name) => fs.readFileSync(new URL(`../client/${name}.js`, import.meta.url), 'utf8');
const RUNTIME = client('runtime');
const HOST_SCRIPTS = { instagram: client('instagram'), accountscenter: client('accountscenter'), facebook: client('facebook') };

/** Hook classes: like class names (random per start), but enumerable for the client. */
export function hookNames(c) {
  const used = new Set();
  const h = (name) => {
    used.add(name);
    return c[`hook ${name}`];
  };
  h.table = () => Object.fromEntries([...used].map((name) => [name, c[`hook ${name}`]]));
  return h;
}

export const COMMON_CSS = (c) => `${DIALOG_CSS(c)}
.${c.dlgTitle}{font-size:20px;line-height:25px;font-weight:400;margin:32px 32px 8px}
.${c.dlgText}{color:#737373;margin:0 32px 24px;line-height:20px}
.${c.dlgBtn}{display:block;border-top:1px solid #dbdbdb;padding:14px 8px;min-height:48px;font-weight:400}
.${c.dlgBtn}:focus-visible{outline:2px solid #0095f6;outline-offset:-2px}
.${c.dlgPrimary}{color:#0095f6;font-weight:700}
.${c.dlgBtnPlain}{font-weight:400}
.${c.dlgDanger}{color:#ed4956;font-weight:700}
.${c.rateShell}{min-height:100vh;background:#fafafa}
.${c.dlgIcon}{margin:32px auto 0;width:64px;height:64px;border:2px solid #0c1014;border-radius:50%;display:flex;align-items:center;justify-content:center}
`;

/** A dialog button row of the Instagram kind. */
export const dlgButton = (ctx, hook, label, kind = '') =>
  `<div role="button" tabindex="0" class="${ctx.c.dlgBtn}${kind ? ` ${ctx.c[kind]}` : ''} ${ctx.h(hook)}">${esc(label)}</div>`;

function rateTemplate(ctx) {
  const { c, h, t } = ctx;
  const inner = `<h2 class="${c.dlgTitle}">${esc(t('rate.title'))}</h2><p class="${c.dlgText}">${esc(t('rate.body'))}</p>${dlgButton(ctx, 'rate_tell', t('rate.tell_us'), 'dlgPrimary')}${dlgButton(ctx, 'rate_ok', t('rate.ok'))}`;
  return `<template class="${h('tpl:rate')}"><div class="${c.rateShell}">${dialog(c, { label: t('rate.title'), inner, extraClass: h('overlay') })}</div></template>`;
}

function interstitialDialog(ctx) {
  const { c, t } = ctx;
  const inner = `<div class="${c.dlgIcon}">${icon('Notifications', '', { size: 32 })}</div><h2 class="${c.dlgTitle}">${esc(t('ig.interstitial.title'))}</h2><p class="${c.dlgText}">${esc(t('ig.interstitial.body'))}</p>${dlgButton(ctx, 'interstitial:turn_on', t('ig.interstitial.turn_on'), 'dlgPrimary')}${dlgButton(ctx, 'interstitial:not_now', t('ig.interstitial.not_now'))}`;
  return dialog(c, { label: t('ig.interstitial.title'), inner, extraClass: ctx.h('overlay') });
}

/**
 * The document: content inside the app's mount point, then the templates its client
 * needs, the interstitial when the state has one pending (shown once: the server clears
 * it as it renders it), and the client script.
 */
export function renderDocument(ctx, { title, css, content, templates = '', host, interstitial = true, cfg = {} }) {
  let extra = '';
  if (interstitial && ctx.state.interstitial) {
    ctx.state.interstitial = false;
    ctx.shown('interstitial');
    extra = interstitialDialog(ctx);
  }
  if (ctx.state.cookieBanner) extra += cookieBanner(ctx);
  const body = `<div id="${ctx.mountId}">${content}${extra}${rateTemplate(ctx)}${templates}</div>`;
  const config = { ...cfg, hooks: ctx.h.table(), mount: ctx.mountId, lang: ctx.state.locale, reactClicks: ctx.state.reactClicks };
  const script = `(function (CFG) {\n${RUNTIME}\n${HOST_SCRIPTS[host]}\n})(${JSON.stringify(config).replace(/</g, '\\u003c')});`;
  const scramble = ctx.state.scramble === null ? null
    : { seed: ctx.state.scramble, key: `${ctx.host}${ctx.url.pathname}`, hooks: config.hooks, label: ctx.t('ig.feed.loading') };
  return page({ lang: ctx.state.locale, title, css: `${css}${COMMON_CSS(ctx.c)}`, body, script, scramble });
}
