// Compiles the registry (registry.json: hosts, locales, flows, share networks, ranges)
// and the locator packs (texts.<locale>.json, locators.json, screens.json, pages.json)
// into C++ tables: pack_data.h (ids as enums, so a typo in the flows is a compile error)
// and pack_data.cpp, with the registry also as one JSON text (the core's schema()). Run by CMake at build time; refuses data that is
// inconsistent (an unknown text key or role, a key missing in a locale, a bad glob).
// Usage: node generate.mjs <data dir> <output dir>
import fs from 'node:fs';
import path from 'node:path';

const [dataDir, outDir] = process.argv.slice(2);
const ROLES = ['button', 'link', 'switch', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab',
  'option', 'listitem', 'dialog', 'alertdialog', 'heading', 'textbox', 'searchbox', 'combobox', 'alert', 'status'];
const problems = [];
const fail = (msg) => problems.push(msg);
const read = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8'));
  } catch (e) {
    fail(`${name}: ${e.message}`);
    return {};
  }
};
// ---- the registry ----
const registry = read('registry.json');
const HOSTS = (registry.hosts ?? []).map((h) => h.host);
const LOCALES = (registry.locales ?? []).map((l) => l.code);
const PARAMS = ['syncProfile', 'facebookAccount', 'sharing'];
const isRange = (r) => r && Number.isInteger(r.min) && Number.isInteger(r.max) && Number.isInteger(r.default) && r.min <= r.default && r.default <= r.max;
for (const h of registry.hosts ?? []) if (!/^[a-z0-9.-]+$/.test(h.host ?? '') || !['instagram', 'facebook'].includes(h.kind)) fail(`registry.json: host "${h.host}": a host name and kind instagram or facebook`);
for (const l of registry.locales ?? []) if (!/^[a-z]{2}$/.test(l.code ?? '') || typeof l.name !== 'string') fail(`registry.json: locale "${l.code}": a two-letter code and a name`);
if (!LOCALES.length || LOCALES[0] !== 'en') fail('registry.json: locales must start with en (the fallback)');
for (const k of ['maxClicks', 'timeBudgetMs', 'settleMs', 'userWaitMs']) if (!isRange(registry.budgets?.[k])) fail(`registry.json: budgets.${k}: {min, max, default}`);
for (const k of ['clickPacingMs', 'logSize']) if (!isRange(registry.ranges?.[k])) fail(`registry.json: ranges.${k}: {min, max, default}`);
for (const f of registry.flows ?? []) {
  if (!/^[a-z][A-Za-z]*$/.test(f.name ?? '') || !/^[A-Z][A-Za-z]*$/.test(f.enum ?? '')) fail(`registry.json: flow "${f.name}": a name and an enum`);
  for (const p of f.params ?? []) if (!PARAMS.includes(p)) fail(`registry.json: flow "${f.name}": unknown parameter "${p}" (${PARAMS.join(', ')})`);
  if (!Array.isArray(f.milestones) || f.milestones.some((m) => !/^[a-z_]+(:[A-Za-z]+)?$/.test(m))) fail(`registry.json: flow "${f.name}": milestones: a list of step names`);
}
// Each flow is one file, core/flows/<name>.cpp; a file without a flow is a mistake too.
const flowsDir = path.join(dataDir, '..', 'flows');
const flowFiles = fs.existsSync(flowsDir) ? fs.readdirSync(flowsDir).filter((f) => f.endsWith('.cpp')).map((f) => f.slice(0, -4)) : [];
for (const f of registry.flows ?? []) if (!flowFiles.includes(f.name)) fail(`registry.json: flow "${f.name}" has no core/flows/${f.name}.cpp`);
for (const f of flowFiles) if (!(registry.flows ?? []).some((r) => r.name === f)) fail(`core/flows/${f}.cpp: no flow "${f}" in registry.json`);
// The steps a flow remembers: the engine's own, then every flow's milestones.
const STEPS = [...new Set(['interstitial', 'recover', ...(registry.flows ?? []).flatMap((f) => f.milestones ?? [])])];
for (const n of registry.networks ?? []) {
  if (!/^[a-z]+$/.test(n.name ?? '') || !/^[A-Z][A-Za-z]*$/.test(n.enum ?? '') || !/^share[A-Za-z]+$/.test(n.label ?? '') || typeof n.default !== 'boolean')
    fail(`registry.json: network "${n.name}": a name, an enum, a label (messages.json key) and default true or false`);
  if (n.since !== undefined && !(Number.isInteger(n.since) && n.since >= 1 && n.since <= registry.settingsVersion))
    fail(`registry.json: network "${n.name}": since: a settings version up to settingsVersion`);
}
if (!Number.isInteger(registry.settingsVersion) || registry.settingsVersion < 1) fail('registry.json: settingsVersion: a positive integer');
for (const list of ['hosts', 'locales', 'flows', 'networks']) {
  const names = (registry[list] ?? []).map((e) => e.host ?? e.code ?? e.name);
  if (!names.length || new Set(names).size !== names.length) fail(`registry.json: ${list}: a list without duplicates`);
}

const ident = (s) => s.replace(/[^A-Za-z0-9]/g, '_');
const cstr = (s) => `"${[...Buffer.from(s, 'utf8')].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c && b !== 0x3f ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`)).join('')}"`;

// Texts: every key in every locale, at least one wording each.
const texts = Object.fromEntries(LOCALES.map((l) => [l, read(`texts.${l}.json`)]));
const keys = Object.keys(texts.en);
for (const l of LOCALES) {
  for (const k of keys) {
    const w = texts[l][k];
    if (!Array.isArray(w) || !w.length || w.some((s) => typeof s !== 'string' || !s.trim()))
      fail(`texts.${l}.json: "${k}" needs a list of non-empty wordings`);
    else if (w.some((s) => /\{(?![a-z_]+\})|\{[a-z_]+\}\{/.test(s))) fail(`texts.${l}.json: "${k}": bad placeholder`);
  }
  for (const k of Object.keys(texts[l])) if (!keys.includes(k)) fail(`texts.${l}.json: "${k}" is not in texts.en.json`);
}

const locatorsDoc = read('locators.json');
const locatorIds = Object.keys(locatorsDoc).filter((k) => !k.startsWith('_'));
const probes = [];
const locators = locatorIds.map((id) => {
  const list = locatorsDoc[id];
  if (!Array.isArray(list) || !list.length) fail(`locators.json: "${id}" needs a list of probes`);
  const first = probes.length;
  for (const p of list ?? []) {
    for (const k of Object.keys(p)) if (!['role', 'label', 'name', 'href', 'in', 'card'].includes(k)) fail(`locators.json: "${id}": unknown field "${k}"`);
    const roles = [].concat(p.role ?? []);
    for (const r of roles) if (!ROLES.includes(r)) fail(`locators.json: "${id}": unknown role "${r}"`);
    for (const f of ['label', 'name', 'card']) if (p[f] !== undefined && !keys.includes(p[f])) fail(`locators.json: "${id}": unknown text key "${p[f]}"`);
    if (p.label && p.name) fail(`locators.json: "${id}": label or name, not both`);
    if (p.in !== undefined && !['dialog', 'page', 'listitem'].includes(p.in)) fail(`locators.json: "${id}": in must be dialog, page or listitem`);
    if (!roles.length && !p.label && !p.name && !p.href) fail(`locators.json: "${id}": a probe needs a role, a text or an href`);
    const mask = roles.reduce((m, r) => m | (1 << (ROLES.indexOf(r) + 1)), 0);
    const text = p.label ?? p.name;
    probes.push({ mask, text: text ? keys.indexOf(text) : -1, nameOnly: Boolean(p.name), href: p.href ?? null,
      scope: { undefined: 0, dialog: 1, page: 2, listitem: 3 }[p.in], card: p.card ? keys.indexOf(p.card) : -1 });
  }
  return { id, first, count: probes.length - first };
});

for (const k of locatorsDoc._read ?? []) if (!keys.includes(k)) fail(`locators.json: _read: unknown text key "${k}"`);
const usedTexts = new Set(probes.flatMap((p) => [p.text, p.card]));
for (const [i, k] of keys.entries()) if (!usedTexts.has(i) && !(locatorsDoc._read ?? []).includes(k)) fail(`texts: "${k}" is used by no locator`);

const screensDoc = read('screens.json');
const refs = [];
const paths = [];
// The hosts a screen can be on: groups of Meta's hosts (hostGroups), or one host of them.
const hostGroups = screensDoc.hostGroups ?? {};
const SCREEN_HOSTS = [...new Set(Object.values(hostGroups).flat())];
for (const h of HOSTS) if (!SCREEN_HOSTS.includes(h)) fail(`screens.json: hostGroups: registry host "${h}" is in no group`);
for (const h of SCREEN_HOSTS) if (!/^[a-z0-9.-]+$/.test(h)) fail(`screens.json: hostGroups: "${h}" is not a host name`);
if (SCREEN_HOSTS.length > 32) fail('screens.json: hostGroups: at most 32 hosts');
const screens = (screensDoc.screens ?? []).map((s) => {
  for (const k of Object.keys(s)) if (!['id', 'hosts', 'paths', 'markers', 'several', 'requires', 'unless', 'over', 'ask'].includes(k)) fail(`screens.json: "${s.id}": unknown field "${k}"`);
  let hosts = 0;
  for (const h of s.hosts ?? Object.keys(hostGroups)) {
    const list = hostGroups[h] ?? (SCREEN_HOSTS.includes(h) ? [h] : null);
    if (!list) fail(`screens.json: "${s.id}": unknown host or host group "${h}"`);
    for (const x of list ?? []) hosts = (hosts | (1 << SCREEN_HOSTS.indexOf(x))) >>> 0;
  }
  const list = (name) => {
    const first = refs.length;
    for (const l of s[name] ?? []) {
      if (!locatorIds.includes(l)) fail(`screens.json: "${s.id}": unknown locator "${l}"`);
      refs.push(locatorIds.indexOf(l));
    }
    return [first, refs.length - first];
  };
  const p0 = paths.length;
  for (const p of s.paths ?? []) {
    if (!p.startsWith('/')) fail(`screens.json: "${s.id}": path "${p}" must start with /`);
    paths.push(p);
  }
  if (!(s.paths ?? []).length && !(s.markers ?? []).length && !(s.several ?? []).length) fail(`screens.json: "${s.id}": needs paths or markers`);
  if (s.ask !== undefined && !/^[a-z_]+$/.test(s.ask)) fail(`screens.json: "${s.id}": ask: a reason (a-z _)`);
  return { id: s.id, hosts, paths: [p0, paths.length - p0], markers: list('markers'), several: list('several'), requires: list('requires'), unless: list('unless'), ask: s.ask ?? null };
});
const screenIds = screens.map((s) => s.id);
if (new Set(screenIds).size !== screenIds.length) fail('screens.json: duplicate screen id');
// over: the later rules this one is a narrower case of (it holds where they hold too, by
// design); every other pair that holds at once in one layer is two screens at once.
const over = [];
for (const [i, s] of (screensDoc.screens ?? []).entries()) {
  const first = over.length;
  for (const o of s.over ?? []) {
    const j = screenIds.indexOf(o);
    if (j <= i) fail(`screens.json: "${s.id}": over: "${o}" must be a rule after it`);
    over.push(j);
  }
  screens[i].over = [first, over.length - first];
}

const pagesDoc = read('pages.json');
const pages = Object.entries(pagesDoc).filter(([k]) => !k.startsWith('_'));
for (const [k, url] of pages) {
  let u;
  try { u = new URL(url); } catch { fail(`pages.json: "${k}": not a URL`); continue; }
  if (u.protocol !== 'https:' || !['www.instagram.com', 'accountscenter.instagram.com'].includes(u.host) || u.search || u.hash || !u.pathname.endsWith('/'))
    fail(`pages.json: "${k}": only https pages of the two Instagram hosts, ending in /, without query`);
}

for (const [name, id] of Object.entries(registry.pageLocators ?? {}))
  if (!locatorIds.includes(id) || locatorsDoc[id].some((p) => !(p.label ?? p.name) || p.href)) fail(`registry.json: pageLocators.${name}: "${id}" must be a locator of worded probes`);
for (const f of registry.flows ?? []) if (!pages.some(([k]) => k === f.entry)) fail(`registry.json: flow "${f.name}": entry "${f.entry}" is not in pages.json`);

if (problems.length) {
  console.error(`core/data: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const wordings = [];
const textRows = keys.map((k) => {
  const first = wordings.length;
  for (const [li, l] of LOCALES.entries()) for (const w of texts[l][k]) wordings.push({ li, w });
  return { k, first, count: wordings.length - first };
});

// What schema() hands out: the registry with each flow's entry page as its address and
// the screens the core can recognise (the rules' ids, then unknown, unreadable and ambiguous).
const pageUrl = Object.fromEntries(pages);
// The locators the content scripts match themselves (the native share icon, the composer's
// switch): each probe's roles and its text's wordings in every locale.
const pageLocators = Object.fromEntries(Object.entries(registry.pageLocators ?? {}).map(([name, id]) => [name,
  (locatorsDoc[id] ?? []).map((p) => ({ roles: [].concat(p.role ?? []), scope: p.in ?? null,
    wordings: [...new Set(LOCALES.flatMap((l) => texts[l][p.label ?? p.name] ?? []))] }))]));
const SCREENS = [...screenIds, 'unknown', 'unreadable', 'ambiguous'];
const schema = {
  hosts: registry.hosts,
  locales: registry.locales,
  flows: registry.flows.map((f) => ({ name: f.name, entry: pageUrl[f.entry], params: f.params })),
  budgets: registry.budgets,
  networks: registry.networks.map((n) => ({ name: n.name, label: n.label, default: n.default, since: n.since ?? 1 })),
  pageLocators,
  settingsVersion: registry.settingsVersion,
  ranges: registry.ranges,
  screens: SCREENS,
};
const range = (prefix, r) => `inline constexpr long long ${prefix}Min = ${r.min}, ${prefix}Max = ${r.max}, ${prefix}Default = ${r.default};`;

const h = `// Generated by core/data/generate.mjs from core/data/*.json: do not edit.
#pragma once
#include <cstdint>

namespace crosslink {

// core/data/registry.json and screens.json.
enum class FlowKind : uint8_t { ${registry.flows.map((f) => f.enum).join(', ')} };
enum class ShareNetwork : uint8_t { ${registry.networks.map((n) => n.enum).join(', ')} };
enum class Screen : uint8_t { ${SCREENS.map(ident).join(', ')} };
enum class Step : uint8_t { ${STEPS.map(ident).join(', ')} };

namespace registry {

inline constexpr int kFlowCount = ${registry.flows.length};
inline constexpr int kNetworkCount = ${registry.networks.length};
inline constexpr int kScreenCount = ${SCREENS.length};
inline constexpr int kHostCount = ${HOSTS.length};
inline constexpr int kLocaleCount = ${LOCALES.length};
inline constexpr int kStepCount = ${STEPS.length};
enum Param : uint8_t { ${PARAMS.map((p, i) => `k${p[0].toUpperCase()}${p.slice(1)} = ${1 << i}`).join(', ')} };
${range('kMaxClicks', registry.budgets.maxClicks)}
${range('kTimeBudgetMs', registry.budgets.timeBudgetMs)}
${range('kSettleMs', registry.budgets.settleMs)}
${range('kUserWaitMs', registry.budgets.userWaitMs)}
${range('kClickPacingMs', registry.ranges.clickPacingMs)}
${range('kLogSize', registry.ranges.logSize)}
inline constexpr int kSettingsVersion = ${registry.settingsVersion};

struct FlowRow {
  const char* name;
  uint8_t entry;   // pack::Page
  uint8_t params;  // Param bits
};
struct NetworkRow {
  const char* name;
  bool on_by_default;  // in the menu of a new install
  uint8_t since;       // the settings version that introduced it: off in settings stored before
};
extern const FlowRow kFlows[];
extern const NetworkRow kNetworks[];
extern const char* const kScreenNames[];
extern const char* const kStepNames[];
extern const char* const kHostNames[];
extern const char* const kLocaleCodes[];
extern const char kSchemaJson[];  // the registry as schema() gives it

}  // namespace registry
}  // namespace crosslink

namespace crosslink::pack {

enum class Text : int16_t { ${keys.map((k) => ident(k)).join(', ')}, None = -1 };
enum class Loc : uint16_t { ${locatorIds.map(ident).join(', ')} };
enum class Page : uint8_t { ${pages.map(([k]) => ident(k)).join(', ')} };

inline constexpr int kTextCount = ${keys.length};
inline constexpr int kLocatorCount = ${locatorIds.length};
inline constexpr int kScreenCount = ${screens.length};
inline constexpr int kPageCount = ${pages.length};
inline constexpr int kWordingCount = ${wordings.length};
inline constexpr int kLocaleCount = ${LOCALES.length};
inline constexpr int kScreenHostCount = ${SCREEN_HOSTS.length};

}  // namespace crosslink::pack
`;

const cpp = `// Generated by core/data/generate.mjs from core/data/*.json: do not edit.
#include "pack.h"

namespace crosslink::pack {

const Wording kWordings[] = {
${wordings.map(({ li, w }) => `  {${li}, ${cstr(w)}},`).join('\n')}
};
const TextRow kTexts[] = {
${textRows.map((t) => `  {${cstr(t.k)}, ${t.first}, ${t.count}},`).join('\n')}
};
const Probe kProbes[] = {
${probes.map((p) => `  {${p.mask}u, ${p.text}, ${p.card}, ${p.scope}, ${p.nameOnly}, ${p.href === null ? 'nullptr' : cstr(p.href)}},`).join('\n')}
};
const LocatorRow kLocators[] = {
${locators.map((l) => `  {${cstr(l.id)}, ${l.first}, ${l.count}},`).join('\n')}
};
const uint16_t kRefs[] = {${refs.join(', ') || 0}};
const char* const kPaths[] = {${paths.map(cstr).join(', ')}};
const uint16_t kOver[] = {${over.join(', ') || 0}};
const ScreenRule kScreens[] = {
${screens.map((s) => `  {${cstr(s.id)}, ${s.hosts}u, ${s.paths[0]}, ${s.paths[1]}, ${s.markers[0]}, ${s.markers[1]}, ${s.several[0]}, ${s.several[1]}, ${s.requires[0]}, ${s.requires[1]}, ${s.unless[0]}, ${s.unless[1]}, ${s.over[0]}, ${s.over[1]}, ${s.ask === null ? 'nullptr' : cstr(s.ask)}},`).join('\n')}
};
const PageRow kPages[] = {
${pages.map(([k, u]) => `  {${cstr(k)}, ${cstr(u)}},`).join('\n')}
};
const char* const kLocales[] = {${LOCALES.map(cstr).join(', ')}};
const char* const kHosts[] = {${HOSTS.map(cstr).join(', ')}};
const char* const kScreenHosts[] = {${SCREEN_HOSTS.map(cstr).join(', ')}};

}  // namespace crosslink::pack

namespace crosslink::registry {

const FlowRow kFlows[] = {
${registry.flows.map((f) => `  {${cstr(f.name)}, ${pages.findIndex(([k]) => k === f.entry)}, ${f.params.reduce((m, p) => m | (1 << PARAMS.indexOf(p)), 0)}},`).join('\n')}
};
const NetworkRow kNetworks[] = {
${registry.networks.map((n) => `  {${cstr(n.name)}, ${n.default}, ${n.since ?? 1}},`).join('\n')}
};
const char* const kScreenNames[] = {${SCREENS.map(cstr).join(', ')}};
const char* const kStepNames[] = {${STEPS.map(cstr).join(', ')}};
const char* const kHostNames[] = {${HOSTS.map(cstr).join(', ')}};
const char* const kLocaleCodes[] = {${LOCALES.map(cstr).join(', ')}};
const char kSchemaJson[] = ${cstr(JSON.stringify(schema))};

}  // namespace crosslink::registry
`;

fs.mkdirSync(outDir, { recursive: true });
const write = (name, text) => {
  const file = path.join(outDir, name);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
};
write('pack_data.h', h);
write('pack_data.cpp', cpp);
write('flow_table.cpp', `// Generated by core/data/generate.mjs from core/data/registry.json: do not edit.
// The flows' policies in registry order: each is defined in core/flows/<name>.cpp.
#include "flow_engine.h"

namespace crosslink::flows {
${registry.flows.map((f) => `Action ${f.name}(Ctx& c);`).join('\n')}
}  // namespace crosslink::flows

namespace crosslink::engine {
const Policy kPolicies[] = {${registry.flows.map((f) => `&flows::${f.name}`).join(', ')}};
}  // namespace crosslink::engine
`);
