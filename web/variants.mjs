// The first-contact variants of issue 15 that are more than a switch in a page builder:
// the wordings Meta's real pages use besides the stage's own (FACTS.md, December 2026),
// and the person's-decision screens (a cookie banner, "Save your login info?"). Each is a
// key of the stage's state (web/state.mjs, documented in web/README.md).
import { dialog, esc } from './look.mjs';
import { text } from './texts.mjs';

// Their wordings are in the stage's text table (web/texts.json, ids "variant.<group>.<id>"),
// per locale: a new locale adds its strings there. newPassword: when both accounts share
// one password, Meta first asks for a new Facebook password before it removes the account
// (FACTS.md, December 2026: seen).
const variantText = (group) => (locale, id) => text(locale, `variant.${group}.${id}`);
export const reauthText = variantText('reauth');
export const newPasswordText = variantText('new_password');
export const cookieText = variantText('cookies');
export const birthdayText = variantText('birthday');
const FINISH_WORDINGS = ['adding', 'allow'];
/** finishWording → the finish button ("adding" and "allow": seen in en only), or null. */
export const finishText = (locale, wording) => (FINISH_WORDINGS.includes(wording) ? text(locale, `variant.finish.${wording}`) : null);

/**
 * The page's text function with the state's wording variants: finishWording, and
 * accountsCentre (en: "Accounts Centre", the en-GB spelling, everywhere it is named).
 */
export function variantTexts(state, t) {
  return (id, vars) => {
    let s = id === 'ac.finish.yes' && FINISH_WORDINGS.includes(state.finishWording) ? finishText(state.locale, state.finishWording) : t(id, vars);
    if (state.accountsCentre && state.locale === 'en') s = s.replace(/Accounts Center/g, 'Accounts Centre');
    s = unknownWordingText(state, id, s);
    return s;
  };
}

/** The cookie banner: a modal dialog, the person's choice (the page reports isTrusted). */
export function cookieBanner(ctx) {
  const { c, h, state } = ctx;
  const ct = (id) => cookieText(state.locale, id);
  const btn = (choice, label, kind) => `<div role="button" tabindex="0" class="${c.dlgBtn} ${c[kind]} ${h(`cookies:${choice}`)}">${esc(label)}</div>`;
  const inner = `<h2 class="${c.dlgTitle}">${esc(ct('title'))}</h2><p class="${c.dlgText}">${esc(ct('body'))}</p>${btn('allow', ct('allow'), 'dlgPrimary')}${btn('decline', ct('decline'), 'dlgBtnPlain')}`;
  return dialog(c, { label: ct('title'), inner, extraClass: h('overlay') });
}

/**
 * A Facebook step where the person types what only they know, then goes on (`data-next` on
 * the page): checkpoint, two-factor authentication between "Continue" and the hand-off
 * (FACTS.md, December 2026: /two_step_verification/authentication/); facebookPassword, the
 * saved account's password page (m.facebook.com/login/device-based/password/?flow=fx_reauth).
 */
const FACEBOOK_FIELDS = {  // the hook (its words are variant.<hook>.* in web/texts.json) → the field's attributes
  checkpoint: 'inputmode="numeric" autocomplete="one-time-code"',
  fb_password: 'type="password" autocomplete="current-password"',
};
export function facebookFieldInner(ctx, hook, account) {
  const { c, h, state } = ctx;
  const w = (id) => text(state.locale, `variant.${hook}.${id}`, { name: account });
  const id = `${c.lbl ?? 'x'}_${hook}`;
  return `<h2 class="${c.h}">${esc(w('title'))}</h2><p class="${c.p}">${esc(w('body'))}</p>
<label for="${id}">${esc(w('field'))}</label><input id="${id}" ${FACEBOOK_FIELDS[hook]} class="${h(`${hook}_field`)}">
<div role="button" tabindex="0" class="${c.blue} ${h(`${hook}_continue`)}">${esc(w('continue'))}</div>`;
}

/** A Facebook step that asks the person to choose: a title, its text and two choices, each `<hook>:<choice>`. */
function choiceInner(ctx, group, hook, [first, second]) {
  const { c, h, state } = ctx;
  const w = (id) => text(state.locale, `variant.${group}.${id}`);
  return `<h2 class="${c.h}">${esc(w('title'))}</h2><p class="${c.p}">${esc(w('body'))}</p>
<div role="button" tabindex="0" class="${c.blue} ${h(`${hook}:${first}`)}">${esc(w(first))}</div>
<div role="button" tabindex="0" class="${c.link} ${h(`${hook}:${second}`)}">${esc(w(second))}</div>`;
}
/** adsChoice: "Subscribe for no ads" on www.facebook.com, shown in place of the page asked for; either choice reloads it. */
export const adsChoiceInner = (ctx) => choiceInner(ctx, 'ads_choice', 'ads_choice', ['subscribe', 'free']);
/** "Save your login info?" on www.facebook.com, between "Continue" and the hand-off. */
export const saveLoginInner = (ctx) => choiceInner(ctx, 'save_login', 'save_login', ['save', 'not_now']);

// ---- Guided steps (issue 16): a wording the core does not know, for one step ----
// unknownWording: null, or which step's button or switch has a new name no shipped wording
// of the core matches (core/data/texts.*.json): the flow goes guided there, the person
// clicks it, and may teach it. "finish": link's "Yes, finish setup"; "remove": unlink's
// "Remove account" on the Facebook account's page; "posts": the posts sharing switch.
const UNKNOWN = {  // the variant → the text ids whose wording it replaces
  finish: ['ac.finish.yes'],
  remove: ['ac.detail.remove_a', 'ac.detail.remove_b'],
  posts: ['ac.sharing.posts'],
};
export const UNKNOWN_WORDINGS = Object.keys(UNKNOWN);
export const unknownWording = (variant, locale) => (UNKNOWN[variant] ? text(locale, `variant.unknown.${variant}`) : null);
function unknownWordingText(state, id, s) {
  const v = UNKNOWN[state.unknownWording];
  return v && v.includes(id) ? unknownWording(state.unknownWording, state.locale) : s;
}
// ---- issue 17 (safety): a finish screen that shows a spinner --------------------------
/**
 * finishSpinner (ms, 0 = off): "Yes, finish setup" stays as it is (not busy) while a
 * spinner (role status) shows for that long, then the link is made. An unrelated element
 * appearing after a click is not the click's effect: the flow must not click again.
 */
export const finishSpinnerAttr = (state) => (state.finishSpinner ? ` data-stage-spinner="${Number(state.finishSpinner)}"` : '');
