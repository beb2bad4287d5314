// Assembles the unpacked extension in build/extension/ from extension/ and the Wasm
// core in build/wasm/, then zips it. Loadable as is with "Load unpacked".
// The same files with a Firefox manifest overlay go to build/extension-firefox/ (and a
// zip beside it): `web-ext lint` checks that package in the e2e tier.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownPage } from './markdown.mjs';
import { reproducibleZip } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build/extension');
const core = [
  path.join(root, 'build/wasm/crosslink_core.mjs'),
  path.join(root, 'build/wasm/crosslink_core.wasm'),
  path.join(root, 'wasm/crosslink.mjs'),
];

for (const file of core) {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run make wasm first`);
}
fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(path.join(root, 'extension'), out, { recursive: true });
fs.mkdirSync(path.join(out, 'core'));
for (const file of core) fs.copyFileSync(file, path.join(out, 'core', path.basename(file)));

// One version source: package.json. The manifest in extension/ has none; the built one
// gets package.json's, so `npm version` is the only place a release changes it.
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const manifestPath = path.join(out, 'manifest.json');
const manifest = { version, ...JSON.parse(fs.readFileSync(manifestPath, 'utf8')) };
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

// Icons: the PNGs the stores and the toolbar need, drawn from the SVG sources by
// rsvg-convert (librsvg2-bin); the sources themselves stay out of the package.
export const ICON_SIZES = [16, 32, 48, 128];
export const TOOLBAR_VARIANTS = ['linked', 'unlinked', 'attention'];
const icons = path.join(out, 'icons');
const render = (svg, size, png) => execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', png, svg]);
for (const size of ICON_SIZES) render(path.join(root, 'extension/icons/icon.svg'), size, path.join(icons, `icon-${size}.png`));
for (const variant of TOOLBAR_VARIANTS) {
  for (const size of [16, 32]) render(path.join(root, `extension/icons/icon-${variant}.svg`), size, path.join(icons, `icon-${variant}-${size}.png`));
}
for (const f of fs.readdirSync(icons)) if (f.endsWith('.svg')) fs.rmSync(path.join(icons, f));

// The privacy policy inside the package (the settings page links to it), from PRIVACY.md.
fs.mkdirSync(path.join(out, 'privacy'), { recursive: true });
fs.writeFileSync(path.join(out, 'privacy/privacy.html'),
  markdownPage(fs.readFileSync(path.join(root, 'PRIVACY.md'), 'utf8'), { title: 'Crosslink privacy policy' }));

const zip = path.join(root, 'build', `crosslink-${version}.zip`);
reproducibleZip(out, zip);
console.log(`extension: ${path.relative(root, out)}/ and ${path.relative(root, zip)}`);

// ---- Firefox: the same package, its manifest overlaid ----

export const GECKO_ID = 'crosslink@extension.crosslink';
/** The Firefox manifest from the Chromium one: every key kept, these added. */
export function firefoxManifest(chromium) {
  const ff = structuredClone(chromium);
  // Firefox runs MV3 backgrounds as event pages: `scripts` (a module, as the worker is);
  // Chromium 121+ ignores `scripts` when `service_worker` is there, Firefox the reverse.
  ff.background = { ...chromium.background, scripts: [chromium.background.service_worker], type: 'module' };
  ff.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      // data_collection_permissions is read from Firefox 140 on; Crosslink collects nothing.
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android reads data_collection_permissions from 142 on.
    gecko_android: { strict_min_version: '142.0' },
  };
  return ff;
}

const ffOut = path.join(root, 'build/extension-firefox');
fs.rmSync(ffOut, { recursive: true, force: true });
fs.cpSync(out, ffOut, { recursive: true });
fs.writeFileSync(path.join(ffOut, 'manifest.json'), `${JSON.stringify(firefoxManifest(manifest), null, 2)}\n`);
const ffZip = path.join(root, 'build', `crosslink-firefox-${version}.zip`);
reproducibleZip(ffOut, ffZip);
console.log(`extension: ${path.relative(root, ffOut)}/ and ${path.relative(root, ffZip)}`);
