// make bench-core: the core's figures, printed and written to build/bench/core.json.
//   P1  gzip -9 of what the extension loads of the core: the Wasm, Emscripten's JS glue
//       and the wrapper (goal ≤ 64 KB).
//   P3  median time of one decision (wrapper step: snapshot text in, decision out) on a
//       5,000-element snapshot, in Node and in Chromium (goal ≤ 1 ms). Two pages: the
//       feed (a flow started there navigates away: the common case) and a worst case
//       (an accounts page whose button is the 5,000th element).
//   P6  Wasm memory after 10,000 decisions on the recorded journeys and the big pages
//       (goal: no growth after the first ones, ≤ 2 MiB).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = path.join(root, 'build/wasm');
const fixtures = path.join(root, 'tests/fixtures');
const KB = 1024;

// ---- the snapshots ----------------------------------------------------------------------

/** The recorded feed, its posts repeated until the page has `size` elements. */
export function bigFeed(size = 5000) {
  const home = JSON.parse(fs.readFileSync(path.join(fixtures, 'snapshots/instagram_home.en.A.json'), 'utf8'));
  const els = home.elements;
  const firstPost = els.findIndex((e) => e.href && /^\/[^/]+\/$/.test(e.href) && e.name.endsWith('profile picture'));
  const head = els.slice(0, firstPost);
  const posts = els.slice(firstPost);
  const out = head.map((e) => ({ ...e }));
  for (let round = 0; out.length < size; round += 1) {
    for (const e of posts) {
      if (out.length === size) break;
      const copy = { ...e, i: out.length };
      if (copy.href?.startsWith('/p/')) copy.href = `/p/${round}${copy.href.slice(3)}`;
      delete copy.container;  // posts are not inside list items
      out.push(copy);
    }
  }
  return JSON.stringify({ ...home, elements: out });
}

/** An accounts page of `size` elements whose "Add accounts" is the last. */
export function bigAccounts(size = 5000) {
  const elements = [{ i: 0, role: 'heading', name: 'Accounts', text: 'Accounts' }];
  for (let i = 1; i < size - 1; i += 1) {
    elements.push(i % 2 ? { i, role: 'link', name: `Profile ${i}`, text: `Profile ${i}`, href: `/profiles/${i}/` }
      : { i, role: 'button', name: `Like post ${i}`, text: '' });
  }
  elements.push({ i: size - 1, role: 'button', name: 'Add accounts', text: 'Add accounts' });
  return JSON.stringify({ url: 'https://accountscenter.instagram.com/accounts/', lang: 'en', title: 'Accounts', elements });
}

/** Every step of every recorded journey: [flow, params, snapshot text][]. */
function journeySteps() {
  const out = [];
  for (const f of fs.readdirSync(path.join(fixtures, 'journeys')).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'journeys', f), 'utf8'));
    const steps = doc.steps.map((s) => fs.readFileSync(path.join(fixtures, `${s.fixture}.json`), 'utf8'));
    out.push({ flow: doc.flow, params: doc.params, steps });
  }
  return out;
}

// ---- P3: run in Node and, as the same source, in Chromium --------------------------------

// Runs in both: times core.step on each page, after a warm-up; medians in ms.
const measureDecisions = async (core, pages, runs) => {
  const out = {};
  for (const [name, { flow, text }] of Object.entries(pages)) {
    const { state } = core.startFlow(flow, {}, 1);
    const first = core.step(state, text, 2).decision;
    for (let i = 0; i < 200; i += 1) core.step(state, text, 2);
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      core.step(state, text, 2);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out[name] = { medianMs: times[times.length >> 1], p90Ms: times[Math.floor(times.length * 0.9)], decision: first };
  }
  return out;
};

async function p3Node(pages) {
  const { loadCore } = await import(path.join(wasmDir, 'crosslink.mjs'));
  const core = await loadCore({ wasmBinary: fs.readFileSync(path.join(wasmDir, 'crosslink_core.wasm')) });
  return measureDecisions(core, pages, 300);
}

async function p3Chromium(pages) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--disable-gpu', '--no-sandbox'] });
  try {
    const page = await browser.newPage();
    // The build is served to the page by the test itself: no server, no network. The
    // page is cross-origin isolated, so performance.now() has 5 µs steps, not 100 µs.
    const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' };
    await page.route('https://bench.invalid/**', (route) => {
      const name = new URL(route.request().url()).pathname.slice(1) || 'index.html';
      if (name === 'index.html') return route.fulfill({ contentType: 'text/html', headers: isolated, body: '<!doctype html><title>bench</title>' });
      const file = path.join(wasmDir, path.basename(name));
      if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
      return route.fulfill({ contentType: type, headers: isolated, body: fs.readFileSync(file) });
    });
    await page.goto('https://bench.invalid/index.html');
    return await page.evaluate(async ({ pages, source }) => {
      const { loadCore } = await import('/crosslink.mjs');
      const core = await loadCore();
      // eslint-disable-next-line no-new-func -- the bench page only, never the extension
      const measure = new Function(`return (${source})`)();
      return { isolated: crossOriginIsolated, ...(await measure(core, pages, 300)) };
    }, { pages, source: measureDecisions.toString() });
  } finally {
    await browser.close();
  }
}

// ---- P6 ---------------------------------------------------------------------------------

async function p6(pages) {
  const { default: createModule } = await import(path.join(wasmDir, 'crosslink_core.mjs'));
  const { loadCore } = await import(path.join(wasmDir, 'crosslink.mjs'));
  let memory = null;
  const wasmBinary = fs.readFileSync(path.join(wasmDir, 'crosslink_core.wasm'));
  // The wrapper's own loader, with the instance's memory kept for reading.
  const core = await loadCore({
    wasmBinary,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmBinary, imports).then(({ instance }) => {
        memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
        receive(instance);
      });
      return {};
    },
  });
  void createModule;
  const journeys = journeySteps();
  const big = Object.values(pages);
  const sizes = [];
  let decisions = 0;
  const run = () => {
    for (const j of journeys) {
      let { state } = core.startFlow(j.flow, j.params, 1000);
      for (const text of j.steps) {
        ({ state } = core.step(state, text, 1000 + decisions));
        decisions += 1;
      }
      if (decisions % 50 < j.steps.length) {
        const b = big[decisions % big.length];
        core.step(core.startFlow(b.flow, {}, 1).state, b.text, 2);
        decisions += 1;
      }
    }
  };
  while (decisions < 1000) run();
  const afterWarmUp = memory.buffer.byteLength;
  while (decisions < 10000) {
    run();
    sizes.push(memory.buffer.byteLength);
  }
  return { decisions, bytesAfter1000: afterWarmUp, bytesAfter10000: memory.buffer.byteLength, grewBytes: memory.buffer.byteLength - afterWarmUp };
}

// ---- main ---------------------------------------------------------------------------------

const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(wasmDir, file)), { level: 9 }).length;
const p1Parts = { 'crosslink_core.wasm': gz('crosslink_core.wasm'), 'crosslink_core.mjs': gz('crosslink_core.mjs'), 'crosslink.mjs': gz('crosslink.mjs') };
const p1 = Object.values(p1Parts).reduce((a, b) => a + b, 0);

const pages = {
  feed5000: { flow: 'linkMessaging', text: bigFeed() },
  accounts5000: { flow: 'link', text: bigAccounts() },
};
for (const [name, p] of Object.entries(pages)) {
  const n = JSON.parse(p.text).elements.length;
  if (n !== 5000) throw new Error(`${name}: ${n} elements`);
}
const node = await p3Node(pages);
let browser = null;
try {
  browser = await p3Chromium(pages);
} catch (e) {
  browser = { error: String(e.message ?? e).split('\n')[0] };
}
const memory = await p6(pages);

const ok = (v, goal) => (v <= goal ? 'meets' : 'misses');
const ms = (v) => `${v.toFixed(3)} ms`;
const result = {
  P1: { bytes: p1, goalBytes: 64 * KB, parts: p1Parts },
  P3: {
    goalMs: 1,
    snapshotBytes: Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, Buffer.byteLength(p.text)])),
    node, chromium: browser,
  },
  P6: { ...memory, goalBytes: 2 * 1024 * 1024 },
};
fs.mkdirSync(path.join(root, 'build/bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'build/bench/core.json'), `${JSON.stringify(result, null, 2)}\n`);

console.log(`P1 core.wasm + JS glue + wrapper, gzip -9: ${(p1 / KB).toFixed(1)} KB (goal ≤ 64 KB: ${ok(p1, 64 * KB)}) — ${Object.entries(p1Parts).map(([k, v]) => `${k} ${(v / KB).toFixed(1)} KB`).join(', ')}`);
for (const [where, r] of [['Node', node], ['Chromium', browser]]) {
  if (r.error) {
    console.log(`P3 ${where}: not measured (${r.error})`);
    continue;
  }
  for (const [name, v] of Object.entries(r)) {
    if (typeof v !== 'object') continue;  // Chromium's "isolated" flag
    console.log(`P3 ${where}, ${name} (${(result.P3.snapshotBytes[name] / KB).toFixed(0)} KB, ${v.decision.kind}): median ${ms(v.medianMs)}, p90 ${ms(v.p90Ms)} (goal ≤ 1 ms: ${ok(v.medianMs, 1)})`);
  }
}
console.log(`P6 Wasm memory after ${memory.decisions} decisions: ${(memory.bytesAfter10000 / 1024).toFixed(0)} KiB, grew ${memory.grewBytes} bytes since decision 1,000 (goal: no growth, ≤ 2 MiB: ${memory.grewBytes === 0 && memory.bytesAfter10000 <= 2 * 1024 * 1024 ? 'meets' : 'misses'})`);
console.log('bench-core: build/bench/core.json');
