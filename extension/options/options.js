// The options page: share networks (which and in what order), the composer default, the
// language, click pacing and log size; export and import of settings and activity log as
// one JSON file; reset. The worker (and through it the core) checks and stores
// everything; this page shows the settings, collects the person's changes and says what
// happened, in the language the person chose.
import { resolveLocale, translator } from '../i18n/i18n.js';
import { canonical } from '../background/settings-store.js';

// From the core's registry (options/schema): the networks, locales and ranges to offer.
let NETWORKS = [];
let NETWORK_LABEL = {};
let RANGES = { clickPacingMs: [], logSize: [] };
let LOCALE_NAMES = {};
let settingsVersion = 1;  // the version the core writes (its defaults'), sent back on save
const IMPORT_MAX_BYTES = 32 << 20;
const $ = (id) => document.getElementById(id);

/** @type {(key: string, ...subs: any[]) => string} */
let t = (key) => key;
let saved = null;     // the settings as stored
let order = [...NETWORKS];  // the menu order shown, enabled ones first

const send = (message) => chrome.runtime.sendMessage(message)
  .catch((e) => ({ ok: false, error: { name: 'worker_unavailable', detail: String(e?.message ?? e) } }));

function errorText(error) {
  const key = `error_${error?.name}`;
  return t.has?.(key) ? t(key) : t('error_unknown', error?.name ?? '?');
}

function say(id, text, kind = 'ok') {
  const el = $(id);
  el.textContent = text;
  el.dataset.kind = kind;
}

async function useLocale(setting) {
  t = await translator(resolveLocale(setting, chrome.i18n.getUILanguage()));
  document.documentElement.lang = t.locale;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('pacing-help').textContent = t('optRangeHelp', ...RANGES.clickPacingMs);
  $('log-size-help').textContent = t('optRangeHelp', ...RANGES.logSize);
  const select = $('locale');
  select.replaceChildren();
  for (const value of ['auto', ...Object.keys(LOCALE_NAMES)]) {
    const option = new Option(value === 'auto' ? t('optLocaleAuto') : LOCALE_NAMES[value], value);
    if (value !== 'auto') option.lang = value;
    select.append(option);
  }
}

// ---- the form ----

function renderNetworks(enabled) {
  const list = $('networks');
  list.replaceChildren();
  order.forEach((network, i) => {
    const item = document.createElement('li');
    item.dataset.network = network;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `network-${network}`;
    box.checked = enabled.includes(network);
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.textContent = t(NETWORK_LABEL[network]);
    const up = moveButton(network, -1, i === 0);
    const down = moveButton(network, 1, i === order.length - 1);
    item.append(box, label, up, down);
    list.append(item);
  });
}

function moveButton(network, by, disabled) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'move';
  button.dataset.move = String(by);
  button.setAttribute('aria-label', t(by < 0 ? 'optMoveUp' : 'optMoveDown', t(NETWORK_LABEL[network])));
  button.title = button.getAttribute('aria-label');
  button.textContent = by < 0 ? '↑' : '↓';
  button.disabled = disabled;
  return button;
}

function enabledNetworks() {
  return order.filter((n) => $(`network-${n}`)?.checked);
}

$('networks').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-move]');
  if (!button) return;
  const network = button.closest('li').dataset.network;
  const by = Number(button.dataset.move);
  const at = order.indexOf(network);
  const to = at + by;
  if (to < 0 || to >= order.length) return;
  const enabled = enabledNetworks();
  order.splice(at, 1);
  order.splice(to, 0, network);
  renderNetworks(enabled);
  // Keep the focus on the item that moved: the same arrow, or the other one at an end.
  const row = $('networks').querySelector(`li[data-network="${network}"]`);
  const same = row.querySelector(`button[data-move="${by}"]`);
  (same.disabled ? row.querySelector(`button[data-move="${-by}"]`) : same).focus();
  say('save-status', t('optMoved', t(NETWORK_LABEL[network]), String(to + 1), String(order.length)), 'info');
});

function render(settings) {
  order = [...settings.share.networks, ...NETWORKS.filter((n) => !settings.share.networks.includes(n))];
  renderNetworks(settings.share.networks);
  $('composer-apply').checked = settings.composer.applyDefault;
  $(settings.composer.shareToFacebook ? 'composer-on' : 'composer-off').checked = true;
  $('composer-value').disabled = !settings.composer.applyDefault;
  $('locale').value = settings.locale;
  $('pacing').value = String(settings.clickPacingMs);
  $('log-size').value = String(settings.logSize);
  clearErrors();
}

$('composer-apply').addEventListener('change', (e) => {
  $('composer-value').disabled = !e.target.checked;
});

/** A number field's value for the core: an integer when it is one, else what was typed. */
function numberOf(input) {
  const text = input.value.trim();
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

function collect() {
  return {
    version: settingsVersion,
    share: { networks: enabledNetworks() },
    composer: { applyDefault: $('composer-apply').checked, shareToFacebook: $('composer-on').checked },
    locale: $('locale').value,
    clickPacingMs: numberOf($('pacing')),
    logSize: numberOf($('log-size')),
  };
}

// A core problem's field → the control and its error line.
const FIELDS = [
  [/^share/, 'networks', 'networks-error'],
  [/^composer/, 'composer-apply', 'composer-error'],
  [/^locale/, 'locale', 'locale-error'],
  [/^clickPacingMs/, 'pacing', 'pacing-error', 'clickPacingMs'],
  [/^logSize/, 'log-size', 'log-size-error', 'logSize'],
];

function clearErrors() {
  for (const [, control, line] of FIELDS) {
    $(line).hidden = true;
    $(line).textContent = '';
    $(control).removeAttribute('aria-invalid');
  }
}

function showErrors(problems) {
  clearErrors();
  let first = null;
  const general = [];
  for (const problem of problems) {
    const match = FIELDS.find(([re]) => re.test(problem.field));
    if (!match) {
      general.push(problem.detail);
      continue;
    }
    const [, control, line, range] = match;
    $(line).textContent = range ? t('optErrorRange', ...RANGES[range]) : t('optErrorField', problem.detail);
    $(line).hidden = false;
    $(control).setAttribute('aria-invalid', 'true');
    first ??= $(control);
  }
  say('save-status', general.length ? t('optSaveFailed', general.join('; ')) : t('optFixErrors'), 'error');
  (first ?? $('save')).focus();
}

$('settings-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const before = saved?.locale;
  say('save-status', t('optSaving'), 'info');
  const reply = await send({ type: 'options/save', settings: collect() });
  if (!reply.ok) return say('save-status', t('optSaveFailed', errorText(reply.error)), 'error');
  if (!reply.saved) return showErrors(reply.errors);
  saved = reply.settings;
  if (saved.locale !== before) await useLocale(saved.locale);
  render(saved);
  say('save-status', t('optSaved'));
  refreshLogCount();
});

$('revert').addEventListener('click', () => {
  if (saved) render(saved);
  say('save-status', t('optReverted'), 'info');
});

// ---- export, import ----

$('export').addEventListener('click', async () => {
  const reply = await send({ type: 'options/export' });
  if (!reply.ok) return say('data-status', t('optExportFailed', errorText(reply.error)), 'error');
  // Named by the person's own day (exportedAt is UTC: in Auckland its date is often yesterday's).
  const at = new Date(reply.file.exportedAt);
  const day = [at.getFullYear(), at.getMonth() + 1, at.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const name = `crosslink-${day}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(reply.file, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  say('data-status', t('optExported', String(reply.count), name));
});

$('import').addEventListener('click', () => $('import-file').click());

// A setting's name as the page shows it, for a core problem's field ("share.networks[2]").
const FIELD_LABELS = [[/^share/, 'optNetworksLegend'], [/^composer/, 'optComposerLegend'], [/^locale/, 'optLocaleLabel'],
  [/^clickPacingMs/, 'optPacingLabel'], [/^logSize/, 'optLogSizeLabel']];
const fieldLabel = (field) => {
  const known = FIELD_LABELS.find(([re]) => re.test(field));
  return known ? t(known[1]) : field;
};

function refusedText(problem) {
  const key = `import_${problem.name}`;
  const field = problem.errors?.[0]?.field || '';
  const reason = t.has(key) ? t(key, problem.name === 'bad_settings' ? (field ? fieldLabel(field) : problem.detail) : problem.detail) : problem.detail;
  return t('optImportRefused', reason);
}

$('import-file').addEventListener('change', async (e) => {
  const input = e.target;
  const [file] = input.files;
  input.value = '';  // the same file can be picked again
  if (!file) return;
  if (file.size > IMPORT_MAX_BYTES) return say('data-status', refusedText({ name: 'too_large', detail: '' }), 'error');
  let text;
  try {
    text = await file.text();
  } catch {
    return say('data-status', refusedText({ name: 'unreadable', detail: '' }), 'error');
  }
  say('data-status', t('optImporting'), 'info');
  const reply = await send({ type: 'options/import', text });
  if (!reply.ok) return say('data-status', t('optImportRefused', errorText(reply.error)), 'error');
  if (!reply.imported) return say('data-status', refusedText(reply.problem), 'error');
  const before = saved?.locale;
  saved = reply.settings;
  if (saved.locale !== before) await useLocale(saved.locale);
  render(saved);
  say('data-status', reply.logCount === null ? t('optImportedSettingsOnly') : t('optImported', String(reply.logCount)));
  refreshLogCount();
});

// ---- reset ----

function confirmReset(open) {
  $('reset-confirm').hidden = !open;
  $('reset').setAttribute('aria-expanded', String(open));
  (open ? $('reset-no') : $('reset')).focus();
}
$('reset').addEventListener('click', () => confirmReset($('reset-confirm').hidden));
$('reset-no').addEventListener('click', () => confirmReset(false));
$('reset-confirm').addEventListener('keydown', (e) => {
  if (e.key === 'Escape') confirmReset(false);
});
$('reset-yes').addEventListener('click', async () => {
  const reply = await send({ type: 'options/reset' });
  confirmReset(false);
  if (!reply.ok) return say('reset-status', t('optSaveFailed', errorText(reply.error)), 'error');
  const before = saved?.locale;
  saved = reply.settings;
  if (saved.locale !== before) await useLocale(saved.locale);
  render(saved);
  say('reset-status', t('optResetDone'));
});

// ---- start ----

async function refreshLogCount() {
  const reply = await send({ type: 'options/get' });
  if (reply.ok) $('log-count').textContent = t('optLogCount', String(reply.log.count), String(reply.log.cap));
}

function notice(text, kind) {
  const p = document.createElement('p');
  p.className = `notice ${kind}`;
  p.textContent = text;
  $('notices').append(p);
}

function useSchema(schema) {
  if (!schema) return;
  NETWORKS = schema.networks.map((n) => n.name);
  NETWORK_LABEL = Object.fromEntries(schema.networks.map((n) => [n.name, n.label]));
  RANGES = Object.fromEntries(Object.entries(schema.ranges).map(([k, r]) => [k, [r.min, r.max]]));
  LOCALE_NAMES = Object.fromEntries(schema.locales.map((l) => [l.code, l.name]));
}

async function start() {
  const [reply, schemaReply] = await Promise.all([send({ type: 'options/get' }), send({ type: 'options/schema' })]);
  useSchema(schemaReply.ok ? schemaReply.schema : null);
  if (reply.ok) settingsVersion = reply.defaults.version;
  await useLocale(reply.ok ? reply.settings.locale : 'auto');
  document.querySelector('main').removeAttribute('aria-busy');
  if (!reply.ok) {
    notice(t('optLoadFailed', errorText(reply.error)), 'error');
    for (const el of document.querySelectorAll('form button, form input, form select, section button')) el.disabled = true;
    return;
  }
  saved = reply.settings;
  render(saved);
  if (reply.dropped.length) notice(t('optRecovered', [...new Set(reply.dropped.map((d) => fieldLabel(d.field || '—')))].join('; ')), 'warning');
  if (reply.newer) notice(t('optNewer'), 'warning');
  if (reply.migratedFrom === 0) notice(t('optMigrated'), 'info');
  $('log-count').textContent = t('optLogCount', String(reply.log.count), String(reply.log.cap));
  document.body.dataset.ready = 'true';
}

// Changed elsewhere (another window, another device through sync, a flow writing the
// log): shown here too, unless the person is in the middle of editing.
const same = (a, b) => canonical(a) === canonical(b);
chrome.storage.onChanged.addListener(async (changes, area) => {
  if (area === 'local' && 'activityLog' in changes) refreshLogCount();
  if (area !== 'sync' || !('settings' in changes) || !saved) return;
  const edited = !same(collect(), { ...saved, share: { networks: saved.share.networks } });
  const reply = await send({ type: 'options/get' });
  if (!reply.ok || same(reply.settings, saved)) return;
  const before = saved.locale;
  saved = reply.settings;
  if (edited) return;  // the person's edits stay; saving them will replace what arrived
  if (saved.locale !== before) await useLocale(saved.locale);
  render(saved);
});

// ---- Remembered buttons (taught wordings, issue 16): where and when learned, and Remove ----
async function renderTaught() {
  const reply = await send({ type: 'options/taught' });
  const list = $('taught-list');
  list.replaceChildren();
  const taught = reply.ok ? reply.taught : [];
  $('taught-none').hidden = taught.length > 0;
  for (const w of taught) {
    const li = document.createElement('li');
    const id = `taught-${w.id}`;
    const name = Object.assign(document.createElement('strong'), { id, textContent: `“${w.name}”` });
    const what = document.createElement('span');
    what.textContent = ` (${w.role})`;
    const where = document.createElement('span');
    where.className = 'help';
    const screen = t.has?.(`screen_${w.screen}`) ? t(`screen_${w.screen}`) : (w.screen ?? '');
    const when = Number.isFinite(w.learnedAt) ? new Date(w.learnedAt).toLocaleString(t.locale, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
    where.textContent = [w.instead ? t('taughtFor', w.instead, w.locale || '—') : '', t('taughtWhere', `${w.host ?? ''} · ${screen}`, when)].filter(Boolean).join(' · ');
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: t('taughtRemove') });
    remove.setAttribute('aria-describedby', id);
    remove.addEventListener('click', async () => {
      const out = await send({ type: 'options/taughtRemove', id: w.id });
      if (!out.ok) say('taught-status', errorText(out.error), 'error');
      await renderTaught();
    });
    const text = document.createElement('div');
    text.append(name, what, document.createElement('br'), where);
    li.append(text, remove);
    list.append(li);
  }
}
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'local' && 'taughtWordings' in changes) renderTaught(); });

start().then(renderTaught, renderTaught);
