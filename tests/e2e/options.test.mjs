// The options page, driven as a person would: settings saved to chrome.storage.sync
// after the core checked them, field errors at the field, export and import of settings
// and activity log as one JSON file (a bad file refused whole with a clear message),
// reset, damaged and old settings recovered, the language setting.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { until, useBrowser } from './harness.mjs';
import { FEED, CONTROL } from './share-helpers.mjs';
import { clearStorage, logOf, messages, openOptions, putStorage, storage } from './options-helpers.mjs';

const en = messages('en');
const fill = (m, key, ...subs) => {
  let text = m[key].message;
  for (const [name, p] of Object.entries(m[key].placeholders ?? {})) text = text.replace(new RegExp(`\\$${name}\\$`, 'i'), subs[Number(p.content.slice(1)) - 1]);
  return text;
};
const DEFAULTS = { version: 2, share: { networks: ['facebook', 'x', 'tumblr', 'okru', 'threads', 'copy'] },
  composer: { applyDefault: false, shareToFacebook: false }, locale: 'auto', clickPacingMs: 400, logSize: 500 };

let stage, browser, page;  // set up by useBrowser
useBrowser((env) => ({ stage, browser, page } = env));
beforeEach(async () => {
  await clearStorage(browser);
});

const status = (id) => page.locator(`#${id}`).textContent();
const checkedNetworks = () => page.locator('#networks li').evaluateAll((rows) =>
  rows.filter((r) => r.querySelector('input').checked).map((r) => r.dataset.network));

test('the page shows the defaults; changes are saved to sync as the core\'s v2, and the log to local', async () => {
  await openOptions(browser, page);
  assert.deepEqual(await checkedNetworks(), DEFAULTS.share.networks);
  assert.equal(await page.locator('#pacing').inputValue(), '400');
  assert.equal(await page.locator('#log-size').inputValue(), '500');
  assert.equal(await page.getByLabel('Language of Crosslink').inputValue(), 'auto');
  assert.equal(await page.locator('#composer-on').isDisabled(), true, 'the value waits for "set it for me"');

  await page.getByRole('checkbox', { name: 'Tumblr' }).uncheck();
  await page.getByRole('button', { name: 'Move Copy clean link up' }).click();
  assert.equal(await status('save-status'), 'Copy clean link is now number 5 of 6.');
  await page.getByRole('checkbox', { name: /Also share to Facebook/ }).check();
  await page.getByRole('radio', { name: 'On: also share to Facebook' }).check();
  await page.getByLabel('Pause between automated clicks (milliseconds)').fill('750');
  await page.getByLabel('Activity log size (entries)').fill('120');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await until(() => status('save-status'), (s) => s === 'Saved.', { what: 'Saved.' });

  const { sync, local } = await storage(browser);
  assert.deepEqual(Object.keys(sync), ['settings'], 'sync holds the settings item alone');
  assert.deepEqual(sync.settings, { version: 2, share: { networks: ['facebook', 'x', 'okru', 'copy', 'threads'] },
    composer: { applyDefault: true, shareToFacebook: true }, locale: 'auto', clickPacingMs: 750, logSize: 120 });
  assert.ok(Buffer.byteLength(`settings${JSON.stringify(sync.settings)}`) < 8192, 'within the 8 KB item quota');
  assert.deepEqual(local.activityLog.entries.map((e) => [e.type, e.outcome]), [['settings', 'saved']]);

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await checkedNetworks(), ['facebook', 'x', 'okru', 'copy', 'threads']);
  assert.deepEqual(await page.locator('#networks li').evaluateAll((r) => r.map((li) => li.dataset.network)),
    ['facebook', 'x', 'okru', 'copy', 'threads', 'tumblr'], 'the order kept, the turned-off one last');
  assert.equal(await page.locator('#pacing').inputValue(), '750');
  assert.equal(await page.locator('#composer-on').isChecked(), true);
  assert.equal(await status('log-count'), fill(en, 'optLogCount', '1', '120'));
});

test('out-of-range and non-numbers are refused at their fields; nothing is stored', async () => {
  await openOptions(browser, page);
  await page.locator('#pacing').fill('50');
  await page.locator('#log-size').fill('');
  await page.locator('#log-size').pressSequentially('1e9');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await until(() => status('save-status'), (s) => s === en.optFixErrors.message, { what: 'the correction message' });
  assert.equal(await page.locator('#pacing').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#log-size').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#pacing-error').textContent(), fill(en, 'optErrorRange', '100', '5000'));
  assert.equal(await page.locator('#log-size-error').textContent(), fill(en, 'optErrorRange', '10', '5000'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pacing', 'focus on the first field to fix');
  // The error is part of the field's accessible description.
  assert.match(await page.locator('#pacing').getAttribute('aria-describedby'), /pacing-error/);
  assert.deepEqual((await storage(browser)).sync, {}, 'nothing stored');
  await page.getByRole('button', { name: 'Undo changes' }).click();
  assert.equal(await page.locator('#pacing').inputValue(), '400');
  assert.equal(await page.locator('#pacing').getAttribute('aria-invalid'), null);
});

async function exportFile() {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export settings and log' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), value: JSON.parse(fs.readFileSync(await file.path(), 'utf8')) };
}

test('export: one JSON file with the settings and the activity log', async () => {
  await putStorage(browser, 'sync', { settings: { ...DEFAULTS, clickPacingMs: 900 } });
  await putStorage(browser, 'local', { activityLog: logOf(3) });
  await openOptions(browser, page);
  const { name, value } = await exportFile();
  assert.match(name, /^crosslink-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(value.format, 'crosslink-backup');
  assert.equal(value.version, 1);
  assert.deepEqual(value.settings, { ...DEFAULTS, clickPacingMs: 900 });
  assert.equal(value.log.format, 'crosslink-activity-log');
  assert.equal(value.log.count, 3);
  assert.deepEqual(value.log.entries.map((e) => [e.seq, e.type, e.time]),
    [[0, 'share', '2026-01-01T00:00:00.000Z'], [1, 'share', '2026-01-01T00:00:01.000Z'], [2, 'share', '2026-01-01T00:00:02.000Z']]);
  assert.equal(await status('data-status'), fill(en, 'optExported', '3', name));
});

const importText = async (text, name = 'settings.json') => {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
};

test('import: an exported file round-trips; settings and log replaced whole', async () => {
  await putStorage(browser, 'sync', { settings: { ...DEFAULTS, share: { networks: ['x'] }, logSize: 40 } });
  await putStorage(browser, 'local', { activityLog: logOf(5) });
  await openOptions(browser, page);
  const { value } = await exportFile();
  await clearStorage(browser);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await checkedNetworks(), DEFAULTS.share.networks);

  await importText(JSON.stringify(value));
  await until(() => status('data-status'), (s) => s === fill(en, 'optImported', '5'), { what: 'the import message' });
  assert.deepEqual(await checkedNetworks(), ['x'], 'the form shows what was imported');
  const { sync, local } = await storage(browser);
  assert.deepEqual(sync.settings, { ...DEFAULTS, share: { networks: ['x'] }, logSize: 40 });
  assert.deepEqual(local.activityLog.entries.slice(0, 5).map((e) => e.seq), [0, 1, 2, 3, 4]);
  assert.deepEqual(local.activityLog.entries.at(-1).outcome, 'imported', 'the import itself is logged');

  // A file with settings only keeps the log there is.
  await importText(JSON.stringify({ format: 'crosslink-backup', version: 1, settings: DEFAULTS }));
  await until(() => status('data-status'), (s) => s === en.optImportedSettingsOnly.message, { what: 'settings-only import' });
  assert.equal((await storage(browser)).local.activityLog.entries.length, 7);
});

test('import refuses a bad file with a clear message and overwrites nothing', async () => {
  const settings = { ...DEFAULTS, clickPacingMs: 1234 };
  await putStorage(browser, 'sync', { settings });
  await putStorage(browser, 'local', { activityLog: logOf(2) });
  await openOptions(browser, page);
  const before = await storage(browser);
  const good = { format: 'crosslink-backup', version: 1, settings: DEFAULTS };
  const badLog = { ...good, log: { entries: [{ seq: 0, t: 1, type: 'share' }, { seq: 1, t: 2 }] } };
  const cases = [
    ['{"format": "crosslink-backup", ', en.import_not_json.message],
    ['[1, 2, 3]', en.import_wrong_format.message],
    [JSON.stringify({ name: 'something else' }), en.import_wrong_format.message],
    [JSON.stringify({ ...good, version: 2 }), en.import_newer_version.message],
    [JSON.stringify({ ...good, settings: { ...DEFAULTS, clickPacingMs: 5 } }), fill(en, 'import_bad_settings', en.optPacingLabel.message)],
    [JSON.stringify({ ...good, settings: { ...DEFAULTS, locale: 'klingon' } }), fill(en, 'import_bad_settings', en.optLocaleLabel.message)],
    [JSON.stringify({ format: 'crosslink-backup', version: 1 }), null],
    [JSON.stringify(badLog), null],
  ];
  for (const [text, reason] of cases) {
    await page.locator('#data-status').evaluate((el) => { el.textContent = ''; });
    await importText(text);
    const said = await until(() => status('data-status'), (s) => s.startsWith(fill(en, 'optImportRefused', '')), { what: `refusal of ${text.slice(0, 40)}` });
    if (reason) assert.equal(said, fill(en, 'optImportRefused', reason));
    else assert.ok(said.length > fill(en, 'optImportRefused', '').length + 5, said);
    assert.equal(await page.locator('#data-status').getAttribute('data-kind'), 'error');
    assert.deepEqual(await storage(browser), before, `nothing overwritten by ${text.slice(0, 40)}`);
  }
  assert.equal(await page.locator('#pacing').inputValue(), '1234', 'the form still shows the stored settings');
});

test('reset asks first (Escape or Cancel keep everything), then restores the defaults and keeps the log', async () => {
  await putStorage(browser, 'sync', { settings: { ...DEFAULTS, clickPacingMs: 2000, share: { networks: [] } } });
  await putStorage(browser, 'local', { activityLog: logOf(4) });
  await openOptions(browser, page);
  const reset = page.getByRole('button', { name: 'Reset settings…' });
  await reset.click();
  assert.equal(await reset.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reset-no', 'focus on the safe choice');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#reset-confirm').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reset');
  assert.equal((await storage(browser)).sync.settings.clickPacingMs, 2000);

  await reset.click();
  await page.getByRole('group', { name: en.optResetConfirm.message }).getByRole('button', { name: 'Reset', exact: true }).click();
  await until(() => status('reset-status'), (s) => s === en.optResetDone.message, { what: 'the reset message' });
  const { sync, local } = await storage(browser);
  assert.deepEqual(sync.settings, DEFAULTS);
  assert.equal(local.activityLog.entries.length, 5, 'the log kept, the reset added');
  assert.equal(await page.locator('#pacing').inputValue(), '400');
  assert.deepEqual(await checkedNetworks(), DEFAULTS.share.networks);
});

test('damaged stored settings: each bad field replaced by its default, said on the page, repaired in storage', async () => {
  await putStorage(browser, 'sync', { settings: { ...DEFAULTS, clickPacingMs: 'fast', locale: 'xx', share: { networks: ['x', 'myspace'] } } });
  await openOptions(browser, page);
  const notice = await page.locator('.notice').first().textContent();
  assert.match(notice, /^Some stored settings could not be read/);
  assert.ok(notice.includes(en.optPacingLabel.message), notice);
  assert.ok(notice.includes(en.optLocaleLabel.message), notice);
  assert.ok(notice.includes(en.optNetworksLegend.message), notice);
  assert.equal(await page.locator('#pacing').inputValue(), '400');
  assert.deepEqual(await checkedNetworks(), ['x'], 'the valid network kept');
  const { sync } = await until(() => storage(browser), (s) => s.sync.settings?.clickPacingMs === 400, { what: 'the repair stored' });
  assert.deepEqual(sync.settings, { ...DEFAULTS, share: { networks: ['x'] } });
});

test('settings of the 0.0.x prototype are migrated; the page follows their language (pt)', async () => {
  await putStorage(browser, 'sync', { settings: { shareTargets: 'facebook,twitter', fbDefault: 'on', lang: 'pt-BR', delayMs: '700', maxLogEntries: 100 } });
  await openOptions(browser, page);
  const pt = messages('pt');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'pt');
  assert.equal(await page.locator('h1').textContent(), pt.optionsTitle.message);
  assert.equal(await page.locator('.notice').first().textContent(), pt.optMigrated.message);
  assert.deepEqual(await checkedNetworks(), ['facebook', 'x']);
  assert.equal(await page.locator('#pacing').inputValue(), '700');
  assert.equal(await page.locator('#composer-on').isChecked(), true);
  assert.equal(await page.locator('#composer-apply').isChecked(), true);
});

test('settings from a newer Crosslink: read as far as known, said on the page, never written back unasked', async () => {
  const newer = { ...DEFAULTS, version: 3, clickPacingMs: 900, futureThing: { x: 1 } };
  await putStorage(browser, 'sync', { settings: newer });
  await openOptions(browser, page);
  assert.deepEqual(await page.locator('.notice').allTextContents(), [en.optNewer.message]);
  assert.equal(await page.locator('#pacing').inputValue(), '900');
  assert.deepEqual((await storage(browser)).sync.settings, newer, 'left as the newer version wrote it');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await until(() => status('save-status'), (s) => s === 'Saved.', { what: 'Saved.' });
  assert.deepEqual((await storage(browser)).sync.settings, { ...DEFAULTS, clickPacingMs: 900 }, 'the person saved: v2 now');
});

test('settings changed elsewhere show up on an open page that has no edits; edits in progress are kept', async () => {
  await openOptions(browser, page);
  await putStorage(browser, 'sync', { settings: { ...DEFAULTS, clickPacingMs: 2500 } });
  await until(() => page.locator('#pacing').inputValue(), (v) => v === '2500', { what: 'the new pause on the page' });
  await putStorage(browser, 'local', { activityLog: logOf(7) });
  await until(() => status('log-count'), (s) => s === fill(en, 'optLogCount', '7', '500'), { what: 'the new log count' });
  await page.locator('#log-size').fill('77');
  await putStorage(browser, 'sync', { settings: { ...DEFAULTS, clickPacingMs: 3000 } });
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#log-size').inputValue(), '77', 'the edit in progress stays');
  assert.equal(await page.locator('#pacing').inputValue(), '2500');
});

test('choosing a language: the page speaks it at once after saving', async () => {
  await openOptions(browser, page);
  await page.getByLabel('Language of Crosslink').selectOption('de');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const de = messages('de');
  await until(() => status('save-status'), (s) => s === de.optSaved.message, { what: 'Gespeichert.' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('h1').textContent(), de.optionsTitle.message);
  assert.equal(await page.getByRole('button', { name: de.optSave.message, exact: true }).count(), 1);
  assert.equal(await page.locator('#locale option[value="fr"]').getAttribute('lang'), 'fr', 'each language named in itself');
});

test('a smaller log size trims the stored log to the newest entries', async () => {
  await putStorage(browser, 'local', { activityLog: logOf(30) });
  await openOptions(browser, page);
  assert.equal(await status('log-count'), fill(en, 'optLogCount', '30', '500'));
  await page.locator('#log-size').fill('10');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await until(() => status('save-status'), (s) => s === 'Saved.', { what: 'Saved.' });
  const { entries } = (await storage(browser)).local.activityLog;
  assert.equal(entries.length, 10);
  assert.equal(entries.at(-1).outcome, 'saved');
  assert.deepEqual(entries.slice(0, 9).map((e) => e.seq), [21, 22, 23, 24, 25, 26, 27, 28, 29]);
});

test('what the options page saves reaches the share control on Instagram', async () => {
  await openOptions(browser, page);
  for (const name of ['X', 'Tumblr', 'OK.ru', 'Threads']) await page.getByRole('checkbox', { name, exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await until(() => status('save-status'), (s) => s === 'Saved.', { what: 'Saved.' });
  const feed = await browser.context.newPage();
  try {
    await feed.goto(FEED);
    await feed.locator(CONTROL).first().click();
    await feed.getByRole('menuitem').first().waitFor();
    assert.deepEqual(await feed.getByRole('menuitem').allTextContents(), ['Facebook', 'Copy clean link']);
  } finally {
    await feed.close();
  }
});
