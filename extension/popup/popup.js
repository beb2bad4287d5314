// The popup: the status as last read from the pages (with the time of reading), one-click
// actions, the running flow's progress with Cancel, its outcome, and the activity log.
// It reads the flow and the status from extension storage and changes nothing itself:
// every action is a message to the worker.
const t = (key, ...subs) => chrome.i18n.getMessage(key, subs) || key;
const $ = (id) => document.getElementById(id);
// The language chrome.i18n picked for these strings, for screen readers and hyphenation.
document.documentElement.lang = (chrome.i18n.getMessage('@@ui_locale') || 'en').replace('_', '-');
const FACEBOOK_ORIGINS = chrome.runtime.getManifest().optional_host_permissions ?? [];  // asked for, never assumed
const ENDED = new Set(['done', 'error', 'cancelled']);
const LOG_SHOWN = 5;

for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);

let status = null;
let flow = null;
let facebookGranted = false;

/** A named core or dispatcher error in the person's words. */
function errorText({ name }) {
  return chrome.i18n.getMessage(`error_${name}`) || t('error_unknown', name);
}

function timeText(ms) {
  const when = new Date(ms);
  const sameDay = when.toDateString() === new Date().toDateString();
  const fmt = new Intl.DateTimeFormat(undefined, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
  return fmt.format(when);
}

function renderStatus(replyError) {
  const line = $('status-line');
  const time = $('status-time');
  $('open-ac').hidden = Boolean(status && !status.error);
  time.textContent = '';
  if (replyError) {
    line.dataset.state = 'error';
    line.textContent = t('statusError', errorText(replyError));
  } else if (!status) {
    line.dataset.state = 'unknown';
    line.textContent = t('statusUnknown');
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
  const linked = status && !status.error ? status.linked : undefined;
  $('link').hidden = linked === true;
  $('unlink').hidden = linked === false;
  $('read-status').disabled = Boolean(busy);
  for (const button of [$('link'), $('unlink'), ...document.querySelectorAll('[data-switch]')]) button.disabled = Boolean(busy);
  for (const button of document.querySelectorAll('[data-switch]')) {
    const value = switchValue(button.dataset.switch);
    button.setAttribute('aria-checked', String(value === true));
    button.nextElementSibling.textContent = t(value === null ? 'switchUnknown' : value ? 'switchOn' : 'switchOff');
  }
}

function flowName(kind, params) {
  if (kind === 'setSharing') {
    const [[key, on] = []] = Object.entries(params?.sharing ?? {});
    return t(on ? 'flowNameSharingOn' : 'flowNameSharingOff', t(`switchName_${key}`));
  }
  return t(`flowName_${kind}`);
}

function outcomeText(rec) {
  if (rec.status === 'done') {
    const r = rec.result ?? {};
    if (rec.flow === 'link') return t('outcomeLinked', r.facebookName ?? '');
    if (rec.flow === 'unlink') return t('outcomeUnlinked');
    if (rec.flow === 'readStatus') return t('outcomeRead');
    if (rec.flow === 'linkMessaging') return t('outcomeMessagingOn');
    if (rec.flow === 'unlinkMessaging') return t(r.messaging?.updated === false ? 'outcomeMessagingNothing' : 'outcomeMessagingOff');
    return t('outcomeSharingSet');
  }
  const name = rec.outcome ?? rec.error?.name ?? 'internal';
  return chrome.i18n.getMessage(`outcome_${name}`) || t('outcomeFailed', errorText({ name }));
}

function renderFlow() {
  const box = $('flow');
  if (!flow) {
    box.hidden = true;
    renderActions();
    return;
  }
  box.hidden = false;
  const running = !ENDED.has(flow.status);
  $('flow-title').textContent = flowName(flow.flow, flow.params);
  const screen = flow.screen ? (chrome.i18n.getMessage(`screen_${flow.screen}`) || flow.screen) : t('screenStarting');
  $('flow-progress').textContent = running ? t('flowProgress', String((flow.actions ?? 0) + 1), screen) : '';
  $('flow-progress').hidden = !running;
  const ask = $('flow-ask');
  if (running && flow.status === 'paused') {
    ask.hidden = false;
    ask.textContent = t('flowPaused');
  } else if (running && flow.asked) {
    ask.hidden = false;
    ask.textContent = t(`ask_${flow.asked}`);
  } else {
    ask.hidden = true;
    ask.textContent = '';
  }
  $('cancel').hidden = !running;
  $('resume').hidden = !(running && flow.status === 'paused');
  const outcome = $('flow-outcome');
  outcome.hidden = running;
  if (running) delete outcome.dataset.outcome;
  else {
    outcome.dataset.outcome = flow.status === 'done' ? 'done' : flow.outcome ?? 'error';
    outcome.textContent = outcomeText(flow);
  }
  renderActions();
}

function renderLog(log) {
  const list = $('log');
  list.textContent = '';
  const entries = (log?.entries ?? []).slice(-LOG_SHOWN).reverse();
  for (const e of entries) {
    const li = document.createElement('li');
    let what = chrome.i18n.getMessage(`log_${e.type}`) || e.type;
    if (e.type === 'flow_start') what = t('logStarted', chrome.i18n.getMessage(`flowName_${e.detail}`) || e.detail);
    if (e.type === 'flow_end') what = chrome.i18n.getMessage(`flowName_${e.data?.flow}`) || String(e.data?.flow);
    const outcome = e.outcome ? ` — ${chrome.i18n.getMessage(`outcome_${e.outcome}`) || e.outcome}` : '';
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

async function send(message) {
  try {
    return await chrome.runtime.sendMessage(message);
  } catch {
    return { ok: false, error: { name: 'worker_unavailable', detail: '' } };
  }
}

async function start(kind, params = {}) {
  const reply = await send({ type: 'popup/startFlow', flow: kind, params });
  if (!reply?.ok) {
    // Shown as the outcome of a flow that could not start.
    flow = { flow: kind, params, status: 'error', outcome: reply?.error?.name ?? 'internal', error: reply?.error };
    renderFlow();
  }
}

async function refresh() {
  const reply = await send({ type: 'popup/getStatus' });
  if (reply?.ok) {
    status = reply.status;
    renderStatus();
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
  // Asked within the click (a user gesture); the flow does not wait for the answer: it reads
  // Facebook's page only once the permission is there, and otherwise asks the person to
  // press Continue on it themselves.
  if (!facebookGranted) {
    chrome.permissions.request({ origins: FACEBOOK_ORIGINS }).then((granted) => {
      facebookGranted = granted;
      const note = $('permission-note');
      note.hidden = granted;
      note.textContent = granted ? '' : t('permissionRefused');
    }, () => {});
  }
  start('link');
});
$('unlink').addEventListener('click', () => start('unlink'));
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
  if (area === 'local' && 'linkStatus' in changes) refresh();
  if (area === 'local' && 'activityLog' in changes) renderLog(changes.activityLog.newValue);
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

// The options page (share networks, composer default, language, pacing, log, backup).
document.getElementById('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
