// The store checklist: what the Chrome Web Store and Firefox Add-ons ask of a package
// and its listing, checked on the built package and the kit's sources (store/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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
