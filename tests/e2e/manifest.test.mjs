// The built extension's manifest is what the store and the browser will judge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extensionDir } from './harness.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));

test('the manifest is MV3 with a module service worker', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.type, 'module');
});

test('host permissions are the two Instagram hosts only', () => {
  assert.deepEqual(manifest.host_permissions, ['https://www.instagram.com/*', 'https://accountscenter.instagram.com/*']);
});

test('the CSP allows Wasm and never eval', () => {
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(JSON.stringify(manifest), /'unsafe-eval'/);
});

test('every file the manifest names is in the package', () => {
  const files = [manifest.background.service_worker, manifest.action.default_popup,
    ...manifest.content_scripts.flatMap((c) => c.js ?? [])];
  for (const file of files) assert.ok(fs.existsSync(path.join(extensionDir, file)), `${file} missing`);
  assert.ok(fs.existsSync(path.join(extensionDir, 'core/crosslink_core.wasm')));
});
