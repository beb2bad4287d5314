#!/usr/bin/env node
// Where the bytes of a Wasm module go: function body sizes by name (needs a build linked
// with --profiling-funcs, see `make wasm-size`), grouped by the first words of the
// demangled name, plus the data segments. For P1 work; not part of any test.
import fs from 'node:fs';

const [file, depthArg = '2'] = process.argv.slice(2);
const bytes = fs.readFileSync(file);
const depth = Number(depthArg);
let pos = 8;
const u32 = () => { let r = 0, s = 0, b; do { b = bytes[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
const sections = [];
while (pos < bytes.length) {
  const id = bytes[pos++]; const size = u32(); sections.push({ id, start: pos, size }); pos += size;
}
let imported = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
for (const s of sections) {
  pos = s.start;
  if (s.id === 2) { // imports: count functions, they take indices first
    const n = u32();
    for (let i = 0; i < n; i++) {
      pos += u32(); pos += u32(); const kind = bytes[pos++];
      if (kind === 0) { u32(); imported++; } else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { pos += 2; }
    }
  } else if (s.id === 10) {
    const n = u32();
    for (let i = 0; i < n; i++) { const size = u32(); bodies.push(size); pos += size; }
  } else if (s.id === 11) dataBytes += s.size;
  else if (s.id === 0) {
    const nameLen = u32(); const name = bytes.toString('utf8', pos, pos + nameLen); pos += nameLen;
    if (name !== 'name') continue;
    const end = s.start + s.size;
    while (pos < end) {
      const sub = bytes[pos++]; const len = u32(); const subEnd = pos + len;
      if (sub === 1) { const n = u32(); for (let i = 0; i < n; i++) { const idx = u32(); const l = u32(); names.set(idx, bytes.toString('utf8', pos, pos + l)); pos += l; } }
      pos = subEnd;
    }
  }
}
const group = process.env.RAW ? (name) => name.slice(0, 150) : (name) => {  // RAW=1: one row per function
  const clean = name.replace(/\(.*$/, '').replace(/<.*$/, '');
  return clean.split('::').slice(0, depth).join('::');
};
const totals = new Map();
bodies.forEach((size, i) => {
  const g = group(names.get(imported + i) ?? `#${imported + i}`);
  totals.set(g, (totals.get(g) ?? 0) + size);
});
const code = bodies.reduce((a, b) => a + b, 0);
console.log(`code ${code} B in ${bodies.length} functions, data ${dataBytes} B, file ${bytes.length} B`);
for (const [g, size] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(size).padStart(8), g);
