// `make demo` headless, as a newcomer runs it: it must exit 0, print every step of the
// journey, and leave pictures of real pages in build/demo/ — not blank tabs (the first
// tab of the browser stays empty, and a picture of it is one colour).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './harness.mjs';

const shots = path.join(root, 'build/demo');

/** Distinct colours in a PNG, counted on a canvas (a blank page has one or two). */
async function colourCounts(files) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const counts = {};
    for (const file of files) {
      const base64 = fs.readFileSync(path.join(shots, file)).toString('base64');
      counts[file] = await page.evaluate(async (data) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        const pixels = new Uint32Array(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data.buffer);
        return new Set(pixels).size;
      }, base64);
    }
    return counts;
  } finally {
    await browser.close();
  }
}

test('make demo headless prints the journey and leaves pictures of the pages it went through', async () => {
  const run = spawnSync(process.execPath, ['scripts/demo.mjs'], {
    cwd: root, encoding: 'utf8', timeout: 110000, env: { ...process.env, DEMO_HEADLESS: '1' },
  });
  assert.equal(run.status, 0, `demo exited ${run.status}: ${run.stderr}\n${run.stdout}`);
  for (const step of ['Read status from the pages', 'Link to Facebook', 'Share posts to Facebook', 'Share stories to Facebook', 'Unlink Facebook']) {
    assert.match(run.stdout, new RegExp(`click "${step}" in the popup`), step);
  }
  assert.equal((run.stdout.match(/: Done: /g) ?? []).length, 6, 'six steps done');
  assert.doesNotMatch(run.stdout, /no picture/);

  const pictures = JSON.parse(fs.readFileSync(path.join(shots, 'pictures.json'), 'utf8'));
  const files = fs.readdirSync(shots).filter((f) => f.endsWith('-page.png')).sort();
  assert.deepEqual(pictures.map((p) => p.file).sort(), files, 'pictures.json names every page picture');
  assert.ok(files.length >= 8, `${files.length} page pictures`);
  // The journey's pages: Accounts Center, Facebook's continue page, the sharing switches.
  const hosts = new Set(pictures.map((p) => new URL(p.url).host));
  assert.ok(hosts.has('accountscenter.instagram.com') && hosts.has('www.facebook.com'), [...hosts].join(', '));
  assert.ok(pictures.some((p) => p.url.includes('/connected_experiences/cross_posting/')), 'the sharing switches');

  const counts = await colourCounts(files);
  for (const file of files) {
    const bytes = fs.statSync(path.join(shots, file)).size;
    assert.ok(bytes > 15000, `${file} is ${bytes} bytes (a blank page is about 5,000)`);
    assert.ok(counts[file] > 40, `${file} has ${counts[file]} colours`);
  }
});
