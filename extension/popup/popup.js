// The popup: the status as last read from the pages (with the time of reading), one-click
// actions, the running flow's progress with Cancel, its outcome, and the activity log.
// It reads the flow and the status from extension storage and changes nothing itself:
// every action is a message to the worker.
// Its words: the browser's language through chrome.i18n at first paint, then the language
// chosen in the options page (i18n.js) when that is another one.
import { localeOf, resolveLocale, translator } from '../i18n/i18n.js';
import '../i18n/flow-words.js';
import { askPermissionBeforeFlow } from '../background/platform.js';
import { ACCOUNTS_KEY, ACCOUNT_KEY, statusView } from '../background/status-check.js';

const LINK_STATUS_KEY = 'linkStatus';  // status-store.js
// Asked first, by stored.js before the modules load: the first status comes from it (P8).
// With the readings per Instagram account and the account logged in (status-check.js).
const STATUS_KEYS = [LINK_STATUS_KEY, ACCOUNTS_KEY, ACCOUNT_KEY];
const early = globalThis.crosslinkStored;
const storedStatus = early && early.keys.join() === STATUS_KEYS.join() ? early.read
  : chrome.storage.local.get(STATUS_KEYS).catch(() => ({}));

/** The message for key with its substitutions, or null when there is none. */
let lookup = (key, subs) => chrome.i18n.getMessage(key, subs) || null;
// Chromium can give a page opened while the extension loads no message bundle: then every
// getMessage is "" (the name in the manifest, too) and the words come from our own
// translator (useChosenLocale) instead of showing as keys.
const bundled = chrome.i18n.getMessage('extName') !== '';
const m = (key, ...subs) => lookup(key, subs.map(String)) ?? '';
const t = (key, ...subs) => m(key, ...subs) || key;
const $ = (id) => document.getElementById(id);
// The language chrome.i18n picked for these strings, for screen readers and hyphenation.
const uiLocale = (chrome.i18n.getMessage('@@ui_locale') || 'en').replace('_', '-');
document.documentElement.lang = uiLocale;
const FACEBOOK_ORIGINS = chrome.runtime.getManifest().optional_host_permissions ?? [];  // asked for, never assumed
const ENDED = new Set(['done', 'error', 'cancelled']);
const LOG_SHOWN = 5;
// A reading older than this (by this page's clock) is read again, quietly, on opening.
const STALE_MS = 10 * 60 * 1000;

const applyStaticText = () => {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
};
applyStaticText();

let status = null;
let account = '';       // the Instagram account logged in, as read from its pages ('' unknown)
let otherAccount = '';  // the last reading was for this other account (then status is account's own, or null)
let flow = null;
let facebookGranted = false;
let lastLog = null;
let checking = false;   // a quiet read of a stale status is under way
let quietAsked = false; // asked for once per opening

/** A named core or dispatcher error in the person's words. */
// A flow's words, as the panel says them (i18n/flow-words.js).
const words = globalThis.crosslinkFlowWords;
const errorText = ({ name }) => words.errorText(t, m, name);

function timeText(ms) {
  const when = new Date(ms);
  const sameDay = when.toDateString() === new Date().toDateString();
  const fmt = new Intl.DateTimeFormat(undefined, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
  return fmt.format(when);
}

/** The reading is old by this page's clock (tests fix it), or has no time. */
function isStale(reading) {
  return Boolean(reading) && !(Date.now() - reading.readAt < STALE_MS);
}

/** The header: the Instagram account the status is for, as read from Accounts Center. */
function renderAccount() {
  const el = $('account');
  const name = account || (!status?.error && status?.instagramUsername);
  el.textContent = '';
  if (name) {
    const [before, after = ''] = t('popupAccount', '\u0000').split('\u0000');
    const who = document.createElement('strong');
    who.textContent = `@${name}`;
    el.append(before, who, after);
  } else {
    el.textContent = t('popupAccountUnknown');
  }
}

function renderStatus(replyError) {
  const line = $('status-line');
  const time = $('status-time');
  $('open-ac').hidden = Boolean(status && !status.error);
  time.textContent = '';
  delete time.dataset.checking;
  renderAccount();
  if (replyError) {
    line.dataset.state = 'error';
    line.textContent = t('statusError', errorText(replyError));
  } else if (!status) {
    line.dataset.state = 'unknown';
    // Another account's reading is not this one's: said so, and read again (checkIfStale).
    line.textContent = otherAccount ? t('statusOtherAccount', `@${otherAccount}`) : t('statusUnknown');
  } else {
    if (status.error) {
      line.dataset.state = 'error';
      line.textContent = t('statusError', errorText(status.error));
    } else if (status.linked) {
      line.dataset.state = 'linked';
      line.textContent = t('statusLinked', status.facebookName);
    } else {
      line.dataset.state = 'not-linked';
      line.textContent = t('statusNotLinked');
    }
    const stamp = document.createElement('time');
    stamp.dateTime = new Date(status.readAt).toISOString();
    stamp.textContent = t(status.url === 'flow' ? 'statusReadAtFlow' : 'statusReadAt', timeText(status.readAt));
    time.append(stamp);
  }
  if (checking) {
    time.dataset.checking = '';
    time.append(time.childNodes.length ? ' · ' : '', t('statusChecking'));
  }
  renderActions();
}

/** The switches as read: on, off, or not read yet. */
function switchValue(key) {
  if (key === 'messaging') {
    const m = status?.messaging;
    if (!m) return null;
    return Boolean(m.updated) && m.othersOnFacebook !== 'none';
  }
  const value = status?.sharing?.[key];
  return typeof value === 'boolean' ? value : null;
}

function renderActions() {
  const busy = flow && !ENDED.has(flow.status);
  // A stale or unknown reading offers both: the link may have changed since.
  const linked = status && !status.error && !isStale(status) && !checking ? status.linked : undefined;
  $('link').hidden = linked === true;
  $('unlink').hidden = linked === false;
  if ($('unlink').hidden || busy) closeUnlinkConfirm();
  $('read-status').disabled = Boolean(busy);
  for (const button of [$('link'), $('unlink'), ...document.querySelectorAll('[data-switch]')]) button.disabled = Boolean(busy);
  for (const button of document.querySelectorAll('[data-switch]')) {
    const value = switchValue(button.dataset.switch);
    button.setAttribute('aria-checked', String(value === true));
    const notOffered = button.dataset.switch === 'messaging' && status?.messaging?.offered === false && !value;
    button.nextElementSibling.textContent = t(notOffered ? 'switchNotOffered' : value === null ? 'switchUnknown' : value ? 'switchOn' : 'switchOff');
  }
}

function flowName(kind, params) {
  if (kind === 'setSharing') {
    const [[key, on] = []] = Object.entries(params?.sharing ?? {});
    return t(on ? 'flowNameSharingOn' : 'flowNameSharingOff', t(`switchName_${key}`));
  }
  return t(`flowName_${kind}`);
}

const outcomeText = (rec) => words.outcomeText(t, m, { ...rec, outcome: rec.outcome ?? rec.error?.name, host: rec.error?.host });

/** A quiet read says "checking…" in the status, not in a flow box, unless it needs the person or failed. */
const quietNow = (rec) => Boolean(rec?.quiet) && rec.flow === 'readStatus'
  && (rec.status === 'running' || rec.status === 'done' || rec.status === 'cancelled');

// The consent asks (issue 17), worded as in the panel (i18n/flow-words.js); an answer is
// the person's one click (popup/answerFlow).
const askText = (v) => words.askText(t, v);
const answerChoices = words.choices;
const answerLabel = (v, c) => words.label(t, v, c);
function renderAnswers(choices) {
  let box = $('flow-answers');
  if (!box) {
    box = document.createElement('div');
    box.id = 'flow-answers';
    box.className = 'answers';
    $('flow-ask').after(box);
  }
  const key = JSON.stringify([flow?.asked, choices]);
  if (box.dataset.key !== key) {
    box.dataset.key = key;
    box.textContent = '';
    for (const choice of choices) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = answerLabel(flow, choice);
      b.addEventListener('click', () => send({ type: 'popup/answerFlow', choice }));
      box.append(b);
    }
  }
  box.hidden = choices.length === 0;
}

function renderFlow() {
  const box = $('flow');
  const wasChecking = checking;
  if (flow?.quiet && flow.flow === 'readStatus') checking = !ENDED.has(flow.status);
  else if (flow && !ENDED.has(flow.status)) checking = false;
  if (checking !== wasChecking) renderStatus();
  if (!flow || quietNow(flow)) {
    box.hidden = true;
    renderActions();
    return;
  }
  box.hidden = false;
  const running = !ENDED.has(flow.status);
  $('flow-title').textContent = flowName(flow.flow, flow.params);
  const screen = flow.screen ? (m(`screen_${flow.screen}`) || flow.screen) : t('screenStarting');
  $('flow-progress').textContent = running ? t('flowProgress', String((flow.actions ?? 0) + 1), screen) : '';
  $('flow-progress').hidden = !running;
  const ask = $('flow-ask');
  if (running && flow.status === 'paused') {
    ask.hidden = false;
    ask.textContent = t('flowPaused');
  } else if (running && flow.asked) {
    ask.hidden = false;
    ask.textContent = askText(flow);
  } else {
    ask.hidden = true;
    ask.textContent = '';
  }
  renderAnswers(running && flow.status !== 'paused' ? answerChoices(flow) : []);
  $('cancel').hidden = !running;
  $('resume').hidden = !(running && flow.status === 'paused');
  const outcome = $('flow-outcome');
  outcome.hidden = running;
  if (running) delete outcome.dataset.outcome;
  else {
    outcome.dataset.outcome = flow.status === 'done' ? 'done' : flow.outcome ?? 'error';
    outcome.textContent = outcomeText(flow);
  }
  $('report-box').hidden = !(flow.status === 'error' || flow.asked === 'guided');  // the problem report (issue 16)
  renderActions();
}

function renderLog(log) {
  lastLog = log;
  const list = $('log');
  list.textContent = '';
  const entries = (log?.entries ?? []).slice(-LOG_SHOWN).reverse();
  for (const e of entries) {
    const li = document.createElement('li');
    let what = m(`log_${e.type}`) || e.type;
    if (e.type === 'flow_start') what = t('logStarted', m(`flowName_${e.detail}`) || e.detail);
    if (e.type === 'flow_end') what = m(`flowName_${e.data?.flow}`) || String(e.data?.flow);
    const outcome = e.outcome ? ` — ${m(`outcome_${e.outcome}`) || e.outcome}` : '';
    li.textContent = `${timeText(e.t)} ${what}${outcome}`;
    if (e.detail) li.title = e.detail;
    list.append(li);
  }
  if (!entries.length) {
    const li = document.createElement('li');
    li.textContent = t('logEmpty');
    list.append(li);
  }
}

// A worker that is starting (or restarting) has no listener yet: the message never reached
// it, so it is sent again, a few times. Any other failure may have reached it: not resent.
const NOT_DELIVERED = /Receiving end does not exist/i;
const RESEND_MS = [100, 300, 900];

async function send(message) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await chrome.runtime.sendMessage(message);
    } catch (e) {
      if (attempt >= RESEND_MS.length || !NOT_DELIVERED.test(String(e?.message ?? e))) {
        return { ok: false, error: { name: 'worker_unavailable', detail: '' } };
      }
      await new Promise((r) => setTimeout(r, RESEND_MS[attempt]));
    }
  }
}

async function start(kind, params = {}) {
  closeUnlinkConfirm();
  const reply = await send({ type: 'popup/startFlow', flow: kind, params });
  if (!reply?.ok) {
    // Shown as the outcome of a flow that could not start.
    flow = { flow: kind, params, status: 'error', outcome: reply?.error?.name ?? 'internal', error: reply?.error };
    renderFlow();
  }
}

/**
 * On opening: a reading older than STALE_MS, or none for this account while the last was
 * another account's, is read again, quietly (the worker reads in a
 * tab behind; the popup says "checking…"). Not when a flow runs or nothing was read yet
 * (the person starts the first read).
 */
async function checkIfStale() {
  if (quietAsked || !(isStale(status) || (!status && otherAccount))) return;
  quietAsked = true;
  const { flow: current } = await chrome.storage.session.get('flow').catch(() => ({}));
  if (current && !ENDED.has(current.status)) return;
  checking = true;
  renderStatus();
  const reply = await send({ type: 'popup/startFlow', flow: 'readStatus', params: {}, quiet: true });
  if (!reply?.ok) {
    checking = false;
    renderStatus();
  }
}

async function refresh() {
  // The stored reading needs no core and no worker: shown from storage at once, checked
  // as the worker checks it (P8). The worker's answer follows (it also repairs damage).
  if (!refresh.shown) {
    refresh.shown = true;
    ({ status, account, other: otherAccount } = statusView(await storedStatus));
    renderStatus();
  }
  const reply = await send({ type: 'popup/getStatus' });
  if (reply?.ok) {
    status = reply.status;
    account = reply.account ?? '';
    otherAccount = reply.other ?? '';
    renderStatus();
    checkIfStale();
  } else {
    status = null;
    renderStatus(reply?.error ?? { name: 'core_unavailable' });
  }
}

$('open-ac').addEventListener('click', () => {
  chrome.tabs.create({ url: 'https://accountscenter.instagram.com/accounts/' });
});
$('read-status').addEventListener('click', () => start('readStatus'));
$('link').addEventListener('click', () => {
  // Asked within the click (a user gesture). In Chromium the flow does not wait for the
  // answer: it reads Facebook's page only once the permission is there, and otherwise asks
  // the person to press Continue on it themselves. Firefox would dismiss its prompt when
  // the flow's tab takes the focus, so there the flow starts once the person answered
  // (platform.js); a refusal is said here either way.
  if (facebookGranted) return start('link');
  const answered = chrome.permissions.request({ origins: FACEBOOK_ORIGINS }).then((granted) => {
    facebookGranted = granted;
    const note = $('permission-note');
    note.hidden = granted;
    note.textContent = granted ? '' : t('permissionRefused');
  }, () => {});
  if (askPermissionBeforeFlow()) answered.then(() => start('link'));
  else start('link');
});
// Unlink asks first, naming both accounts: linking again needs a Facebook login.
function closeUnlinkConfirm() {
  $('unlink-confirm').hidden = true;
  $('unlink').setAttribute('aria-expanded', 'false');
}
function openUnlinkConfirm() {
  const facebook = !status?.error && status?.linked && status.facebookName ? status.facebookName : t('unlinkSomeFacebook');
  const instagramName = account || (!status?.error && status?.instagramUsername);
  const instagram = instagramName ? `@${instagramName}` : t('unlinkThisInstagram');
  $('unlink-question').textContent = t('unlinkConfirm', facebook, instagram);
  $('unlink-confirm').hidden = false;
  $('unlink').setAttribute('aria-expanded', 'true');
  $('unlink-no').focus();
}
$('unlink').addEventListener('click', () => {
  if ($('unlink-confirm').hidden) openUnlinkConfirm();
  else closeUnlinkConfirm();
});
// The person confirmed the name shown: the core removes that account only (issue 17), and
// asks again itself when the popup could not name it or the list shows another.
$('unlink-yes').addEventListener('click', () => {
  const named = !status?.error && status?.linked && status.facebookName;
  start('unlink', named ? { facebookAccount: status.facebookName } : {});
});
$('unlink-no').addEventListener('click', () => {
  closeUnlinkConfirm();
  $('unlink').focus();
});
$('unlink-confirm').addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    closeUnlinkConfirm();
    $('unlink').focus();
  }
});
for (const button of document.querySelectorAll('[data-switch]')) {
  button.addEventListener('click', () => {
    const key = button.dataset.switch;
    const on = button.getAttribute('aria-checked') !== 'true';
    if (key === 'messaging') start(on ? 'linkMessaging' : 'unlinkMessaging');
    else start('setSharing', { sharing: { [key]: on } });
  });
}
$('cancel').addEventListener('click', () => send({ type: 'popup/cancelFlow' }));
$('resume').addEventListener('click', () => send({ type: 'popup/resumeFlow' }));

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ('linkStatus' in changes || ACCOUNTS_KEY in changes || ACCOUNT_KEY in changes)) refresh();
  if (area === 'local' && 'activityLog' in changes) renderLog(changes.activityLog.newValue);
  if (area === 'sync' && 'settings' in changes) useChosenLocale();
  if (area === 'session' && 'flow' in changes) {
    flow = changes.flow.newValue ?? null;
    renderFlow();
  }
});

refresh();
(async () => {
  facebookGranted = await chrome.permissions.contains({ origins: FACEBOOK_ORIGINS }).catch(() => false);
  flow = (await chrome.storage.session.get('flow')).flow ?? null;
  renderFlow();
  renderLog((await chrome.storage.local.get('activityLog')).activityLog);
})();

/** The language chosen in the options page, when it is not the one chrome.i18n speaks. */
async function useChosenLocale() {
  const { settings } = await chrome.storage.sync.get('settings').catch(() => ({}));
  const locale = resolveLocale(settings?.locale, chrome.i18n.getUILanguage());
  const browsers = bundled && locale === localeOf(uiLocale);  // chrome.i18n already speaks it
  if (browsers && document.documentElement.lang === uiLocale) return;
  const tr = await translator(locale).catch(() => null);
  if (!tr) return;
  lookup = browsers ? (key, subs) => chrome.i18n.getMessage(key, subs) || null
    : (key, subs) => (tr.has(key) ? tr(key, ...subs) : null);
  document.documentElement.lang = browsers ? uiLocale : locale;
  applyStaticText();
  renderStatus();
  renderFlow();
  renderLog(lastLog);
  if (!$('unlink-confirm').hidden) openUnlinkConfirm();
}
useChosenLocale();

// The options page (share networks, composer default, language, pacing, log, backup).
document.getElementById('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());

// ---- The problem report (issue 16): what the panel offers, here too; shown whole before copying ----
$('report').addEventListener('click', async () => {
  const reply = await send({ type: 'popup/problemReport' });
  if (!reply?.ok) return;
  $('report-text').value = reply.text;
  $('report-view').hidden = false;
  $('report-status').textContent = '';
  $('report-text').focus();
});
$('report-copy').addEventListener('click', async () => {
  const ok = await navigator.clipboard.writeText($('report-text').value).then(() => true, () => false);
  $('report-status').textContent = t(ok ? 'problemReportCopied' : 'problemReportCopyFailed');
});
