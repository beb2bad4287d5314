// Written from core/data/registry.json ("locales") by scripts/registry-lists.mjs: do not edit.
export const LOCALES = ['en', 'es', 'pt', 'de', 'fr'];
export const LOCALE_NAMES = { en: 'English', es: 'Español', pt: 'Português', de: 'Deutsch', fr: 'Français' };
