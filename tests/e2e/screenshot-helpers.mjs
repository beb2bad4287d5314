// The README's screenshots (options-screenshots, panel-screenshots): each is written to
// build/screenshots/ on every run; docs/screenshots/ (what the README shows) is written when
// the file is missing or with SCREENSHOTS=update, and otherwise must still have the size of
// a fresh shot.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './harness.mjs';

const BUILD = path.join(root, 'build/screenshots');
const DOCS = path.join(root, 'docs/screenshots');
const UPDATE = process.env.SCREENSHOTS === 'update';

/** Width and height from a PNG's IHDR. */
export function pngSize(buffer) {
  assert.equal(buffer.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** Keeps a shot; `size`: the exact size it must have (else at least 300×150). */
export function keep(name, buffer, size = null) {
  fs.mkdirSync(BUILD, { recursive: true });
  fs.writeFileSync(path.join(BUILD, name), buffer);
  const doc = path.join(DOCS, name);
  const got = pngSize(buffer);
  if (size) assert.deepEqual(got, size, `${name} is ${got.width}×${got.height}`);
  else assert.ok(got.width >= 300 && got.height >= 150, `${name} is ${got.width}×${got.height}`);
  if (UPDATE || !fs.existsSync(doc)) {
    fs.mkdirSync(DOCS, { recursive: true });
    fs.writeFileSync(doc, buffer);
  } else {
    assert.deepEqual(pngSize(fs.readFileSync(doc)), got, `docs/screenshots/${name} is out of date: run SCREENSHOTS=update make test-e2e`);
  }
}

/**
 * What a person who linked and then read the status has stored (for the pictures of the
 * popup): linked as Jane Doe, the switches read `readMinutes` before FIXED_NOW, and the
 * log of the two flows that got there.
 */
export function sampleStorage({ now, readMinutes, othersOnFacebook }) {
  const at = (minutesBefore) => now - minutesBefore * 60000;
  return {
    linkStatus: { readAt: at(readMinutes), linked: true, facebookName: 'Jane Doe', instagramUsername: 'jane.doe', url: 'flow',
      sharing: { posts: true, reels: true, stories: false, facebookStories: false }, messaging: { updated: true, othersOnFacebook } },
    activityLog: { version: 1, next: 4, entries: [
      { seq: 0, t: at(14), type: 'flow_start', detail: 'link' },
      { seq: 1, t: at(11), type: 'flow_end', outcome: 'done', data: { flow: 'link' } },
      { seq: 2, t: at(readMinutes + 1), type: 'flow_start', detail: 'readStatus' },
      { seq: 3, t: at(readMinutes), type: 'flow_end', outcome: 'done', data: { flow: 'readStatus' } }] },
  };
}
