// `make demo`: Crosslink against the stage. With a display, a real Chromium window for a
// person to click in; without one (or with DEMO_HEADLESS=1), the journey headless,
// printing each step and what was read, with screenshots in build/demo/.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root, setState, startStage, until } from '../tests/e2e/harness.mjs';

const headless = Boolean(process.env.DEMO_HEADLESS) || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const shots = path.join(root, 'build/demo');
const ACCOUNTS = 'https://accountscenter.instagram.com/accounts/';

const stage = await startStage({ port: Number(process.env.STAGE_PORT ?? 0) });
console.log(`stage: ${stage.origin}`);
const browser = await launch(stage, { headless });

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
await popup.setViewportSize({ width: 380, height: 240 });
await popup.goto(browser.popupUrl);
const status = () => popup.getByRole('status').textContent();

let step = 0;
async function readWith(label, patch, expected) {
  step += 1;
  console.log(`demo: step ${step}: stage ${label} ${JSON.stringify(patch)}`);
  await setState(stage, patch);
  const page = await browser.context.newPage();
  await page.goto(ACCOUNTS);
  console.log(`demo: step ${step}: opened ${ACCOUNTS}`);
  const text = await until(status, (t) => t === expected, { what: `"${expected}"` });
  const time = await popup.locator('#status-time').textContent();
  console.log(`demo: step ${step}: popup reads "${text}" (${time})`);
  await page.screenshot({ path: path.join(shots, `${step}-accounts-center.png`) });
  await popup.screenshot({ path: path.join(shots, `${step}-popup.png`) });
  await page.close();
}

try {
  await readWith('not linked', { linked: false }, 'Not linked');
  await readWith('linked', { linked: true, facebookName: 'Jane Doe' }, 'Linked to Facebook as Jane Doe');
  console.log(`demo: screenshots in ${path.relative(root, shots)}/`);
} finally {
  await browser.close();
  await stage.close();
}
