// Five languages: every string in en exists in es, pt, de and fr with the same
// placeholders; every key the code uses exists; the store texts fit; and the in-page
// controls speak Instagram's own language (the page's <html lang>) unless the person
// chose one in the options.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, setState, stageRequest, until, useBrowser } from './harness.mjs';
import { FEED, CONTROL, setSettings, settingsWith } from './share-helpers.mjs';
import { formatMessage, localeOf, resolveLocale, LOCALES } from '../../extension/i18n/i18n.js';

const localesDir = path.join(root, 'extension/_locales');
const load = (locale) => JSON.parse(fs.readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'));
const en = load('en');
const OTHERS = ['es', 'pt', 'de', 'fr'];
const tokens = (message) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
const placeholders = (entry) => Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));

test('the five locales are exactly the ones in _locales, and the code lists the same', () => {
  assert.deepEqual(fs.readdirSync(localesDir).sort(), [...LOCALES].sort());
});

test('every en key is in es, pt, de and fr, with the same placeholders, and no key is extra', () => {
  assert.ok(Object.keys(en).length > 100, `en has ${Object.keys(en).length} keys`);
  for (const locale of OTHERS) {
    const other = load(locale);
    assert.deepEqual(Object.keys(other).filter((k) => !(k in en)), [], `${locale} has keys en lacks`);
    for (const [key, entry] of Object.entries(en)) {
      assert.ok(key in other, `${locale} lacks ${key}`);
      assert.equal(typeof other[key].message, 'string', `${locale}.${key}`);
      assert.notEqual(other[key].message.trim(), '', `${locale}.${key} is empty`);
      assert.deepEqual(placeholders(other[key]), placeholders(entry), `${locale}.${key}: placeholders`);
      assert.deepEqual(tokens(other[key].message), tokens(entry.message), `${locale}.${key}: $NAME$ in the message`);
    }
  }
});

test('in every locale each $NAME$ has its placeholder and each placeholder is used', () => {
  for (const locale of LOCALES) {
    for (const [key, entry] of Object.entries(load(locale))) {
      assert.match(key, /^[A-Za-z0-9_]+$/, `${locale}: key ${key}`);
      assert.deepEqual(tokens(entry.message), Object.keys(placeholders(entry)).sort(), `${locale}.${key}`);
    }
  }
});

test('the translations are translations: most messages differ from English', () => {
  const same = (a, b) => a.message === b.message;
  // Names that stay as they are in every language.
  const names = new Set(['extName', 'popupTitle', 'shareFacebook', 'shareX', 'shareTumblr', 'shareOkRu', 'shareThreads']);
  for (const locale of OTHERS) {
    const other = load(locale);
    const copied = Object.keys(en).filter((k) => !names.has(k) && same(other[k], en[k]));
    assert.ok(copied.length <= 2, `${locale} copies English in ${copied.join(', ')}`);
  }
});

test('the store texts fit: name up to 45 and description up to 132 characters in every locale', () => {
  for (const locale of LOCALES) {
    const m = load(locale);
    assert.ok([...m.extName.message].length <= 45, `${locale} extName`);
    assert.ok([...m.extDescription.message].length <= 132, `${locale} extDescription: ${[...m.extDescription.message].length}`);
  }
});

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

test('every key the extension names (manifest, data-i18n, msg/t/getMessage calls) exists in en', () => {
  const used = new Set();
  const manifest = fs.readFileSync(path.join(root, 'extension/manifest.json'), 'utf8');
  for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  for (const file of filesUnder(path.join(root, 'extension')).filter((f) => /\.(js|html)$/.test(f))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/data-i18n(?:-[a-z]+)?="([A-Za-z0-9_]+)"/g)) used.add(m[1]);
    for (const m of text.matchAll(/\b(?:msg|t|getMessage)\(\s*['"]([A-Za-z0-9_]+)['"]/g)) used.add(m[1]);
    // Keys picked in a ternary or a table: 'composerSetOn' : 'composerSetOff', NETWORK_LABEL values.
    for (const m of text.matchAll(/['"]((?:composer|share|status|opt|import_|error_)[A-Za-z0-9_]*)['"]/g)) {
      if (/^(?:share|status)$/.test(m[1])) continue;
      if (m[1] in en || /[A-Z]/.test(m[1]) || m[1].startsWith('error_') || m[1].startsWith('import_')) used.add(m[1]);
    }
  }
  assert.ok(used.size > 60, `found ${used.size} keys in use`);
  const missing = [...used].filter((k) => !(k in en) && !/^(?:error_|import_)$/.test(k));
  assert.deepEqual(missing, []);
});

test('formatMessage follows chrome.i18n: $NAME$ placeholders, $1 substitutions, $$', () => {
  const entry = { message: 'A $WHO$ paid $$5 to $2', placeholders: { who: { content: '$1' } } };
  assert.equal(formatMessage(entry, ['Jane', 'Bob']), 'A Jane paid $5 to Bob');
  assert.equal(formatMessage(en.statusLinked, ['Ana']), 'Linked to Facebook as Ana');
  assert.equal(formatMessage(load('de').composerSetOn, ['Auch auf Facebook teilen']),
    'Crosslink hat „Auch auf Facebook teilen“ eingeschaltet, deine Voreinstellung.');
  assert.equal(formatMessage({ message: 'no $X$' }, []), 'no ', 'an unknown placeholder is empty, as in Chrome');
  assert.equal(formatMessage(undefined, []), null);
});

test('the locale: the setting, else the page, else the browser, else English', () => {
  assert.equal(localeOf('pt-BR'), 'pt');
  assert.equal(localeOf('es_419'), 'es');
  assert.equal(localeOf('it'), null);
  assert.equal(localeOf(''), null);
  assert.equal(resolveLocale('auto', 'fr-CA', 'de'), 'fr');
  assert.equal(resolveLocale('auto', 'it', 'de-AT'), 'de');
  assert.equal(resolveLocale('auto', 'it', 'ja'), 'en');
  assert.equal(resolveLocale('pt', 'fr', 'de'), 'pt');
  assert.equal(resolveLocale('xx', 'fr'), 'fr', 'an unknown setting counts as auto');
});

// ---- in the browser: the share control on the stage ----

let stage, browser, page;  // set up by useBrowser
useBrowser((env) => ({ stage, browser, page } = env));
beforeEach(async () => {
  await stageRequest(stage, '/__stage/reset', {});
  await setSettings(browser, null);
});

const label = () => page.locator(CONTROL).first().getAttribute('aria-label');

test('the share control speaks each of Instagram\'s five languages, its menu too', async () => {
  for (const locale of LOCALES) {
    const m = load(locale);
    await setState(stage, { locale });
    await page.goto(FEED);
    assert.equal(await page.evaluate(() => document.documentElement.lang), locale, 'the stage page says its language');
    await until(label, (l) => l === m.shareControlLabel.message, { what: `the ${locale} label`, timeout: 15000 });
    assert.equal(await page.locator(CONTROL).first().getAttribute('title'), m.shareControlLabel.message);
    await page.locator(CONTROL).first().click();
    await page.getByRole('menuitem').first().waitFor();
    assert.deepEqual(await page.getByRole('menuitem').allTextContents(),
      ['shareFacebook', 'shareX', 'shareTumblr', 'shareOkRu', 'shareThreads', 'shareCopyLink'].map((k) => m[k].message), locale);
    assert.equal(await page.getByRole('menu').getAttribute('aria-label'), m.shareControlLabel.message);
    await page.keyboard.press('Escape');
  }
});

test('when Instagram switches language the controls already drawn follow', async () => {
  await setState(stage, { locale: 'en' });
  await page.goto(FEED);
  await until(label, (l) => l === en.shareControlLabel.message, { what: 'the English label', timeout: 15000 });
  await page.evaluate(() => { document.documentElement.lang = 'fr'; });
  await until(label, (l) => l === load('fr').shareControlLabel.message, { what: 'the French label' });
  const labels = await page.locator(CONTROL).evaluateAll((all) => [...new Set(all.map((b) => b.getAttribute('aria-label')))]);
  assert.deepEqual(labels, [load('fr').shareControlLabel.message], 'every control relabelled');
});

test('a language chosen in the options wins over the page\'s, and "auto" gives it back', async () => {
  await setState(stage, { locale: 'es' });
  await page.goto(FEED);
  await until(label, (l) => l === load('es').shareControlLabel.message, { what: 'the Spanish label', timeout: 15000 });
  await setSettings(browser, { ...settingsWith(), locale: 'de' });
  await until(label, (l) => l === load('de').shareControlLabel.message, { what: 'the German label' });
  await setSettings(browser, settingsWith());
  await until(label, (l) => l === load('es').shareControlLabel.message, { what: 'the Spanish label again' });
});

test('a language Crosslink lacks falls back to the browser\'s (English here)', async () => {
  await setState(stage, { locale: 'de' });
  await page.goto(FEED);
  await until(label, (l) => l === load('de').shareControlLabel.message, { what: 'the German label', timeout: 15000 });
  await page.evaluate(() => { document.documentElement.lang = 'it'; });
  await until(label, (l) => l === en.shareControlLabel.message, { what: 'the English label' });
});
