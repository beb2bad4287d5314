// The store checklist: what the Chrome Web Store and Firefox Add-ons ask of a package
// and its listing, checked on the built package and the kit's sources (store/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { extensionDir, root } from './harness.mjs';

const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(read('package.json'));
const ICON_SIZES = [16, 32, 48, 128];

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  assert.equal(b.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('icons: every size is in the package at its size, referenced by icons and the toolbar', () => {
  for (const size of ICON_SIZES) {
    const rel = manifest.icons?.[size];
    assert.ok(rel, `manifest icons has ${size}`);
    assert.deepEqual(pngSize(path.join(extensionDir, rel)), [size, size], rel);
  }
  for (const [size, rel] of Object.entries(manifest.action?.default_icon ?? {})) {
    assert.deepEqual(pngSize(path.join(extensionDir, rel)), [Number(size), Number(size)], rel);
  }
  assert.deepEqual(Object.keys(manifest.action?.default_icon ?? {}).sort(), ['16', '32']);
  for (const variant of ['linked', 'unlinked', 'attention']) {
    assert.ok(fs.existsSync(path.join(root, `extension/icons/icon-${variant}.svg`)), `${variant} SVG source`);
    for (const size of [16, 32]) assert.deepEqual(pngSize(path.join(extensionDir, `icons/icon-${variant}-${size}.png`)), [size, size]);
  }
  assert.ok(fs.existsSync(path.join(root, 'extension/icons/icon.svg')), 'the SVG source is in the repo');
  assert.ok(!fs.readdirSync(path.join(extensionDir, 'icons')).some((f) => f.endsWith('.svg')), 'no SVG source in the package');
});

test('the version has one source: package.json, written into the built manifest', () => {
  assert.equal(manifest.version, pkg.version);
  assert.ok(!('version' in JSON.parse(read('extension/manifest.json'))), 'extension/manifest.json has no version of its own');
  assert.match(manifest.version, /^\d+(\.\d+){0,3}$/, 'a version Chrome accepts');
});

test('minimum_chrome_version and homepage_url are set', () => {
  // The newest API used decides: Element.checkVisibility() (content/snapshot.js), Chrome 105.
  // Below it: 'wasm-unsafe-eval' in an MV3 extension_pages CSP (103), chrome.storage.session
  // (102), scripting.registerContentScripts (96).
  assert.equal(manifest.minimum_chrome_version, '105');
  assert.match(fs.readFileSync(path.join(extensionDir, 'content/snapshot.js'), 'utf8'), /\.checkVisibility\(/,
    'checkVisibility is still what needs 105; if it went, look again at what decides');
  assert.match(manifest.homepage_url, /^https:\/\//);
});

test('LICENSE is the MIT licence package.json names, and CHANGELOG.md has the version', () => {
  assert.equal(pkg.license, 'MIT');
  assert.match(read('LICENSE'), /^MIT License\n[\s\S]*Permission is hereby granted, free of charge/);
  const changelog = read('CHANGELOG.md');
  assert.ok(changelog.includes(`## [${pkg.version}]`) || changelog.includes('## [Unreleased]'), 'a section for this version');
});

test('PRIVACY.md says what is read, what is kept where, that nothing leaves, how to delete; the package shows it from the settings page', () => {
  const privacy = read('PRIVACY.md');
  for (const heading of ['## What Crosslink reads', '## What Crosslink keeps, and where', '## What Crosslink sends', '## How to delete it']) {
    assert.ok(privacy.includes(heading), heading);
  }
  assert.match(privacy, /nothing leaves your browser/i);
  for (const area of ['chrome.storage.local', 'chrome.storage.sync', 'chrome.storage.session']) assert.ok(privacy.includes(area), area);
  const page = fs.readFileSync(path.join(extensionDir, 'privacy/privacy.html'), 'utf8');
  assert.match(page, /<h2>How to delete it<\/h2>/);
  const options = fs.readFileSync(path.join(extensionDir, 'options/options.html'), 'utf8');
  const href = /id="privacy-link" href="([^"]+)"/.exec(options)?.[1];
  assert.ok(href, 'the settings page links to the policy');
  assert.ok(fs.existsSync(path.join(extensionDir, 'options', href)), `${href} is in the package`);
});

// ---- the listing (store/listing/, make store) ----

const { LIMITS, listingFor } = await import(path.join(root, 'scripts/store.mjs'));
const { LOCALES } = await import(path.join(root, 'extension/i18n/i18n.js'));
const { PERMISSION_REASONS, declaredPermissions } = await import(path.join(root, 'extension/welcome/permission-reasons.js'));
const chars = (s) => [...s].length;

test('every locale has a whole listing within the stores\' limits', () => {
  for (const locale of LOCALES) {
    const l = listingFor(locale);
    for (const field of ['name', 'shortDescription', 'summary', 'description', 'singlePurpose']) {
      assert.equal(typeof l[field], 'string', `${locale} ${field}`);
      assert.ok(chars(l[field]) >= 3, `${locale} ${field} is there`);
      assert.ok(chars(l[field]) <= LIMITS[field], `${locale} ${field}: ${chars(l[field])} > ${LIMITS[field]}`);
    }
    assert.ok(l.category.chrome && l.category.firefox, `${locale} category`);
    if (locale !== 'en') assert.notEqual(l.description, listingFor('en').description, `${locale} is translated`);
  }
  assert.equal(LIMITS.shortDescription, 132);
});

test('every permission the manifest declares is justified, in every locale', () => {
  const declared = declaredPermissions(manifest);
  assert.ok(declared.length >= 5, JSON.stringify(declared));
  for (const p of declared) assert.ok(PERMISSION_REASONS[p], `${p} has a reason`);
  for (const locale of LOCALES) {
    for (const [p, why] of Object.entries(listingFor(locale).permissions)) {
      assert.ok(why && chars(why) > 20 && chars(why) <= LIMITS.justification, `${locale} ${p}: ${why}`);
    }
  }
});

// ---- reproducible packages ----

const sha = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** The entry names of a zip, in their order, from its central directory. */
function zipNames(file) {
  const b = fs.readFileSync(file);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${file} is a zip`);
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i += 1) {
    assert.equal(b.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const [n, x, c] = [b.readUInt16LE(at + 28), b.readUInt16LE(at + 30), b.readUInt16LE(at + 32)];
    names.push(b.toString('utf8', at + 46, at + 46 + n));
    at += 46 + n + x + c;
  }
  return names;
}

test('the zips are byte-identical across two builds, and the Firefox source archive too', () => {
  const zips = [`crosslink-${pkg.version}.zip`, `crosslink-firefox-${pkg.version}.zip`].map((z) => path.join(root, 'build', z));
  const first = zips.map(sha);
  execFileSync('node', [path.join(root, 'scripts/build-extension.mjs')], { stdio: 'ignore' });
  assert.deepEqual(zips.map(sha), first, 'the same after a second build');
  const listing = zipNames(zips[0]);
  assert.deepEqual(listing, [...listing].sort(), 'entries in sorted order');
  assert.ok(listing.includes('manifest.json') && listing.includes('icons/icon-128.png'));
  const a = path.join(root, 'build/source-a.zip');
  const b = path.join(root, 'build/source-b.zip');
  execFileSync('node', [path.join(root, 'scripts/source-zip.mjs'), a], { stdio: 'ignore' });
  execFileSync('node', [path.join(root, 'scripts/source-zip.mjs'), b], { stdio: 'ignore' });
  assert.equal(sha(a), sha(b));
  const sources = zipNames(a);
  for (const f of ['SOURCE-BUILD.md', 'Makefile', 'package.json', 'package-lock.json', 'core/link_status.cpp', 'extension/manifest.json', 'scripts/build-extension.mjs']) {
    assert.ok(sources.includes(f), `${f} in the source archive`);
  }
  assert.ok(!sources.some((f) => f.startsWith('build/') || f.startsWith('node_modules/')), 'nothing built, no node_modules');
  fs.rmSync(a);
  fs.rmSync(b);
});

test('the store screenshots are 1280×800, taken on the stage at the fixed clock', { timeout: 180000 }, () => {
  const dir = path.join(root, 'build/store-test-screenshots');
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync('node', [path.join(root, 'scripts/store-screenshots.mjs'), dir], { stdio: 'ignore', timeout: 170000 });
  const shots = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
  assert.ok(shots.length >= 1 && shots.length <= 5, `${shots.length} screenshots (the Chrome Web Store takes 1 to 5)`);
  for (const f of shots) assert.deepEqual(pngSize(path.join(dir, f)), [1280, 800], f);
  const tile = path.join(root, 'build/store-test-tile.png');
  execFileSync('rsvg-convert', ['-w', '440', '-h', '280', '-o', tile, path.join(root, 'store/promo-tile.svg')]);
  assert.deepEqual(pngSize(tile), [440, 280], 'the small promo tile');
});

test('the toolbar icon variants follow the status: linked, not linked, attention', async () => {
  const { iconVariant } = await import(path.join(root, 'extension/background/toolbar-icon.js'));
  assert.equal(iconVariant(null, null), null);
  assert.equal(iconVariant({ linked: true }, null), 'linked');
  assert.equal(iconVariant({ linked: false }, null), 'unlinked');
  assert.equal(iconVariant({ error: { name: 'not_found' } }, null), 'attention');
  assert.equal(iconVariant({ linked: true }, { status: 'needs_user' }), 'attention');
  assert.equal(iconVariant({ linked: true }, { status: 'done' }), 'linked');
  for (const v of ['linked', 'unlinked', 'attention']) {
    for (const s of [16, 32]) assert.ok(fs.existsSync(path.join(extensionDir, `icons/icon-${v}-${s}.png`)), `${v} ${s}`);
  }
});
