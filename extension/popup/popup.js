// The popup: the link status as last read from Accounts Center, with its time.
const t = (key, ...subs) => chrome.i18n.getMessage(key, subs) || key;
const $ = (id) => document.getElementById(id);

for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);

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

function render(status, replyError) {
  const line = $('status-line');
  const time = $('status-time');
  $('open-ac').hidden = Boolean(status && !status.error);
  time.textContent = '';
  if (replyError) {
    line.dataset.state = 'error';
    line.textContent = t('statusError', errorText(replyError));
    return;
  }
  if (!status) {
    line.dataset.state = 'unknown';
    line.textContent = t('statusUnknown');
    return;
  }
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
  stamp.textContent = t('statusReadAt', timeText(status.readAt));
  time.append(stamp);
}

async function refresh() {
  const reply = await chrome.runtime.sendMessage({ type: 'popup/getStatus' });
  if (reply?.ok) render(reply.status);
  else render(null, reply?.error ?? { name: 'core_unavailable' });
}

$('open-ac').addEventListener('click', () => {
  chrome.tabs.create({ url: 'https://accountscenter.instagram.com/accounts/' });
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'linkStatus' in changes) refresh();
});
refresh();
