// The words of Crosslink's in-page parts (share control, composer default, panel): the
// page's own language (its <html lang>) or the locale the person chose in the options.
// The table comes from the worker (content/strings), which reads
// _locales/<locale>/messages.json; until it came, or when the worker is away, chrome.i18n
// (the browser's language) stands in. Nothing is asked before a part needs words
// (ensure()), so a page where nothing of Crosslink shows never wakes the worker.
// Content scripts of one extension share their world: one crosslinkI18n for all of them.
// Needs i18n/format.js before it.
globalThis.crosslinkI18n ??= (() => {
  let table = null;
  let locale = null;
  let loading = null;
  let watching = false;
  const listeners = [];
  const has = (key) => Boolean(table?.[key]?.message) || Boolean(chrome.i18n.getMessage(key));
  /** The message for key, or null when there is none. */
  function lookup(key, ...subs) {
    subs = subs.map(String);
    const entry = table?.[key];
    return entry?.message ? crosslinkFormatMessage(entry, subs) : (chrome.i18n.getMessage(key, subs) || null);
  }
  const msg = (key, ...subs) => lookup(key, ...subs) ?? key;
  async function load() {
    const lang = document.documentElement.getAttribute('lang') ?? '';
    const reply = await chrome.runtime.sendMessage({ type: 'content/strings', lang }).catch(() => null);
    if (!reply?.ok) return;
    const changed = reply.locale !== locale;
    table = reply.messages;
    locale = reply.locale;
    if (changed) for (const f of listeners) f(locale);
  }
  const reload = () => (loading = load());
  /** Loads the table once and follows the page's language and the setting from then on. */
  function ensure() {
    if (!watching) {
      watching = true;
      // Instagram changes <html lang> when the person switches its language; the setting may change too.
      new MutationObserver(reload).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'sync' && 'settings' in changes) reload();
      });
      reload();
    }
    return loading;
  }
  return {
    msg,
    lookup,
    has,
    ensure,
    ready: () => loading,
    get locale() { return locale; },
    /** Called with the new locale whenever the strings change. */
    onChange: (f) => listeners.push(f),
  };
})();
