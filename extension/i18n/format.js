// chrome.i18n's placeholder rules for one messages.json entry, written once for the
// extension's pages and worker (i18n.js imports this file) and its content scripts (listed
// before them in the manifest; they cannot import modules): $NAME$ → the placeholder's
// content, $1…$9 → the substitutions, $$ → $. A classic script defining one global.
globalThis.crosslinkFormatMessage ??= function formatMessage(entry, subs = []) {
  if (!entry || typeof entry.message !== 'string') return null;
  const content = {};
  for (const [name, p] of Object.entries(entry.placeholders ?? {})) content[name.toLowerCase()] = String(p?.content ?? '');
  const numbered = (text) => text.replace(/\$([1-9])/g, (_, n) => String(subs[n - 1] ?? ''));
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g, (whole, name, n) => {
    if (whole === '$$') return '$';
    if (name !== undefined) return numbered(content[name.toLowerCase()] ?? '');
    return String(subs[n - 1] ?? '');
  });
};
