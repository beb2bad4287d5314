// `make demo`: Crosslink against the stage. With a display, a real Chromium window for a
// person to click in; without one (or with DEMO_HEADLESS=1), the journey headless,
// printing each step and what was read, with screenshots in build/demo/: the status read,
// link, sharing switches on and off, unlink, each one click in the popup.
import fs from 'node:fs';
import path from 'node:path';
import { FACEBOOK_ORIGINS, STAGE_HOSTS, launch, root, setState, stageRequest, startStage, until } from '../tests/e2e/harness.mjs';

const headless = Boolean(process.env.DEMO_HEADLESS) || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const shots = path.join(root, 'build/demo');
const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';

const stage = await startStage({ port: Number(process.env.STAGE_PORT ?? 0) });
console.log(`stage: ${stage.origin}`);
// The optional Facebook permission pre-granted as a person who said yes (see README).
// In a window the browser keeps the person's time zone and language; the headless journey
// clicks by English names, so it runs in the tests' fixed language and zone.
const own = headless ? {} : { timezone: null, locale: null };
const browser = await launch(stage, { headless, grantHosts: FACEBOOK_ORIGINS, ...own });

if (!headless) {
  const page = await browser.context.newPage();
  await page.goto(ACCOUNTS);
  await (await browser.context.newPage()).goto(browser.popupUrl);
  console.log('demo: Chromium is open with Crosslink and the stage; close the window to end.');
  console.log(`demo: change the stage with: curl -k -X POST -d '{"linked":true}' ${stage.origin}/__stage/state`);
  await new Promise((resolve) => browser.context.on('close', resolve));
  await stage.close();
  process.exit(0);
}

fs.rmSync(shots, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });
const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 400, height: 640 });
await popup.goto(browser.popupUrl);
// The journey paced at 1.5 s between clicks (the options page's "Pause between automated
// clicks"), so each page stays long enough to be pictured, and a person watching can follow.
const PACING_MS = 1500;
await popup.evaluate(async (pacing) => {
  const got = await chrome.runtime.sendMessage({ type: 'options/get' });
  const saved = await chrome.runtime.sendMessage({ type: 'options/save', settings: { ...got.settings, clickPacingMs: pacing } });
  if (!saved.ok || !saved.saved) throw new Error(`demo: pacing not saved: ${JSON.stringify(saved)}`);
}, PACING_MS);
const flowRecord = () => popup.evaluate(async () => (await chrome.storage.session.get('flow')).flow ?? null);
const ENDED = ['done', 'error', 'cancelled'];

/** The flow's own tab: the one showing a stage host (the context's first tab stays blank). */
const flowPage = () => browser.context.pages().find((p) => p !== popup && STAGE_HOSTS.includes(hostOf(p.url())));
const hostOf = (url) => { try { return new URL(url).host; } catch { return ''; } };

const pictures = [];
/** A picture of the flow's tab as the person sees it, once its page has settled. */
async function pagePicture(file, progress) {
  const page = await until(flowPage, Boolean, { timeout: 3000, interval: 20, what: 'the flow\'s tab' }).catch(() => null);
  if (!page) {
    console.log('demo:   (no picture: the flow has no tab on the stage yet)');
    return;
  }
  // A page that navigates while it is settling is pictured after its next load instead.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.waitForLoadState('load', { timeout: 5000 });
      await page.evaluate(() => new Promise((resolve) => {  // 150 ms without a change to the page
        let timer = setTimeout(resolve, 150);
        const seen = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(resolve, 150); });
        seen.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(resolve, 2000);
      }));
      await page.screenshot({ path: file });
      pictures.push({ file: path.basename(file), url: page.url(), title: await page.title(), progress });
      return;
    } catch (e) {
      if (attempt < 12 && /context was destroyed|navigat|detached/i.test(e.message)) continue;
      console.log(`demo:   (no picture: ${e.message.split('\n')[0]})`);
      return;
    }
  }
}

let step = 0;
/** Clicks a popup control as a person would, prints the flow's progress, waits for its outcome. */
async function oneClick(role, name) {
  step += 1;
  const before = await flowRecord();
  console.log(`demo: step ${step}: click "${name}" in the popup`);
  await popup.bringToFront();
  await popup.getByRole(role, { name, exact: true }).click();
  // Unlink asks first, naming both accounts: the demo confirms.
  if (name === 'Unlink Facebook') await popup.getByRole('button', { name: 'Unlink', exact: true }).click();
  let shown = '';
  let shot = 0;
  const rec = await until(async () => {
    const r = await flowRecord();
    // The flow asks the person to confirm the Facebook account it is about to link (issue 17): one click, in the popup.
    if (r && r.id !== before?.id && r.status === 'needs_user' && ['confirm_account', 'confirm_unlink', 'choose_unlink'].includes(r.asked)) {
      console.log(`demo: step ${step}:   ${await popup.locator('#flow-ask').textContent()} — the person confirms`);
      await popup.bringToFront();
      await popup.locator('#flow-answers button').first().click();
    }
    const progress = await popup.locator('#flow-progress').textContent();
    if (r && r.id !== before?.id && progress && progress !== shown) {
      shown = progress;
      console.log(`demo: step ${step}:   ${progress}`);
      shot += 1;
      await pagePicture(path.join(shots, `${step}-${shot}-page.png`), progress);
    }
    return r;
  }, (r) => r && r.id !== before?.id && ENDED.includes(r.status), { timeout: 60000, interval: 30, what: `"${name}"` });
  const outcome = await popup.locator('#flow-outcome').textContent();
  console.log(`demo: step ${step}: ${outcome} (${rec.endedAt - rec.startedAt} ms, ${rec.state?.clicks ?? 0} clicks)`);
  console.log(`demo: step ${step}: stage now ${JSON.stringify(await stageState())}`);
  await popup.screenshot({ path: path.join(shots, `${step}-popup.png`) });
  return rec;
}
const stageState = async () => {
  const s = await stageRequest(stage, '/__stage/state');
  return { linked: s.linked, facebookName: s.facebookName, sharing: s.sharing, messagingUpdated: s.messagingUpdated };
};

try {
  await setState(stage, { linked: false });
  await oneClick('button', 'Read status from the pages');
  await oneClick('button', 'Link to Facebook');
  await oneClick('switch', 'Share posts to Facebook');
  await oneClick('switch', 'Share stories to Facebook');
  await oneClick('switch', 'Share posts to Facebook');
  await oneClick('button', 'Unlink Facebook');
  const log = await popup.locator('#log li').allTextContents();
  console.log(`demo: the popup's activity log: ${log.join(' | ')}`);
  // What each page picture shows, for a reader of build/demo/ and for tests/e2e/demo.test.mjs.
  fs.writeFileSync(path.join(shots, 'pictures.json'), `${JSON.stringify(pictures, null, 2)}\n`);
  console.log(`demo: screenshots in ${path.relative(root, shots)}/ (pictures.json says what each page picture shows)`);
} finally {
  await browser.close();
  await stage.close();
}
