// The Firefox package: the same files as the Chromium one with a manifest overlay (fixed
// gecko id, no data collected, a background Firefox runs), and `web-ext lint` (npm, run
// offline) finds no error in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extensionDir, root } from './harness.mjs';

const firefoxDir = path.join(root, 'build/extension-firefox');
const read = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const chromium = read(extensionDir);
const firefox = read(firefoxDir);

function filesUnder(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]).sort();
}

test('the Firefox manifest is the Chromium one plus the overlay, nothing else changed', () => {
  const gecko = firefox.browser_specific_settings?.gecko;
  assert.equal(gecko.id, 'crosslink@extension.crosslink');
  assert.match(gecko.id, /^[a-zA-Z0-9-._]*@[a-zA-Z0-9-._]+$/, 'an email-like gecko id');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  assert.ok(Number.parseFloat(gecko.strict_min_version) >= 140, 'data_collection_permissions needs Firefox 140');
  assert.deepEqual(firefox.background.scripts, [chromium.background.service_worker]);
  assert.equal(firefox.background.type, 'module');
  const strip = ({ background, browser_specific_settings, ...rest }) => rest;
  assert.deepEqual(strip(firefox), strip(chromium));
  assert.equal(chromium.browser_specific_settings, undefined, 'the Chromium package carries no Firefox keys');
});

test('the Firefox package holds the same files, byte for byte, but the manifest', () => {
  const files = filesUnder(extensionDir);
  assert.deepEqual(filesUnder(firefoxDir), files);
  assert.ok(files.includes('options/options.html') && files.includes('core/crosslink_core.wasm'));
  for (const file of files.filter((f) => f !== 'manifest.json')) {
    assert.ok(fs.readFileSync(path.join(extensionDir, file)).equals(fs.readFileSync(path.join(firefoxDir, file))), file);
  }
  const zip = path.join(root, 'build', `crosslink-firefox-${chromium.version}.zip`);
  // `zip -sf` lists an archive (zip is installed by deps.sh; unzip may not be).
  const listed = execFileSync('zip', ['-sf', zip], { encoding: 'utf8' }).split('\n')
    .filter((l) => l.startsWith('  ')).map((l) => l.trim()).filter((l) => !l.endsWith('/'));
  assert.deepEqual(listed.sort(), files);
});

// Without a network when the machine lets us take it away (unshare), so the lint is
// known not to need one; else as is.
function lint() {
  const cli = [path.join(root, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', firefoxDir, '--output', 'json'];
  const offline = spawnSync('unshare', ['-rn', 'true']).status === 0;
  const [cmd, args] = offline ? ['unshare', ['-rn', process.execPath, ...cli]] : [process.execPath, cli];
  const started = Date.now();
  const run = spawnSync(cmd, args, { encoding: 'utf8', timeout: 90000, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  return { report: JSON.parse(json), offline, ms: Date.now() - started, status: run.status };
}

test('web-ext lint: 0 errors (warnings listed)', () => {
  const { report, offline, ms } = lint();
  const lines = (kind) => report[kind].map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
  console.log(`web-ext lint ${offline ? 'offline ' : ''}in ${ms} ms: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
  for (const line of lines('warnings')) console.log(`  warning ${line}`);
  assert.equal(report.summary.errors, 0, lines('errors').join('\n'));
  assert.deepEqual(report.errors, []);
  // The one warning we accept knowingly: the service_worker kept for Chromium.
  for (const w of report.warnings) assert.equal(w.code, 'BACKGROUND_SERVICE_WORKER_IGNORED', `${w.code}: ${w.message}`);
});
