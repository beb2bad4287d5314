// The text table (web/texts.json) as functions: t(locale)(id, vars) gives the string a
// page shows; the walks in tests/stage use the same table, so they click what a person
// reads in that language.
import fs from 'node:fs';

// The locales are the core's registry's (core/data/registry.json): one list for all.
export const LOCALES = JSON.parse(fs.readFileSync(new URL('../core/data/registry.json', import.meta.url), 'utf8')).locales.map((l) => l.code);
export const TEXTS = JSON.parse(fs.readFileSync(new URL('./texts.json', import.meta.url), 'utf8'));

/** One text in one locale, placeholders filled; an unknown id throws (a typo is a bug). */
export function text(locale, id, vars = {}) {
  const entry = TEXTS[id];
  if (!entry || id.startsWith('_')) throw new Error(`no text "${id}" in web/texts.json`);
  const raw = entry[locale] ?? entry.en;
  return raw.replace(/\{(\w+)\}/g, (m, key) => (key in vars ? String(vars[key]) : m));
}

/** A bound lookup for one locale: const t = texts('de'); t('ac.accounts.add'). */
export const texts = (locale) => (id, vars) => text(locale, id, vars);
