// P4: the stage's 1,000-post feed under a scripted scroll, main-thread time with the
// extension / without it (goal ≤ 1.05), and long tasks (> 50 ms) caused by the extension
// (goal: none). One Chromium session and one browser context throughout: the extension
// is loaded (CDP Extensions.loadUnpacked) before each run with it and uninstalled before
// each run without it. (An off-the-record context is not a fair "without": it runs about
// one more frame per feed batch, extension or not.) Main-thread time is the CPU time of
// the page's renderer main thread, from a trace: wall time on a shared machine measures
// the neighbours. Runs alternate; the figure is the median of the rounds' ratios (with ÷
// without, back to back).
// Writes build/bench/p4.json.
//
//   node tests/bench/p4-feed.mjs [--rounds N] [--posts N]
//   P4_EXTENSION_DIR=<dir>  measure another build (to compare variants of a change)
//   P4_KEEP_TRACE=1         keep the last traces in build/bench/p4-trace-{with,without}.json
//   P4_VARIANT_DIR=<dir>    also measure that build in the same rounds, right after this one's run
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { STAGE_HOSTS, extensionDir as builtExtension, root, setState, startStage } from '../e2e/harness.mjs';
import { median, poll } from './bench-helpers.mjs';

// Another build of the extension (to compare variants), else the one make extension built.
const extensionDir = process.env.P4_EXTENSION_DIR ?? builtExtension;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 5);
const POSTS = arg('posts', 1000);
const GOAL_RATIO = 1.05;
const LONG_TASK_MS = 50;
const FEED = 'https://www.instagram.com/';
const SETTLE_MS = 1500;  // after the last post arrives: lets idle-time work finish, in both runs

async function startBrowser(stage) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-p4-'));
  const rules = STAGE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${stage.port}`).concat('MAP * ~NOTFOUND').join(', ');
  const proc = spawn('/usr/bin/chromium', [
    '--headless=new', '--no-sandbox', '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    `--host-resolver-rules=${rules}`, '--ignore-certificate-errors', '--no-first-run', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1280,860',
    '--enable-unsafe-extension-debugging', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 20000);
    proc.stderr.on('data', (d) => {
      text += d;
      const m = text.match(/DevTools listening on (ws:\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const cdp = await browser.newBrowserCDPSession();
  let id = null;
  let loaded = null;
  return {
    browser,
    get loaded() { return loaded; },
    async extension(on, dir = extensionDir) {
      if (id && (!on || loaded !== dir)) {
        await cdp.send('Extensions.uninstall', { id });
        id = null;
      }
      if (on && !id) ({ id } = await cdp.send('Extensions.loadUnpacked', { path: dir }));
      loaded = on ? dir : null;
    },
    async close() {
      await browser.close().catch(() => {});
      proc.kill();
      await new Promise((r) => proc.once('exit', r));
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });  // Chromium may still be writing
    },
  };
}

// In the page: scroll down a screen per frame; at the bottom, wait a frame for the next
// batch; stop when all posts are there and the end is reached.
async function scrollFeed(posts) {
  const count = () => document.querySelectorAll('article').length;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const started = performance.now();
  let frames = 0;
  for (;;) {
    window.scrollBy(0, innerHeight);
    await frame();
    frames += 1;
    const bottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    if (bottom && count() >= posts) break;
    if (performance.now() - started > 240000) throw new Error(`scroll gave up at ${count()} posts`);
  }
  return { frames, ms: performance.now() - started, posts: count() };
}

/**
 * Long tasks on the renderer's main thread and the extension's part in them: a long task
 * is caused by the extension when, without the extension's script time inside it, it
 * would not have been long (≤ 50 ms).
 */
function longTasks(trace, pid) {
  const events = (trace.traceEvents ?? trace).filter((e) => e.pid === pid);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const onMain = events.filter((e) => e.tid === main && e.ph === 'X');
  // Outermost tasks: their thread time (tdur) is the main thread's CPU time, which a busy
  // machine does not inflate the way it inflates wall time.
  const all = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const top = [];
  for (const t of all) if (!top.length || t.ts >= top.at(-1).ts + top.at(-1).dur) top.push(t);
  const cpuMs = top.reduce((sum, t) => sum + (t.tdur ?? t.dur) / 1000, 0);
  const wallMs = top.reduce((sum, t) => sum + t.dur / 1000, 0);
  const tasks = top.filter((e) => e.dur / 1000 > LONG_TASK_MS);
  // Extension script: calls into a chrome-extension:// script, outermost only.
  const ours = onMain.filter((e) => ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireIdleCallback', 'v8.callFunction'].includes(e.name)
    && JSON.stringify(e.args ?? {}).includes('chrome-extension://')).sort((a, b) => a.ts - b.ts);
  const outer = [];
  for (const e of ours) if (!outer.length || e.ts >= outer.at(-1).ts + outer.at(-1).dur) outer.push(e);
  const oursIn = (t) => outer.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur).reduce((sum, e) => sum + e.dur / 1000, 0);
  const withOurs = tasks.map((t) => ({ ms: t.dur / 1000, oursMs: oursIn(t) })).filter((t) => t.oursMs > 0);
  const caused = withOurs.filter((t) => t.ms - t.oursMs <= LONG_TASK_MS);
  return {
    cpuMs,
    wallMs,
    long: tasks.length,
    longMaxMs: Math.round(Math.max(0, ...tasks.map((t) => t.dur / 1000))),
    longWithExtensionCode: withOurs.map((t) => ({ ms: Math.round(t.ms), extensionMs: Number(t.oursMs.toFixed(2)) })),
    caused: caused.length,
    extensionScriptMs: outer.reduce((sum, e) => sum + (e.tdur ?? e.dur) / 1000, 0),
    extensionLongestMs: Number(Math.max(0, ...outer.map((e) => e.dur / 1000)).toFixed(2)),
  };
}

// Installing the extension opens its welcome page (background/install.js) in front; a feed
// tab behind it gets no frames in headless Chromium, and the scroll stalls ("scroll gave up
// at 288 posts"). So the welcome page is closed once it opened, and the feed brought to front.
async function closeWelcome(context) {
  const welcome = await poll(() => {
    const pages = context.pages().filter((p) => p.url().includes('/welcome/welcome.html'));
    return pages.length ? pages : null;
  }, 'the welcome page', 5000).catch(() => []);  // none opened: nothing in front of the feed
  for (const p of welcome) await p.close();
}

async function run(browser, context, withExtension, dir = extensionDir) {
  const installing = withExtension && session.loaded !== dir;
  await session.extension(withExtension, dir);
  if (installing) await closeWelcome(context);
  const page = await context.newPage();
  await page.bringToFront();
  await page.setViewportSize({ width: 1280, height: 860 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(FEED, { waitUntil: 'load' });
  if (withExtension)  // the content script is running (a variant that draws nothing just waits)
    await page.waitForFunction(() => document.querySelectorAll('[data-crosslink="share"]').length > 0, null, { timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(500);
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'] });
  const before = await metrics();
  const scroll = await page.evaluate(scrollFeed, POSTS);
  await page.waitForTimeout(SETTLE_MS);
  const after = await metrics();
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  if (process.env.P4_KEEP_TRACE) fs.writeFileSync(path.join(root, `build/bench/p4-trace-${withExtension ? 'with' : 'without'}.json`), JSON.stringify(trace));
  const rendererPid = (trace.traceEvents ?? trace).find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames
    ?.find((f) => f.url?.startsWith(FEED))?.processId;
  if (!rendererPid) throw new Error('the page\'s renderer is not in the trace');
  const controls = await page.locator('[data-crosslink="share"]').count();
  await page.close();
  const d = (k) => (after[k] - before[k]) * 1000;
  const main = longTasks(trace, rendererPid);
  return {
    extension: withExtension, posts: scroll.posts, controls, frames: scroll.frames, scrollMs: Math.round(scroll.ms),
    taskDurationMs: d('TaskDuration'), scriptMs: d('ScriptDuration'), layoutMs: d('LayoutDuration'), styleMs: d('RecalcStyleDuration'),
    ...main,
    mainThreadMs: main.cpuMs,  // P4's figure: main-thread CPU time
  };
}


const stage = await startStage();
await setState(stage, { feedSize: POSTS });
const session = await startBrowser(stage);
const { browser, close } = session;
const context = browser.contexts()[0];
const runs = [];
// P4_VARIANT_DIR=<dir>: another build measured in the same rounds, beside this one (A/B of a change).
const VARIANT = process.env.P4_VARIANT_DIR ?? null;
const variantRuns = [];
try {
  for (let i = 0; i < ROUNDS; i += 1) {
    // Alternate which goes first, so neither always meets a warmer cache.
    for (const ext of i % 2 ? [false, true] : [true, false]) {
      // The variant beside the build, in the same round, before it in every other round.
      const variantFirst = VARIANT && ext && i % 2 === 1;
      const variant = async () => {
        const v = { round: i, ...(await run(browser, context, true, VARIANT)) };
        variantRuns.push(v);
        process.stderr.write(`  variant ${v.posts} posts, main thread ${v.mainThreadMs.toFixed(0)} ms, ${v.controls} controls, extension scripts ${v.extensionScriptMs?.toFixed(1)} ms, long tasks caused ${v.caused}\n`);
      };
      if (variantFirst) await variant();
      const r = { round: i, ...(await run(browser, context, ext)) };
      runs.push(r);
      if (VARIANT && ext && !variantFirst) await variant();
      process.stderr.write(`  ${ext ? 'with   ' : 'without'} ${r.posts} posts, main thread ${r.mainThreadMs.toFixed(0)} ms`
        + `${ext ? `, ${r.controls} controls, extension scripts ${r.extensionScriptMs?.toFixed(1)} ms (longest ${r.extensionLongestMs} ms), long tasks caused ${r.caused}` : ''}`
        + `, long tasks ${r.long}\n`);
    }
  }
} finally {
  await close();
  await stage.close();
}

const withRuns = runs.filter((r) => r.extension);
const withoutRuns = runs.filter((r) => !r.extension);
// The figure: the median of each round's ratio, its run with the extension ÷ its run without,
// taken back to back. A shared machine's speed can change for minutes (a neighbour starts or
// stops: one make bench went from ~9,100 to ~6,600 ms a run midway), which moves a ratio of
// the two sides' medians but not the rounds' own ratios (that run: 0.937 against 1.025).
const perRound = (sideRuns) => withoutRuns.map((w) => sideRuns.find((r) => r.round === w.round).mainThreadMs / w.mainThreadMs);
const ratio = median(perRound(withRuns));
const ratioOfMedians = median(withRuns.map((r) => r.mainThreadMs)) / median(withoutRuns.map((r) => r.mainThreadMs));
const caused = withRuns.reduce((n, r) => n + (r.caused ?? 0), 0);
const everyPost = withRuns.every((r) => r.controls === r.posts);
const result = {
  id: 'P4',
  what: `feed of ${POSTS} posts, scripted scroll: main-thread time with / without the extension`,
  ratio: Number(ratio.toFixed(3)),
  goal: { ratio: GOAL_RATIO, longTasksCausedByExtension: 0 },
  met: ratio <= GOAL_RATIO && caused === 0,
  longTasksCausedByExtension: caused,
  medianMainThreadMs: { with: Math.round(median(withRuns.map((r) => r.mainThreadMs))), without: Math.round(median(withoutRuns.map((r) => r.mainThreadMs))) },
  medianExtensionScriptMs: Number(median(withRuns.map((r) => r.extensionScriptMs ?? 0)).toFixed(1)),
  longestExtensionCallMs: Math.max(...withRuns.map((r) => r.extensionLongestMs ?? 0)),
  roundRatios: perRound(withRuns).map((x) => Number(x.toFixed(3))),
  ratioOfMedians: Number(ratioOfMedians.toFixed(3)),
  oneControlPerPost: everyPost,
  ...(VARIANT ? { variant: { dir: VARIANT, ratio: Number(median(perRound(variantRuns)).toFixed(3)),
    toBuild: Number(median(variantRuns.map((v) => v.mainThreadMs / withRuns.find((r) => r.round === v.round).mainThreadMs)).toFixed(3)),
    medianMainThreadMs: Math.round(median(variantRuns.map((r) => r.mainThreadMs))), longTasksCausedByExtension: variantRuns.reduce((n, r) => n + (r.caused ?? 0), 0) } } : {}),
  rounds: ROUNDS,
  load: os.loadavg().map((x) => Number(x.toFixed(2))),
  runs,
};
fs.mkdirSync(path.join(root, 'build/bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'build/bench/p4.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`P4 feed of ${POSTS} posts, main-thread time with/without extension: ${result.ratio.toFixed(3)} (goal ≤ ${GOAL_RATIO}); `
  + `long tasks caused by the extension: ${caused} (goal 0); ${result.met ? 'met' : 'NOT met'}`);
if (VARIANT) console.log(`   variant ${VARIANT}: ${result.variant.ratio} (${result.variant.medianMainThreadMs} ms; ÷ this build's run of the same round: ${result.variant.toBuild}), long tasks caused ${result.variant.longTasksCausedByExtension}`);
console.log(`   rounds' ratios ${result.roundRatios.join(' ')}; ratio of the medians ${result.ratioOfMedians}`);
console.log(`   medians: ${result.medianMainThreadMs.with} ms with, ${result.medianMainThreadMs.without} ms without; `
  + `extension scripts ${result.medianExtensionScriptMs} ms (${(100 * result.medianExtensionScriptMs / result.medianMainThreadMs.with).toFixed(2)}% of the main thread, `
  + `longest call ${result.longestExtensionCallMs} ms); one control per post: ${everyPost}; load ${result.load.join(' ')}; build/bench/p4.json`);
