// The built package as the store and the browser will judge it: MV3, the approved
// permissions and nothing more, no code from strings, no remote code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extensionDir, root } from './harness.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
const approved = JSON.parse(fs.readFileSync(path.join(root, 'tests/approved/permissions.json'), 'utf8'));
const sorted = (list) => [...(list ?? [])].sort();

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
const scripts = filesUnder(extensionDir).filter((f) => /\.(m?js|html)$/.test(f));

test('the manifest is MV3 with a module service worker', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.type, 'module');
});

test('permissions, host permissions and optional host permissions are exactly the approved ones', () => {
  assert.deepEqual(sorted(manifest.permissions), sorted(approved.permissions));
  assert.deepEqual(sorted(manifest.host_permissions), sorted(approved.host_permissions));
  assert.deepEqual(sorted(manifest.optional_host_permissions), sorted(approved.optional_host_permissions));
  const matches = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.matches))];
  assert.deepEqual(sorted(matches), sorted(approved.content_script_matches));
});

test('the CSP allows Wasm and never eval', () => {
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(JSON.stringify(manifest), /'unsafe-eval'|'unsafe-inline'/);
});

const CODE_FROM_STRINGS = [
  [/(^|[^\w$.])eval\s*\(/, 'eval('],
  [/new\s+Function\s*\(/, 'new Function('],
  [/(^|[^\w$.])Function\s*\(\s*['"`]/, 'Function("…")'],
  [/set(Timeout|Interval)\s*\(\s*['"`]/, 'a timer with a string'],
];

test('the code-from-strings scan catches each form, and not look-alike names', () => {
  const bad = ['x = eval("1")', 'new Function("a", "return a")', 'const f = Function(\'return 1\')', 'setTimeout("go()", 1)'];
  bad.forEach((text, i) => assert.match(text, CODE_FROM_STRINGS[i][0]));
  for (const fine of ['createNamedFunction(name)', 'obj.eval(x)', 'setTimeout(go, 1)', 'retrieval(x)']) {
    for (const [re] of CODE_FROM_STRINGS) assert.doesNotMatch(fine, re, fine);
  }
});

test('no script in the package makes code from strings', () => {
  assert.ok(scripts.length > 5, 'the scan found the scripts');
  const patterns = CODE_FROM_STRINGS;
  for (const file of scripts) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [re, what] of patterns) assert.doesNotMatch(text, re, `${path.relative(extensionDir, file)} uses ${what}`);
  }
});

test('no remote code: scripts and imports come from the package only', () => {
  const remote = [
    /<script[^>]+src\s*=\s*["']?(https?:)?\/\//i,
    /\bimport\s*(?:[\w*{}\s,]+from\s*)?["'](https?:)?\/\//,
    /importScripts\s*\(\s*["'](https?:)?\/\//,
  ];
  for (const file of scripts) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of remote) assert.doesNotMatch(text, re, `${path.relative(extensionDir, file)} loads remote code`);
  }
});

test('every file the manifest names is in the package', () => {
  const files = [manifest.background.service_worker, manifest.action.default_popup,
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])])];
  if (manifest.options_ui) files.push(manifest.options_ui.page);
  for (const file of files) assert.ok(fs.existsSync(path.join(extensionDir, file)), `${file} missing`);
  assert.ok(fs.existsSync(path.join(extensionDir, 'core/crosslink_core.wasm')));
});
