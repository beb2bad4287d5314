// The stage's state, held on the server so every read-back is real. Changed by the
// pages' own actions and by POST /__stage/state (every key is documented in
// web/README.md; keep the two in step).
import { LOCALES } from './texts.mjs';
import { UNKNOWN_WORDINGS } from './variants.mjs';
import { ACCOUNTS_CENTER_HOSTS, FACEBOOK_LOGIN_HOSTS, HAND_OFF_HOSTS } from './cert.mjs';

export const SWITCHES = ['posts', 'reels', 'stories', 'facebookStories'];
export const OTHERS_ON_FACEBOOK = ['chats', 'requests', 'none'];
export const MAX_FEED = 100000;
export const LINK_STEPS = ['pages', 'dialogs'];
export const FINISH_WORDINGS = ['setup', 'adding', 'allow'];
export const REMOVAL_WORDINGS = ['layout', 'help', 'web'];

export function defaultState() {
  return {
    // variants
    locale: 'en',
    layout: 'A',
    latencyMs: 0,
    rateLimitAfter: null,
    rateLimited: false,
    interstitial: false,
    messagingAvailable: true,
    postFails: false,
    feedSize: 30,
    // first contact (issue 15): the shapes and steps Meta's real pages have (web/README.md)
    scramble: null,
    linkSteps: 'pages',
    finishWording: 'setup',
    accountsCentre: false,
    removalWording: 'layout',
    reactClicks: false,
    cookieBanner: false,
    saveLoginInfo: false,
    confirmIdentity: false,
    newPassword: false,
    checkpoint: false,
    birthday: false,
    facebookPassword: false,
    adsChoice: false,
    linkReturnHost: 'accountscenter.instagram.com',  // where Facebook's hand-off returns to (FACTS: Accounts Center's other hosts)
    facebookLoginHost: 'www.facebook.com',  // where "Add Facebook account" leads (FACTS: www, m, web or touch)
    handOffHost: 'm.facebook.com',  // where the hand-off (/fxauth/) passes (FACTS: also auth.meta.com)
    unknownWording: null,  // guided steps (issue 16): web/variants.mjs
    finishSpinner: 0,
    // who is who
    instagramUsername: 'jane.doe',
    facebookLoggedIn: true,
    facebookAccounts: ['Jane Doe'],
    // the connection
    linked: false,
    facebookName: 'Jane Doe',
    profileSynced: false,
    sharing: { posts: false, reels: false, stories: false, facebookStories: false },
    messagingUpdated: false,
    othersOnFacebook: 'requests',
    // what happened (read-only: changed by the pages, cleared by reset)
    actionCount: 0,
    posts: [],
    liked: [],
    facebookShares: [],
  };
}

const isInt = (v) => Number.isInteger(v) && v >= 0;
const isName = (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= 100;
const flags = (keys) => (v) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'must be an object';
  for (const [k, x] of Object.entries(v)) {
    if (!keys.includes(k)) return `has unknown key "${k}" (known: ${keys.join(', ')})`;
    if (typeof x !== 'boolean') return `.${k} must be a boolean`;
  }
  return '';
};
const oneOf = (values) => (v) => (values.includes(v) ? '' : `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
const check = (ok, message) => (v) => (ok(v) ? '' : message);
const READ_ONLY = 'is read-only (changed by the pages; POST /__stage/reset clears it)';

/** key → validator returning '' or what is wrong. */
const SCHEMA = {
  locale: oneOf(LOCALES),
  layout: oneOf(['A', 'B']),
  latencyMs: check((v) => isInt(v) && v <= 60000, 'must be an integer from 0 to 60000'),
  rateLimitAfter: check((v) => v === null || isInt(v), 'must be null or an integer ≥ 0'),
  rateLimited: check((v) => typeof v === 'boolean', 'must be a boolean'),
  interstitial: check((v) => typeof v === 'boolean', 'must be a boolean'),
  messagingAvailable: check((v) => typeof v === 'boolean', 'must be a boolean'),
  postFails: check((v) => typeof v === 'boolean', 'must be a boolean'),
  feedSize: check((v) => isInt(v) && v <= MAX_FEED, `must be an integer from 0 to ${MAX_FEED}`),
  scramble: check((v) => v === null || (Number.isInteger(v) && v >= 0 && v <= 0x7fffffff), 'must be null or an integer from 0 to 2147483647'),
  linkSteps: oneOf(LINK_STEPS),
  finishWording: oneOf(FINISH_WORDINGS),
  accountsCentre: check((v) => typeof v === 'boolean', 'must be a boolean'),
  removalWording: oneOf(REMOVAL_WORDINGS),
  reactClicks: check((v) => typeof v === 'boolean', 'must be a boolean'),
  cookieBanner: check((v) => typeof v === 'boolean', 'must be a boolean'),
  saveLoginInfo: check((v) => typeof v === 'boolean', 'must be a boolean'),
  confirmIdentity: check((v) => typeof v === 'boolean', 'must be a boolean'),
  newPassword: check((v) => typeof v === 'boolean', 'must be a boolean'),
  checkpoint: check((v) => typeof v === 'boolean', 'must be a boolean'),
  birthday: check((v) => typeof v === 'boolean', 'must be a boolean'),
  facebookPassword: check((v) => typeof v === 'boolean', 'must be a boolean'),
  adsChoice: check((v) => typeof v === 'boolean', 'must be a boolean'),
  linkReturnHost: oneOf(ACCOUNTS_CENTER_HOSTS),
  facebookLoginHost: oneOf(FACEBOOK_LOGIN_HOSTS),
  handOffHost: oneOf(HAND_OFF_HOSTS),
  unknownWording: check((v) => v === null || UNKNOWN_WORDINGS.includes(v), `must be null or one of ${UNKNOWN_WORDINGS.join(', ')}`),
  finishSpinner: check((v) => isInt(v) && v <= 10000, 'must be an integer from 0 to 10000 (ms)'),
  instagramUsername: check((v) => typeof v === 'string' && /^[a-z0-9._]{1,30}$/.test(v), 'must be 1-30 of a-z 0-9 . _'),
  facebookLoggedIn: check((v) => typeof v === 'boolean', 'must be a boolean'),
  facebookAccounts: check((v) => Array.isArray(v) && v.length >= 1 && v.length <= 10 && v.every(isName) && new Set(v).size === v.length,
    'must be 1 to 10 different non-empty names'),
  linked: check((v) => typeof v === 'boolean', 'must be a boolean'),
  facebookName: check(isName, 'must be a non-empty name of at most 100 characters'),
  profileSynced: check((v) => typeof v === 'boolean', 'must be a boolean'),
  sharing: flags(SWITCHES),
  messagingUpdated: check((v) => typeof v === 'boolean', 'must be a boolean'),
  othersOnFacebook: oneOf(OTHERS_ON_FACEBOOK),
  actionCount: () => READ_ONLY,
  posts: () => READ_ONLY,
  liked: () => READ_ONLY,
  facebookShares: () => READ_ONLY,
};

/** Applies a partial state; returns the first problem (unknown key, wrong type) or ''. */
export function applyPatch(state, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return 'body must be a JSON object';
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in SCHEMA)) return `unknown key "${key}" (known: ${Object.keys(SCHEMA).join(', ')})`;
    const problem = SCHEMA[key](value);
    if (problem) return `"${key}" ${problem}`;
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'sharing') Object.assign(state.sharing, value);
    else state[key] = Array.isArray(value) ? [...value] : value;
  }
  return '';
}

/** Puts every key back to its default, in place (the server keeps one state object). */
export function resetState(state) {
  for (const key of Object.keys(state)) delete state[key];
  Object.assign(state, defaultState());
}
