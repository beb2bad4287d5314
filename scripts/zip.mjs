// Zips that are byte-identical on every build of the same files: every entry's time fixed
// (zip stores local time, so TZ=UTC), entries in sorted order, no directory entries, no
// extra fields (-X). tests/e2e/store.test.mjs builds twice and compares.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const FIXED_MTIME = new Date('2024-01-01T00:00:00Z');

/** Every file under dir, as sorted relative paths with "/". */
export function filesOf(dir, rel = '') {
  const out = [];
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (fs.statSync(path.join(dir, r)).isDirectory()) out.push(...filesOf(dir, r));
    else out.push(r);
  }
  return out;
}

/** Zips every file under dir into zipPath (replaced), reproducibly. The files' mtimes are set. */
export function reproducibleZip(dir, zipPath) {
  const list = filesOf(dir);
  for (const r of list) fs.utimesSync(path.join(dir, r), FIXED_MTIME, FIXED_MTIME);
  fs.rmSync(zipPath, { force: true });
  // -D: no directory entries (their order and times would differ); -@: names from stdin.
  execFileSync('zip', ['-qXD', zipPath, '-@'], { cwd: dir, input: `${list.join('\n')}\n`, env: { ...process.env, TZ: 'UTC' } });
  return list;
}
