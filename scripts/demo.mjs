// `make demo`: Crosslink against the stage. With a display, a real Chromium window for a
// person to click in; without one (or with DEMO_HEADLESS=1), the journey headless,
// printing each step and what was read, with screenshots in build/demo/: the status read,
// link, sharing switches on and off, unlink, each one click in the popup.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root, setState, stageRequest, startStage, until } from '../tests/e2e/harness.mjs';

const headless = Boolean(process.env.DEMO_HEADLESS) || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const shots = path.join(root, 'build/demo');
const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';

const stage = await startStage({ port: Number(process.env.STAGE_PORT ?? 0) });
console.log(`stage: ${stage.origin}`);
// The optional Facebook permission pre-granted as a person who said yes (see README).
const browser = await launch(stage, { headless, grantHosts: ['https://www.facebook.com/*', 'https://m.facebook.com/*'] });

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

fs.mkdirSync(shots, { recursive: true });
const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 400, height: 640 });
await popup.goto(browser.popupUrl);
const flowRecord = () => popup.evaluate(async () => (await chrome.storage.session.get('flow')).flow ?? null);
const ENDED = ['done', 'error', 'cancelled'];

let step = 0;
/** Clicks a popup control as a person would, prints the flow's progress, waits for its outcome. */
async function oneClick(role, name) {
  step += 1;
  const before = await flowRecord();
  console.log(`demo: step ${step}: click "${name}" in the popup`);
  await popup.bringToFront();
  await popup.getByRole(role, { name, exact: true }).click();
  let shown = '';
  let shot = 0;
  const rec = await until(async () => {
    const r = await flowRecord();
    const progress = await popup.locator('#flow-progress').textContent();
    if (r && r.id !== before?.id && progress && progress !== shown) {
      shown = progress;
      console.log(`demo: step ${step}:   ${progress}`);
      const page = browser.context.pages().find((p) => p !== popup);
      shot += 1;
      if (page) await page.screenshot({ path: path.join(shots, `${step}-${shot}-page.png`) }).catch(() => {});
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
  console.log(`demo: screenshots in ${path.relative(root, shots)}/`);
} finally {
  await browser.close();
  await stage.close();
}
