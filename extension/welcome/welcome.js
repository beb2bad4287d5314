// The welcome page, opened once on install (and after an update that asks for more, with
// ?new=<permissions>): what Crosslink does, what it never does, the Facebook access asked
// for now with its reason, and the first status read. In the language chosen in the
// options (the browser's until then).
import { resolveLocale, translator } from '../i18n/i18n.js';
import { PERMISSION_REASONS } from './permission-reasons.js';

const FACEBOOK_ORIGINS = chrome.runtime.getManifest().optional_host_permissions ?? [];  // asked for at the Link click, with Meta's other hosts
const $ = (id) => document.getElementById(id);
const { settings } = await chrome.storage.sync.get('settings').catch(() => ({}));
const t = await translator(resolveLocale(settings?.locale, chrome.i18n.getUILanguage()));
document.documentElement.lang = t.locale;
for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);

function say(id, text, kind = '') {
  $(id).textContent = text;
  $(id).dataset.kind = kind;
}

// After an update: the permissions this version added, each with its reason.
const added = new URLSearchParams(location.search).get('new');
if (added) {
  const keys = [...new Set(added.split(',').map((p) => PERMISSION_REASONS[p]).filter(Boolean))];
  for (const key of keys) {
    const li = document.createElement('li');
    li.textContent = t(key);
    $('update-permissions').append(li);
  }
  $('update').hidden = keys.length === 0;
}

// Facebook access: asked within the click (a user gesture), as the popup's Link does.
async function showGrant() {
  const granted = await chrome.permissions.contains({ origins: FACEBOOK_ORIGINS }).catch(() => false);
  $('grant').disabled = granted;
  if (granted) say('grant-status', t('welcomeFacebookGranted'), 'ok');
  return granted;
}
$('grant').addEventListener('click', () => {
  chrome.permissions.request({ origins: FACEBOOK_ORIGINS }).then((granted) => {
    if (granted) showGrant();
    else say('grant-status', t('welcomeFacebookRefused'), 'bad');
  }, () => say('grant-status', t('welcomeFacebookRefused'), 'bad'));
});
showGrant();

// The first status read: the readStatus flow, its end told here.
let readId = null;
function showFlow(rec) {
  if (!rec || rec.id !== readId || !['done', 'error', 'cancelled'].includes(rec.status)) return;
  $('read').disabled = false;
  if (rec.status === 'done') say('read-status', t('welcomeReadDone'), 'ok');
  else {
    const name = rec.outcome ?? rec.error?.name ?? 'internal';
    const reason = t.has(`outcome_${name}`) ? t(`outcome_${name}`) : t.has(`error_${name}`) ? t(`error_${name}`) : name;
    say('read-status', t('welcomeReadFailed', reason), 'bad');
  }
}
$('read').addEventListener('click', async () => {
  $('read').disabled = true;
  say('read-status', t('welcomeReadStarted'));
  // Read in a tab behind (quiet), so this page stays in front and tells the outcome.
  const reply = await chrome.runtime.sendMessage({ type: 'popup/startFlow', flow: 'readStatus', params: {}, quiet: true })
    .catch((e) => ({ ok: false, error: { name: 'worker_unavailable', detail: String(e?.message ?? e) } }));
  if (reply?.ok) readId = reply.flow.id;
  else {
    $('read').disabled = false;
    const name = reply?.error?.name ?? 'internal';
    say('read-status', t('welcomeReadFailed', t.has(`error_${name}`) ? t(`error_${name}`) : name), 'bad');
  }
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && 'flow' in changes) showFlow(changes.flow.newValue);
});
document.body.dataset.ready = 'true';
