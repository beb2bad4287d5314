// Crosslink's own strings in a language of our choosing. chrome.i18n only ever speaks the
// browser's language; the options page follows the person's locale setting and the
// in-page controls follow Instagram's own language (its <html lang>), so both read the
// same _locales/<locale>/messages.json files here, with English for any missing key.
// Placeholders work as in chrome.i18n: $NAME$ → the placeholder's content, $1…$9 → the
// substitutions, $$ → $.
import './format.js';
import { LOCALES } from './locales.js';

export { LOCALES, LOCALE_NAMES } from './locales.js';

/** The supported locale of a language tag ("pt-BR" → "pt"), or null. */
export function localeOf(tag) {
  const primary = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.includes(primary) ? primary : null;
}

/** The locale to speak: the setting unless "auto", else the first supported tag given, else English. */
export function resolveLocale(setting, ...tags) {
  if (setting && setting !== 'auto' && LOCALES.includes(setting)) return setting;
  for (const tag of tags) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** One messages.json entry with its substitutions, as chrome.i18n.getMessage would (format.js). */
export const formatMessage = globalThis.crosslinkFormatMessage;

const tables = new Map();
/** The raw messages of one locale (a promise, fetched once from the package). */
export function loadMessages(locale) {
  if (!LOCALES.includes(locale)) return Promise.reject(new Error(`unsupported locale ${locale}`));
  if (!tables.has(locale)) {
    const url = chrome.runtime.getURL(`_locales/${locale}/messages.json`);
    const load = fetch(url).then((r) => r.json());
    load.catch(() => tables.delete(locale));
    tables.set(locale, load);
  }
  return tables.get(locale);
}

/** The messages of a locale with English under it: every key the extension knows. */
export async function messagesFor(locale) {
  const [en, own] = await Promise.all([loadMessages('en'), locale === 'en' ? null : loadMessages(locale)]);
  return { ...en, ...(own ?? {}) };
}

/** t(key, ...subs) for a locale; an unknown key comes back as itself. */
export async function translator(locale) {
  const messages = await messagesFor(locale);
  const t = (key, ...subs) => formatMessage(messages[key], subs) ?? key;
  t.has = (key) => Object.hasOwn(messages, key);
  t.locale = locale;
  return t;
}
