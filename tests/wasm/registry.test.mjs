// The registry (core/data/registry.json) is the one list of hosts, locales, flows and
// share networks: what the core hands out through schema() must be it, and every place
// that still has to spell a list out on its own (the manifest, _locales, the .d.ts, the
// core's texts, the stage) must agree with it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { loadWrapped, root } from './load.mjs';

const readJson = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const registry = readJson('core/data/registry.json');
const pages = readJson('core/data/pages.json');
const manifest = readJson('extension/manifest.json');
const dts = fs.readFileSync(path.join(root, 'wasm/crosslink.d.ts'), 'utf8');
const hostOf = (pattern) => new URL(pattern.replace('*', 'x')).hostname;
const hostsOf = (kind) => registry.hosts.filter((h) => h.kind === kind).map((h) => h.host);

/** The string literals of `export type <name> = 'a' | 'b';` in the .d.ts. */
function union(name) {
  const m = dts.match(new RegExp(`export type ${name} =([^;]+);`));
  assert.ok(m, `crosslink.d.ts declares ${name}`);
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
}

test('schema() is the registry, with each flow entry page as its address', async () => {
  const core = await loadWrapped();
  const schema = core.schema();
  assert.equal(schema.ok, true);
  assert.deepEqual(schema.hosts, registry.hosts);
  assert.deepEqual(schema.locales, registry.locales);
  assert.deepEqual(schema.ranges, registry.ranges);
  assert.deepEqual(schema.budgets, registry.budgets);
  assert.deepEqual(schema.flows, registry.flows.map((f) => ({ name: f.name, entry: pages[f.entry], params: f.params })));
  assert.deepEqual(schema.networks, registry.networks.map(({ name, label, default: on, since }) => ({ name, label, default: on, since: since ?? 1 })));
  assert.equal(schema.settingsVersion, registry.settingsVersion);
  assert.equal(core.settingsDefaults().settings.version, registry.settingsVersion);
  const screens = readJson('core/data/screens.json').screens.map((s) => s.id);
  assert.deepEqual(schema.screens, [...screens, 'unknown', 'unreadable', 'ambiguous']);
  // A copy each time: a caller that changes it changes nobody else's.
  schema.flows.length = 0;
  assert.equal(core.schema().flows.length, registry.flows.length);
  // The defaults name the networks on by default, in the registry's order.
  assert.deepEqual(core.settingsDefaults().settings.share.networks, registry.networks.filter((n) => n.default).map((n) => n.name));
});

test('the manifest grants exactly the registry hosts: Instagram always, Facebook on request', () => {
  assert.deepEqual(manifest.host_permissions.map(hostOf), hostsOf('instagram'));
  assert.deepEqual(manifest.optional_host_permissions.map(hostOf), hostsOf('facebook'));
  for (const script of manifest.content_scripts)
    for (const match of script.matches) assert.ok(hostsOf('instagram').includes(hostOf(match)), match);
});

test('each registry locale has its _locales, core texts and stage texts, and nothing else has one', async () => {
  const codes = registry.locales.map((l) => l.code);
  assert.deepEqual(fs.readdirSync(path.join(root, 'extension/_locales')).sort(), [...codes].sort());
  const coreTexts = fs.readdirSync(path.join(root, 'core/data')).filter((f) => /^texts\.[a-z]+\.json$/.test(f));
  assert.deepEqual(coreTexts.map((f) => f.split('.')[1]).sort(), [...codes].sort());
  const stage = await import(path.join(root, 'web/texts.mjs'));
  assert.deepEqual([...stage.LOCALES].sort(), [...codes].sort());
  const i18n = await import(path.join(root, 'extension/i18n/i18n.js'));
  assert.deepEqual([...i18n.LOCALES], codes);
  assert.deepEqual(i18n.LOCALE_NAMES, Object.fromEntries(registry.locales.map((l) => [l.code, l.name])));
});

test('every network name is a message in every locale', () => {
  for (const { code } of registry.locales) {
    const messages = readJson(`extension/_locales/${code}/messages.json`);
    for (const n of registry.networks) assert.ok(messages[n.label]?.message, `${code}: ${n.label}`);
  }
});

test('the .d.ts unions are the registry lists', () => {
  assert.deepEqual(union('Locale'), registry.locales.map((l) => l.code));
  assert.deepEqual(union('ShareNetwork'), registry.networks.map((n) => n.name));
  assert.deepEqual(union('FlowKind'), registry.flows.map((f) => f.name));
  assert.deepEqual(union('Host'), registry.hosts.map((h) => h.host));
});
