// docs/icons-toolbar.png: the toolbar icon and its state variants (linked, not linked,
// attention) on Chromium's light and dark toolbars, at 16 px, 32 px (a 2× screen), and the
// 16 px icon magnified 4× without smoothing, to check it is legible on both. Needs the
// built icons (make extension) and ImageMagick's `convert`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const icons = path.join(root, 'build/extension/icons');
const out = process.argv[2] ?? path.join(root, 'docs/icons-toolbar.png');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-icons-'));
const TOOLBARS = [['light', '#ffffff'], ['light-grey', '#f1f3f4'], ['dark', '#3c3c3c'], ['dark-black', '#202124']];
const VARIANTS = ['icon', 'icon-linked', 'icon-unlinked', 'icon-attention'];
const run = (...args) => execFileSync('convert', args);

const rows = [];
for (const [name, bg] of TOOLBARS) {
  const cells = [];
  for (const v of VARIANTS) {
    const cell = path.join(tmp, `${name}-${v}.png`);
    const big = path.join(tmp, `${name}-${v}-x4.png`);
    run(path.join(icons, `${v}-16.png`), '-filter', 'point', '-resize', '400%', big);
    // 16 px and 32 px as the toolbar shows them, then the 16 px one magnified.
    run('-size', '136x72', `xc:${bg}`,
      path.join(icons, `${v}-16.png`), '-geometry', '+8+28', '-composite',
      path.join(icons, `${v}-32.png`), '-geometry', '+32+20', '-composite',
      big, '-geometry', '+72+4', '-composite', cell);
    cells.push(cell);
  }
  const row = path.join(tmp, `${name}.png`);
  run(...cells, '+append', row);
  rows.push(row);
}
run(...rows, '-append', out);
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`icons: ${path.relative(root, out)}`);
