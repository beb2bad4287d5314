// `make store`: the store kit in build/store/ from store/ and the built package:
//   listing/<locale>.md and listing.json — name, short description (the manifest's),
//     summary, detailed description, category, single-purpose statement, and a
//     justification for every permission (the words the welcome page uses);
//   screenshots/*.png at 1280×800 (scripts/store-screenshots.mjs, on the stage, fixed clock);
//   promo-tile-440x280.png (store/promo-tile.svg), icon-128.png;
//   the Chromium and Firefox zips, and the Firefox source archive (make source-zip).
// Checked by tests/e2e/store.test.mjs (limits per store, every permission justified).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, formatMessage } from '../extension/i18n/i18n.js';
import { PERMISSION_REASONS, declaredPermissions } from '../extension/welcome/permission-reasons.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build/store');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'build/extension/manifest.json'), 'utf8'));
const { version } = manifest;

/** The stores' limits on listing texts (characters), where the kit's texts go. */
export const LIMITS = {
  name: 45,               // Chrome 75, addons.mozilla.org 50, addons-linter 45 (the strictest)
  shortDescription: 132,  // Chrome: the manifest description, ≤ 132
  summary: 250,           // addons.mozilla.org summary, ≤ 250
  description: 16000,     // Chrome Web Store detailed description, ≤ 16,000
  singlePurpose: 1000,    // Chrome Web Store privacy tab fields, ≤ 1,000 each
  justification: 1000,
};

const messages = (locale) => JSON.parse(fs.readFileSync(path.join(root, 'extension/_locales', locale, 'messages.json'), 'utf8'));

/** The listing of one locale, every field as the store takes it. */
export function listingFor(locale) {
  const src = JSON.parse(fs.readFileSync(path.join(root, 'store/listing', `${locale}.json`), 'utf8'));
  const own = messages(locale);
  const en = messages('en');
  const msg = (key) => formatMessage(own[key] ?? en[key], []);
  const permissions = {};
  for (const p of declaredPermissions(manifest)) permissions[p] = msg(PERMISSION_REASONS[p]) ?? null;
  return {
    locale,
    name: msg('extName'),
    shortDescription: msg('extDescription'),
    summary: src.summary,
    description: src.description.join('\n\n'),
    category: src.category,
    singlePurpose: src.singlePurpose,
    permissions,
    remoteCode: 'No. Every script is in the package; the WebAssembly core is compiled from the sources in the source archive.',
    dataUse: 'Crosslink collects no user data: it sends nothing anywhere (see PRIVACY.md).',
    privacyPolicy: 'PRIVACY.md (also in the package: privacy/privacy.html, linked from the settings page)',
    homepage: manifest.homepage_url,
  };
}

function markdown(l) {
  const lines = [`# Crosslink ${version}: store listing (${l.locale})`, '',
    `**Name** (${[...l.name].length}/${LIMITS.name}): ${l.name}`, '',
    `**Short description / manifest description** (${[...l.shortDescription].length}/${LIMITS.shortDescription}): ${l.shortDescription}`, '',
    `**Summary, addons.mozilla.org** (${[...l.summary].length}/${LIMITS.summary}): ${l.summary}`, '',
    `**Category**: Chrome Web Store: ${l.category.chrome}; addons.mozilla.org: ${l.category.firefox}`, '',
    `**Single purpose** (${[...l.singlePurpose].length}/${LIMITS.singlePurpose}): ${l.singlePurpose}`, '',
    '## Detailed description', '', l.description, '',
    '## Permission justifications', ''];
  for (const [p, why] of Object.entries(l.permissions)) lines.push(`- \`${p}\`: ${why}`);
  lines.push('', `**Remote code**: ${l.remoteCode}`, '', `**Data use**: ${l.dataUse}`, '', `**Privacy policy**: ${l.privacyPolicy}`, '',
    `**Homepage**: ${l.homepage}`, '');
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'listing'), { recursive: true });
  const all = {};
  for (const locale of LOCALES) {
    all[locale] = listingFor(locale);
    fs.writeFileSync(path.join(out, 'listing', `${locale}.md`), markdown(all[locale]));
  }
  fs.writeFileSync(path.join(out, 'listing.json'), `${JSON.stringify({ version, limits: LIMITS, listings: all }, null, 2)}\n`);
  execFileSync('rsvg-convert', ['-w', '440', '-h', '280', '-o', path.join(out, 'promo-tile-440x280.png'), path.join(root, 'store/promo-tile.svg')]);
  fs.copyFileSync(path.join(root, 'build/extension/icons/icon-128.png'), path.join(out, 'icon-128.png'));
  for (const zip of [`crosslink-${version}.zip`, `crosslink-firefox-${version}.zip`]) fs.copyFileSync(path.join(root, 'build', zip), path.join(out, zip));
  execFileSync('node', [path.join(root, 'scripts/source-zip.mjs'), path.join(out, `crosslink-${version}-source.zip`)], { stdio: 'inherit' });
  fs.copyFileSync(path.join(root, 'store/README.md'), path.join(out, 'README.md'));
  execFileSync('node', [path.join(root, 'scripts/store-screenshots.mjs'), path.join(out, 'screenshots')], { stdio: 'inherit' });
  console.log(`store: the kit is in ${path.relative(root, out)}/`);
}
