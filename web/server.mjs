// The stage: a local replica of the Instagram, Accounts Center and Facebook pages the
// extension drives, answered by host name (the test browser maps the real host names
// here). Run directly (`make stage`) or started in-process by the tests.
// Every page action is a same-origin POST that changes the state held here; the audit
// log records every request, every action and every input into a Facebook login field.
import crypto from 'node:crypto';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACCOUNTS_CENTER_HOSTS, HAND_OFF_HOSTS, STAGE_HOSTS, ensureCert } from './cert.mjs';
import { newOwnCode } from './feed.mjs';
import { createLog } from './log.mjs';
import { lab } from './lab.mjs';
import { classNames, esc, page } from './look.mjs';
import * as ac from './pages/accountscenter.mjs';
import { hookNames } from './pages/common.mjs';
import * as fb from './pages/facebook.mjs';
import * as ig from './pages/instagram.mjs';
import { OTHERS_ON_FACEBOOK, SWITCHES, applyPatch, defaultState, resetState } from './state.mjs';
import { texts } from './texts.mjs';
import { variantTexts } from './variants.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BODY = 1 << 20;
const MAX_UPLOAD = 16 << 20;
const HOSTS = STAGE_HOSTS;
/** A URL of the linking hand-off, on any host it can pass. */
const isHandOffUrl = (u) => HAND_OFF_HOSTS.some((h) => u.startsWith(`https://${h}/fxauth/`));
const FXCAL_APP_ID = '124024574287414';
const FAVICONS = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="2" y="2" width="20" height="20" rx="6" fill="#d62976"/><circle cx="12" cy="12" r="4.5" fill="none" stroke="#fff" stroke-width="2"/></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="#0866ff"/><path d="M13.4 20v-7h2.3l.4-2.8h-2.7V8.6c0-.8.3-1.4 1.4-1.4h1.4V4.8c-.3 0-1.1-.1-2.1-.1-2.1 0-3.5 1.3-3.5 3.6v2H8.3V13h2.3v7z" fill="#fff"/></svg>',
];

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}
const sendJson = (res, status, value) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
const sendHtml = (res, status, html) => send(res, status, 'text/html; charset=utf-8', html);
const redirect = (res, location) => send(res, 302, 'text/plain', '', { location });

function readBody(req, limit = MAX_BODY) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) reject(Object.assign(new Error(`body larger than ${limit} bytes`), { status: 413 }));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
async function readJson(req) {
  const text = (await readBody(req)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw Object.assign(new Error(`body is not JSON: ${e.message}`), { status: 400 });
  }
}
const readForm = async (req) => new URLSearchParams((await readBody(req)).toString('utf8'));

/**
 * @param {{port?: number, host?: string, certDir?: string}} [options]
 * @returns {Promise<{port: number, origin: string, state: object, log: object, close: () => Promise<void>}>}
 */
export async function startStage({ port = 0, host = '127.0.0.1', certDir = path.join(ROOT, 'build/stage') } = {}) {
  const state = defaultState();
  const log = createLog();
  const c = classNames();
  const h = hookNames(c);
  for (const name of ig.IG_HOOKS) h(name);  // the Instagram app swaps pages in: its client knows every hook from the start
  for (const name of ['cookies:allow', 'cookies:decline']) h(name);  // the cookie banner can appear on any page
  const mountId = `mount_0_0_${crypto.randomBytes(2).toString('hex')}`;
  const pendingLinks = new Map();  // etoken → { account } from Facebook's "Continue" to "Yes, finish setup"
  const uploads = new Map();        // upload_id → bytes, until the post is configured

  const ctxFor = (hostName, url) => ({
    state, c, h, mountId, url, host: hostName, t: variantTexts(state, texts(state.locale)), layout: state.layout,
    shown: (what) => log.add('event', { host: hostName, event: `${what}_shown`, path: url.pathname }),
  });

  /**
   * One state-changing action, or its refusal: rate limited (429, the page shows "Try
   * Again Later") or not possible now (400 with a message). apply() changes the state and
   * returns the reply's extra fields, or {error}. Dismissing a dialog is not counted
   * towards the rate limit.
   */
  function perform(res, hostName, name, args, apply, { counts = true } = {}) {
    const label = [name, ...Object.entries(args).map(([k, v]) => `${k}=${v === true ? 'on' : v === false ? 'off' : v}`)].join(' ');
    if (counts && (state.rateLimited || (state.rateLimitAfter !== null && state.actionCount >= state.rateLimitAfter))) {
      state.rateLimited = true;
      log.add('refused', { host: hostName, action: label, name, args, reason: 'rate_limited' });
      return sendJson(res, 429, { status: 'fail', message: 'Please wait a few minutes before you try again.', spam: true, feedback_title: 'Try Again Later' });
    }
    const result = apply() ?? {};
    if (result.error) {
      log.add('refused', { host: hostName, action: label, name, args, reason: result.error });
      return sendJson(res, result.status ?? 400, { status: 'fail', message: result.error });
    }
    if (counts) state.actionCount += 1;
    // When the page sent it (its x-stage-sent-at, the page's clock): a test can tell an
    // action sent before a Cancel from one that only arrived after it (latency).
    const sentAt = Number(res.req?.headers['x-stage-sent-at']) || undefined;
    log.add('action', { host: hostName, action: label, name, args, sentAt });
    return sendJson(res, 200, { status: 'ok', ...result });
  }

  // ---- the actions, by host -------------------------------------------------------
  const needLinked = () => (state.linked ? null : { error: 'No Facebook account is in this Accounts Center.' });

  // The interstitial can show on both Instagram hosts.
  const dismissInterstitial = (res, hn, v) => perform(res, hn, 'dismiss_interstitial', { choice: String(v.choice ?? '') }, () => ({}), { counts: false });
  // What the person types to get past a screen (a password, a code): recorded as its length
  // only, never counted; empty is refused as the real page does.
  const personTypes = (name, stateKey, missing) => (res, hn, v) => perform(res, hn, name, { trusted: Boolean(v.trusted) }, () => {
    if (!Number(v.length)) return { error: missing };
    state[stateKey] = false;
    return {};
  }, { counts: false });
  /** POST /ajax/bz: what went into a password or code field (its length, never the value). */
  async function loginInput(req, res, host) {
    const v = await readJson(req);
    log.add('login_input', { host, field: String(v.field ?? ''), how: String(v.how ?? ''), length: Number(v.length) || 0, trusted: Boolean(v.trusted) });
    return send(res, 204, 'text/plain', '');
  }
  // The person's decisions (cookieBanner, saveLoginInfo): recorded with whether the click
  // was a person's (the event's isTrusted, as the page saw it); never counted.
  const cookieChoice = (res, hn, v) => perform(res, hn, 'cookie_choice', { choice: String(v.choice ?? ''), trusted: Boolean(v.trusted) }, () => {
    state.cookieBanner = false;
    return {};
  }, { counts: false });

  const accountsCenterActions = {
    dismiss_interstitial: dismissInterstitial,
    cookie_choice: cookieChoice,
    confirm_identity: personTypes('confirm_identity', 'confirmIdentity', 'Enter your password.'),
    link: (res, hn, v) => {
      const pending = pendingLinks.get(String(v.etoken ?? ''));
      return perform(res, hn, 'link', { account: pending?.account ?? '?' }, () => {
        if (!pending) return { error: 'This request expired. Start again from Add accounts.' };
        if (state.linked) return { error: 'A Facebook account is already in this Accounts Center.' };
        pendingLinks.delete(String(v.etoken));
        state.linked = true;
        state.facebookName = pending.account;
        return { linked: true, facebookName: state.facebookName };
      });
    },
    sync_profile: (res, hn, v) => perform(res, hn, 'sync_profile', { sync: Boolean(v.sync) }, () => {
      state.profileSynced = Boolean(v.sync);
      return { profileSynced: state.profileSynced };
    }),
    new_password: personTypes('new_password', 'newPassword', 'Enter a new password.'),
    birthday: personTypes('birthday', 'birthday', 'Enter your birthday.'),
    remove_account: (res, hn) => perform(res, hn, 'remove_account', { account: state.facebookName }, () => {
      const problem = needLinked();
      if (problem) return problem;
      if (state.confirmIdentity) return { error: 'reauth_required', status: 403 };
      if (state.newPassword) return { error: 'new_password_required', status: 403 };
      state.linked = false;
      for (const key of SWITCHES) state.sharing[key] = false;
      state.messagingUpdated = false;
      return { linked: false };
    }),
    set_switch: (res, hn, v) => {
      const key = String(v.key);
      return perform(res, hn, 'set_switch', { [key]: Boolean(v.value) }, () => {
        if (!SWITCHES.includes(key)) return { error: `Unknown setting "${key}".` };
        if (typeof v.value !== 'boolean') return { error: 'value must be true or false' };
        const problem = needLinked();
        if (problem) return problem;
        state.sharing[key] = v.value;
        return { sharing: { ...state.sharing } };
      });
    },
  };

  const instagramActions = {
    update_messaging: (res, hn) => perform(res, hn, 'update_messaging', {}, () => {
      if (!state.messagingAvailable) return { error: 'Messaging updates are not available in your region.' };
      if (!state.linked) return { error: texts(state.locale)('ig.update.needs_link') };
      state.messagingUpdated = true;
      return { messagingUpdated: true };
    }),
    dismiss_update_messaging: (res, hn) => perform(res, hn, 'dismiss_update_messaging', {}, () => ({}), { counts: false }),
    set_others_on_facebook: (res, hn, v) => perform(res, hn, 'set_others_on_facebook', { choice: String(v.choice) }, () => {
      if (!OTHERS_ON_FACEBOOK.includes(v.choice)) return { error: `Unknown choice "${v.choice}".` };
      if (!state.linked || !state.messagingUpdated) return { error: 'Messages from Facebook are not connected to this account.' };
      state.othersOnFacebook = v.choice;
      return { othersOnFacebook: v.choice };
    }),
    dismiss_interstitial: dismissInterstitial,
    cookie_choice: cookieChoice,
  };

  const facebookActions = {
    cookie_choice: cookieChoice,
    save_login_info: (res, hn, v) => perform(res, hn, 'save_login_info', { choice: String(v.choice ?? ''), trusted: Boolean(v.trusted) }, () => ({}), { counts: false }),
    checkpoint: personTypes('checkpoint', 'checkpoint', 'Enter the code.'),
    facebook_password: personTypes('facebook_password', 'facebookPassword', 'Enter your password.'),
    ads_choice: (res, hn, v) => perform(res, hn, 'ads_choice', { choice: String(v.choice ?? ''), trusted: Boolean(v.trusted) }, () => {
      state.adsChoice = false;
      return {};
    }, { counts: false }),
    facebook_continue: (res, hn, v) => {
      const name = state.facebookAccounts[Number(v.account)];
      return perform(res, hn, 'facebook_continue', { account: name ?? '?' }, () => {
        if (!state.facebookLoggedIn) return { error: 'You are not logged in to Facebook.' };
        if (!name) return { error: 'That account is not saved in this browser.' };
        const etoken = crypto.randomBytes(12).toString('base64url');
        pendingLinks.set(etoken, { account: name });
        const extra = Buffer.from(JSON.stringify({ ac: 'link' })).toString('base64url');
        const handOff = `https://${state.handOffHost}/fxauth/?app_id=${FXCAL_APP_ID}&etoken=${etoken}&extra_data=${extra}`;
        if (state.facebookPassword) return { redirect: `https://m.facebook.com/login/device-based/password/?flow=fx_reauth&next=${encodeURIComponent(handOff)}` };
        if (state.checkpoint) return { redirect: `https://${hn}/two_step_verification/authentication/?next=${encodeURIComponent(handOff)}` };
        if (state.saveLoginInfo) return { redirect: `https://${hn}/login/save-device/?next=${encodeURIComponent(handOff)}` };
        return { redirect: handOff };
      });
    },
    facebook_share: (res, hn, v) => perform(res, hn, 'facebook_share', { url: String(v.url ?? '') }, () => {
      if (!v.url) return { error: 'Nothing to share.' };
      state.facebookShares.push({ url: String(v.url), message: String(v.message ?? ''), time: new Date().toISOString() });
      return {};
    }),
  };

  async function graphql(req, res, hostName, actions) {
    const body = await readJson(req);
    const doc = body?.doc;
    const run = typeof doc === 'string' && Object.hasOwn(actions, doc) ? actions[doc] : null;
    if (!run) return sendJson(res, 400, { status: 'fail', message: `unknown doc ${JSON.stringify(doc)}` });
    const variables = body.variables && typeof body.variables === 'object' ? body.variables : {};
    return run(res, hostName, variables);
  }

  // ---- pages, by host ------------------------------------------------------------
  async function instagram(req, res, url, ctx) {
    const p = url.pathname;
    if (req.method === 'POST') {
      if (p === '/api/graphql/') return graphql(req, res, ctx.host, instagramActions);
      const like = p.match(/^\/api\/v1\/web\/likes\/([\w-]+)\/(like|unlike)\/$/);
      if (like) {
        const [, code, verb] = like;
        return perform(res, ctx.host, verb, { code }, () => {
          state.liked = state.liked.filter((x) => x !== code);
          if (verb === 'like') state.liked.push(code);
          return { liked: verb === 'like' };
        });
      }
      const upload = p.match(/^\/rupload_igphoto\/([\w-]+)$/);
      if (upload) {
        const bytes = await readBody(req, MAX_UPLOAD);
        if (!bytes.length) return sendJson(res, 400, { status: 'fail', message: 'empty upload' });
        const id = String(Date.now()) + crypto.randomBytes(2).readUInt16BE();
        uploads.set(id, bytes.length);
        return sendJson(res, 200, { status: 'ok', upload_id: id });
      }
      if (p === '/api/v1/media/configure/') {
        const form = await readForm(req);
        const shareToFacebook = form.get('share_to_facebook') === '1';
        const args = { share_to_facebook: shareToFacebook };
        if (state.postFails && !(state.rateLimited || (state.rateLimitAfter !== null && state.actionCount >= state.rateLimitAfter))) {
          log.add('refused', { host: ctx.host, action: `post share_to_facebook=${shareToFacebook ? 'on' : 'off'}`, name: 'post', args, reason: 'post_fails' });
          return sendJson(res, 500, { status: 'fail', message: "Post couldn't be shared" });
        }
        return perform(res, ctx.host, 'post', args, () => {
          const size = uploads.get(form.get('upload_id') ?? '');
          if (!size) return { error: 'upload not found' };
          uploads.delete(form.get('upload_id'));
          const post = {
            code: newOwnCode(state.posts.length + 1),
            caption: form.get('caption') ?? '',
            shareToFacebook,
            destinationType: shareToFacebook ? form.get('share_to_fb_destination_type') ?? '' : '',
            destinationId: shareToFacebook ? form.get('share_to_fb_destination_id') ?? '' : '',
            media: form.get('media_type') === '2' ? 'video' : 'photo',
            bytes: size,
            time: new Date().toISOString(),
          };
          state.posts.unshift(post);
          return { media: { code: post.code } };
        });
      }
      return sendJson(res, 404, { status: 'fail', message: 'no such endpoint' });
    }
    if (p === '/api/v1/feed/timeline/') return sendJson(res, 200, ig.feedBatch(ctx, Number(url.searchParams.get('offset') ?? 0)));
    const html = ig.route(ctx, p);
    return html ? sendHtml(res, 200, html) : sendHtml(res, 404, ig.notFound(ctx));
  }

  async function accountsCenter(req, res, url, ctx) {
    const p = url.pathname;
    if (req.method === 'POST') {
      if (p === '/api/graphql/') return graphql(req, res, ctx.host, accountsCenterActions);
      if (p === '/ajax/bz') return loginInput(req, res, ctx.host);  // "Confirm it's you", a new password
      return sendJson(res, 404, { status: 'fail', message: 'no such endpoint' });
    }
    const sections = {
      '/password_and_security/': ['password', 'ac.nav.password'], '/personal_info/': ['personal', 'ac.nav.personal'],
      '/info_and_permissions/': ['info', 'ac.nav.information'], '/ad_preferences/': ['ads', 'ac.nav.ads'],
    };
    let html = null;
    if (p === '/') html = ac.overview(ctx);
    else if (p === '/accounts/') html = ac.accountsList(ctx);
    else if (p === '/add/' && state.linkSteps === 'dialogs') {
      // add, finish and sync as dialogs over a background page, addressed by query string
      const background = url.searchParams.get('background_page') ?? '/';
      const token = url.searchParams.get('token') ?? url.searchParams.get('etoken');
      if (!url.searchParams.get('auth_flow')) html = ac.linkDialog(ctx, 'add', null, background);
      else if (url.searchParams.get('step') === 'sync') html = ac.linkDialog(ctx, 'sync', null, background);
      else html = ac.linkDialog(ctx, 'finish', pendingLinks.get(token ?? '') ?? null, background);
    } else if (state.linkSteps === 'dialogs' && (p === '/add/confirm/' || p === '/add/sync/')) html = null;
    else if (p === '/add/') html = ac.addAccounts(ctx);
    else if (p === '/add/confirm/') {
      const etoken = url.searchParams.get('etoken') ?? '';
      html = ac.finishSetup(ctx, etoken, pendingLinks.get(etoken) ?? null);
    } else if (p === '/add/sync/') html = ac.profileSync(ctx);
    else if (p === '/reauth/' || p === '/new_password/' || p === '/birthday/') {
      const next = url.searchParams.get('next') ?? '/accounts/';
      const step = { '/reauth/': ac.reauth, '/new_password/': ac.newPassword, '/birthday/': ac.birthday }[p];
      html = step(ctx, next.startsWith('/') && !next.startsWith('//') ? next : '/accounts/');
    } else if (p === '/profiles/') html = ac.profiles(ctx);
    else if (/^\/profiles\/\d+\/$/.test(p)) html = ac.accountDetail(ctx, p.split('/')[2]);
    else if (p === '/connected_experiences/') html = ac.connectedExperiences(ctx);
    else if (p === '/connected_experiences/cross_posting/') html = ac.sharing(ctx);
    else if (sections[p]) html = ac.section(ctx, ...sections[p]);
    return html ? sendHtml(res, 200, html) : sendHtml(res, 404, ig.notFound(ctx, 'accountscenter'));
  }

  async function facebook(req, res, url, ctx) {
    const p = url.pathname;
    if (req.method === 'POST') {
      if (p === '/api/graphql/') return graphql(req, res, ctx.host, facebookActions);
      if (p === '/ajax/bz') return loginInput(req, res, ctx.host);  // login, checkpoint
      if (p === '/login/device-based/regular/login/') {
        const form = await readForm(req);
        const email = form.get('email') ?? '';
        const pass = form.get('pass') ?? '';
        const back = new URL(`https://${ctx.host}/login/`);
        for (const [k, v] of form) if (!['email', 'pass', 'login'].includes(k)) back.searchParams.set(k, v);
        log.add('login_input', { host: ctx.host, field: 'form', how: 'post', length: email.length + pass.length, trusted: true });
        if (!email || !pass) return sendHtml(res, 200, fb.login(ctx, back, ctx.t('fb.login.empty')));
        state.facebookLoggedIn = true;
        state.actionCount += 1;
        log.add('action', { host: ctx.host, action: 'facebook_login', name: 'facebook_login', args: {} });
        return redirect(res, fb.isHandOff(back) ? back.pathname + back.search : '/');
      }
      return sendJson(res, 404, { status: 'fail', message: 'no such endpoint' });
    }
    if (HAND_OFF_HOSTS.includes(ctx.host) && p === '/fxauth/') {
      const etoken = url.searchParams.get('etoken') ?? '';
      const blob = crypto.randomBytes(9).toString('base64url');
      const finish = state.linkSteps === 'dialogs'
        ? `/add/?auth_flow=ig_linking&background_page=${encodeURIComponent('/')}&blob=${blob}&token=${encodeURIComponent(etoken)}`
        : `/add/confirm/?etoken=${encodeURIComponent(etoken)}`;
      // birthday: Meta asks for the person's birthday before the finish.
      return redirect(res, `https://${state.linkReturnHost}${state.birthday ? `/birthday/?next=${encodeURIComponent(finish)}` : finish}`);
    }
    // The steps where the person types, on the way to the hand-off (`next`).
    const fieldStep = { '/two_step_verification/authentication/': 'checkpoint', '/login/device-based/password/': 'fb_password' }[p];
    if (fieldStep) {
      const next = url.searchParams.get('next') ?? '';
      if (!isHandOffUrl(next)) return redirect(res, '/');
      const account = pendingLinks.get(new URL(next).searchParams.get('etoken') ?? '')?.account ?? '';
      return sendHtml(res, 200, fb.personField(ctx, fieldStep, next, account));
    }
    if (p === '/login/save-device/') {
      const next = url.searchParams.get('next') ?? '';
      if (!isHandOffUrl(next)) return redirect(res, '/');
      return sendHtml(res, 200, fb.saveLogin(ctx, next));
    }
    const other = url.searchParams.get('login_as_other') === '1';
    if (p === '/login/' || p === '/login.php') {
      if (!state.facebookLoggedIn || other) return sendHtml(res, 200, fb.login(ctx, url));
      if (!fb.isHandOff(url)) return redirect(res, '/');
      // adsChoice: the "subscribe for no ads" interstitial comes first, at the same address.
      if (state.adsChoice) return sendHtml(res, 200, fb.adsChoice(ctx));
      return sendHtml(res, 200, state.facebookAccounts.length > 1 ? fb.chooseAccount(ctx, url) : fb.continueAs(ctx, url));
    }
    if (p === '/') return sendHtml(res, 200, state.facebookLoggedIn ? fb.home(ctx) : fb.login(ctx, url));
    if (p === '/sharer/sharer.php' || p === '/sharer.php') {
      return sendHtml(res, 200, state.facebookLoggedIn ? fb.sharer(ctx, url) : fb.login(ctx, url));
    }
    return sendHtml(res, 404, ig.notFound(ctx, 'facebook'));
  }

  // ---- the control endpoint (never logged, never slowed) ---------------------------
  async function control(req, res, url) {
    const p = url.pathname;
    if (p === '/__stage/state') {
      if (req.method === 'GET') return sendJson(res, 200, state);
      if (req.method === 'POST') {
        const problem = applyPatch(state, await readJson(req));
        return problem ? sendJson(res, 400, { error: problem }) : sendJson(res, 200, state);
      }
      return sendJson(res, 405, { error: 'GET or POST' });
    }
    if (p === '/__stage/reset') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST' });
      resetState(state);
      pendingLinks.clear();
      uploads.clear();
      log.clear();
      return sendJson(res, 200, state);
    }
    if (p === '/__stage/log') {
      if (req.method === 'GET') {
        const kind = url.searchParams.get('kind');
        if (kind && !['request', 'action', 'refused', 'login_input', 'event'].includes(kind)) return sendJson(res, 400, { error: `unknown kind "${kind}"` });
        return sendJson(res, 200, log.read(kind));
      }
      if (req.method === 'DELETE') {
        log.clear();
        return sendJson(res, 200, { dropped: 0, entries: [] });
      }
      return sendJson(res, 405, { error: 'GET or DELETE' });
    }
    return sendJson(res, 404, { error: 'GET/POST /__stage/state, POST /__stage/reset, GET/DELETE /__stage/log' });
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'https://stage.invalid');
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (url.pathname.startsWith('/__stage/')) return control(req, res, url);
    if (!HOSTS.includes(hostName)) {
      const links = HOSTS.map((x) => `<li>${esc(x)}</li>`).join('');
      return sendHtml(res, 200, page({
        title: 'Crosslink stage',
        css: 'body{font-family:system-ui;padding:24px}',
        body: `<h1>Crosslink stage</h1><p>This server answers for these hosts when a browser maps them here (see web/README.md):</p><ul>${links}</ul><p>State: <a href="/__stage/state">/__stage/state</a>, log: <a href="/__stage/log">/__stage/log</a></p>`,
      }));
    }
    const started = Date.now();
    res.on('finish', () => log.add('request', {
      host: hostName, method: req.method, path: url.pathname + url.search, status: res.statusCode, durationMs: Date.now() - started,
    }));
    if (state.latencyMs) await new Promise((r) => setTimeout(r, state.latencyMs));
    if (url.pathname === '/favicon.ico') return send(res, 200, 'image/svg+xml', FAVICONS[hostName.endsWith('facebook.com') ? 1 : 0]);
    // Test pages of the actuator and snapshot tests (web/lab.mjs), on every stage host.
    if (url.pathname.startsWith('/__lab/')) { const html = lab(url.pathname); if (html) return sendHtml(res, 200, html); }
    const pageUrl = new URL(req.url, `https://${hostName}`);
    const ctx = ctxFor(hostName, pageUrl);
    if (hostName === 'www.instagram.com') return instagram(req, res, pageUrl, ctx);
    if (ACCOUNTS_CENTER_HOSTS.includes(hostName)) return accountsCenter(req, res, pageUrl, ctx);
    return facebook(req, res, pageUrl, ctx);
  }

  const server = https.createServer(ensureCert(certDir), (req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) sendJson(res, e.status ?? 500, { status: 'fail', error: String(e?.message ?? e), message: String(e?.message ?? e) });
      else res.destroy();
    });
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return {
    port: actual,
    origin: `https://${host}:${actual}`,
    state,
    log,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stage = await startStage({ port: Number(process.env.STAGE_PORT ?? 8443) });
  console.log(`stage: ${stage.origin}`);
}
