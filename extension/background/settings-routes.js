// Messages of the options page (settings, export, import, reset) and the strings every
// page of ours and every in-page control speaks. Settings are checked by the core before
// anything is stored; an import is checked whole before anything is overwritten.
import { messagesFor, resolveLocale } from '../i18n/i18n.js';
import {
  ACTIVITY_LOG_KEY, SETTINGS_KEY, SYNC_ITEM_BYTES, appendLog, loadLog, loadSettings, loadSettingsDetailed,
  saveLog, saveSettings, syncItemBytes,
} from './settings-store.js';
import { loadTaught, replaceTaught } from './taught-store.js';
import { fail, failWith } from './dispatcher.js';

// Taught wordings in a backup (issue 16): only these keys of each, as strings or numbers.
const TAUGHT_KEYS = ['id', 'locator', 'locale', 'role', 'name', 'screen', 'leadsTo', 'flow', 'host', 'instead', 'learnedAt'];
const taughtOf = (list) => list.map((w) => Object.fromEntries(TAUGHT_KEYS.filter((k) => ['string', 'number'].includes(typeof w[k])).map((k) => [k, w[k]])));

export const BACKUP_FORMAT = 'crosslink-backup';
export const BACKUP_VERSION = 1;
export const IMPORT_MAX_CHARS = 32 << 20;
const LOG_MAX_ENTRIES = 5000;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A refused import: nothing was written. */
const refused = (name, detail, errors) => ({ imported: false, problem: { name, detail, ...(errors ? { errors } : {}) } });

/**
 * The activity log inside an import file (the export's shape: entries with a "time") as
 * the stored log, or a problem. The core must read it without any repair.
 */
function importedLog(core, value, cap) {
  if (!isObject(value) || !Array.isArray(value.entries)) return { problem: ['bad_log', 'the activity log has no list of entries'] };
  if (value.entries.length > LOG_MAX_ENTRIES) return { problem: ['bad_log', `the activity log has ${value.entries.length} entries; at most ${LOG_MAX_ENTRIES} are kept`] };
  const entries = [];
  let next = 0;
  for (const [i, entry] of value.entries.entries()) {
    if (!isObject(entry)) return { problem: ['bad_log', `entry ${i + 1} is not an object`] };
    const { time, ...kept } = entry;  // the export adds a readable time; the log keeps t
    entries.push(kept);
    if (Number.isInteger(kept.seq) && kept.seq >= next) next = kept.seq + 1;
  }
  const out = core.logLoad({ version: 1, next, entries }, cap);
  if (!out.ok) return { problem: ['bad_log', out.error.detail] };
  if (out.repair) return { problem: ['bad_log', `${out.repair.detail} (${out.repair.dropped} entries unreadable)`] };
  return { log: out.log, evicted: out.evicted };
}

/** @param {{withCore: () => Promise<import('../core/crosslink').Core>}} deps */
export function settingsRoutes({ withCore }) {
  /** A message of the options page, handled with the core loaded. */
  const optionsRoute = (fields, act) => ({ from: ['page'], fields, handle: async (message) => act(await withCore(), message) });
  return {
    // The registry (core/data/registry.json): the networks, locales and ranges the page lists.
    'options/schema': optionsRoute({}, async (core) => {
      const { ok, ...schema } = core.schema();
      return { schema };
    }),
    // The options page's start: the settings (as the core read them), the defaults, what
    // had to be repaired, the log's size and the sync quota in use.
    'options/get': optionsRoute({}, async (core) => {
      const loaded = await loadSettingsDetailed(core);
      const log = await loadLog(core, loaded.settings.logSize);
      return {
        settings: loaded.settings,
        defaults: core.settingsDefaults().settings,
        dropped: loaded.dropped,
        newer: loaded.newer,
        migratedFrom: loaded.migratedFrom,
        log: { count: log.log.entries.length, cap: loaded.settings.logSize },
        sync: { bytes: syncItemBytes(SETTINGS_KEY, loaded.settings), itemLimit: SYNC_ITEM_BYTES },
      };
    }),
    // Settings the person submitted: strict v1, every problem listed; nothing stored unless all are fine.
    'options/save': optionsRoute({ settings: 'object' }, async (core, { settings }) => {
      const out = await saveSettings(core, settings);
      if (out.errors) return { saved: false, errors: out.errors };
      await appendLog(core, { type: 'settings', outcome: 'saved' });
      return { saved: true, settings: out.settings, bytes: out.bytes };
    }),
    'options/reset': optionsRoute({}, async (core) => {
      const out = await saveSettings(core, core.settingsDefaults().settings);
      if (out.errors) throw fail('internal', 'the defaults did not validate');
      await appendLog(core, { type: 'settings', outcome: 'reset' });
      return { settings: out.settings };
    }),
    // One file with the settings and the activity log, for the person to keep.
    'options/export': optionsRoute({}, async (core) => {
      const settings = await loadSettings(core);
      const { log } = await loadLog(core, settings.logSize);
      const now = Date.now();
      const out = core.logExport(log, now);
      if (!out.ok) throw failWith(out.error);
      const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), settings, log: out.export,
        taught: taughtOf(await loadTaught()) };
      return { file, count: out.export.count };
    }),
    // A file the person picked: refused whole with the reason, or stored whole.
    'options/import': optionsRoute({ text: 'string' }, async (core, { text }) => {
      if (text.length > IMPORT_MAX_CHARS) return refused('too_large', `the file has ${text.length} characters; at most ${IMPORT_MAX_CHARS}`);
      let value;
      try {
        value = JSON.parse(text);
      } catch (e) {
        return refused('not_json', String(e.message).slice(0, 200));
      }
      if (!isObject(value) || value.format !== BACKUP_FORMAT) return refused('wrong_format', 'this is not a Crosslink settings file');
      if (!Number.isInteger(value.version)) return refused('wrong_format', 'the file has no version');
      if (value.version > BACKUP_VERSION) return refused('newer_version', `the file is version ${value.version}; this Crosslink reads version ${BACKUP_VERSION}`);
      if (value.version < 1) return refused('wrong_format', `unknown version ${value.version}`);
      if (!('settings' in value)) return refused('bad_settings', 'the file holds no settings');
      const checked = core.settingsValidate(value.settings);
      if (!checked.ok) return refused('bad_settings', checked.error.detail, checked.errors ?? [checked.error]);
      const settings = checked.settings;
      let log = null;
      let evicted = 0;
      if (value.log !== undefined && value.log !== null) {
        const read = importedLog(core, value.log, settings.logSize);
        if (read.problem) return refused(...read.problem);
        ({ log, evicted } = read);
      }
      // Taught wordings (issue 16): checked whole by the core, kept only if all are fine.
      let taught = null;
      if (value.taught !== undefined && value.taught !== null) {
        if (!Array.isArray(value.taught) || value.taught.some((w) => !isObject(w))) return refused('bad_taught', 'the remembered buttons are not a list');
        const check = core.taughtCheck(value.taught);
        if (!check.ok) return refused('bad_taught', check.error.detail);
        taught = taughtOf(value.taught);
      }
      const bytes = syncItemBytes(SETTINGS_KEY, settings);
      if (bytes > SYNC_ITEM_BYTES) return refused('too_large', `the settings take ${bytes} bytes; sync allows ${SYNC_ITEM_BYTES}`);

      // Everything checked: write both, and put the old settings back if the log fails.
      const before = (await chrome.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
      const saved = await saveSettings(core, settings);
      if (saved.errors) return refused('bad_settings', saved.errors[0].detail, saved.errors);
      if (log) {
        try {
          await saveLog(log);
        } catch (e) {
          await (before === undefined ? chrome.storage.sync.remove(SETTINGS_KEY) : chrome.storage.sync.set({ [SETTINGS_KEY]: before })).catch(() => {});
          throw e;
        }
      }
      if (taught) await replaceTaught(taught);
      await appendLog(core, { type: 'settings', outcome: 'imported', data: { entries: log ? log.entries.length : 0 } });
      return { imported: true, settings, logCount: log ? log.entries.length : null, evicted };
    }),
    // The strings for a page of ours or an in-page control: the locale setting, else the
    // page's language (Instagram's <html lang>), else the browser's, else English.
    'content/strings': {
      // 'facebook': the flow's panel on Facebook's pages (only there during a flow, with the permission).
      from: ['content', 'page', 'facebook'],
      fields: { lang: 'string?' },
      async handle({ lang = '' }) {
        let setting = 'auto';
        try {
          setting = (await loadSettings(await withCore())).locale;
        } catch {
          // the engine failed: still speak the page's language
        }
        const locale = resolveLocale(setting, lang, chrome.i18n.getUILanguage());
        return { locale, setting, messages: await messagesFor(locale) };
      },
    },
  };
}

export { ACTIVITY_LOG_KEY };
