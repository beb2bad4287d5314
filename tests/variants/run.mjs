// The robustness tier (issue 15, `make test-variants`): every flow through the built
// extension, on the stage's first-contact variants (web/README.md) and the markup
// scrambler's seeds. Each run asserts what the flow tests assert: the flow ends done, the
// stage's state is right, the audit log holds exactly the flow's state-changing actions
// (none repeated, none extra), nothing was typed into a login field, and every
// person's decision (cookie banner, "Save your login info?") was made by the person —
// the runner plays the person, and acts only when the flow says it waits for them
// (status needs_user), as a person reading the popup would.
//
//   make test-variants                     every flow on the plain stage (the control) and
//                                          on 8 fixed scrambler seeds; each variant once
//                                          unscrambled and once on a fixed seed
//   make test-variants FULL=1              every variant × every fixed seed
//   make test-variants SEEDS=random N=200  N random seeds (each failing seed is printed)
//   make test-variants SEED=1234           one seed, every flow and variant (reproduce)
//   FLOWS=link,unlink VARIANTS=dialogs     a subset
// Prints each failure, `variants: N passed, N failed` and the pass rate per flow and per
// variant; writes build/results/variants.json. Exit status 1 when any run failed.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root, stageRequest, startStage, until } from '../e2e/harness.mjs';
import { CONSENT_ASKS, FACEBOOK_ORIGINS, answerConsent, clearReadings, flowRecord, sendFromPopup, startFlow, stageLog, stageState } from '../e2e/flow-helpers.mjs';

export const FIXED_SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];
const FLOW_TIMEOUT = Number(process.env.FLOW_TIMEOUT ?? 15000);

/** What each flow starts from, its params, and what must be true after it. */
const FLOWS = {
  link: {
    from: { linked: false, facebookAccounts: ['Jane Doe'] }, params: {},
    actions: ['facebook_continue', 'link', 'sync_profile'],
    check: (s) => s.linked && s.facebookName === 'Jane Doe',
  },
  unlink: {
    from: { linked: true, facebookName: 'Maria Souza', sharing: { posts: true } }, params: {},
    actions: ['remove_account'],
    check: (s) => !s.linked && !s.sharing.posts,
  },
  setSharing: {
    from: { linked: true, sharing: { posts: false, reels: true, stories: false, facebookStories: false } }, params: { sharing: { posts: true } },
    actions: ['set_switch'],
    check: (s) => s.sharing.posts && s.sharing.reels && !s.sharing.stories && !s.sharing.facebookStories,
  },
  linkMessaging: {
    from: { linked: true, messagingUpdated: false }, params: {},
    actions: ['update_messaging'],
    check: (s) => s.messagingUpdated,
  },
  unlinkMessaging: {
    from: { linked: true, messagingUpdated: true, othersOnFacebook: 'chats' }, params: {},
    actions: ['set_others_on_facebook'],
    check: (s) => s.othersOnFacebook === 'none',
  },
  readStatus: {
    from: { linked: true, facebookName: 'Maria Souza', sharing: { posts: true, stories: true }, messagingUpdated: true, othersOnFacebook: 'requests' }, params: {},
    actions: [],
    check: (s, rec) => s.linked && rec.result?.sharing?.posts === true && rec.result?.sharing?.stories === true && rec.result?.sharing?.reels === false,
  },
};
const ALL_FLOWS = Object.keys(FLOWS);
const AC_FLOWS = ['link', 'unlink', 'setSharing', 'readStatus'];

/** The variants: the state each adds, the flows it concerns, (person) what Meta asks the person there, which the flow must ask them, and (via) a host the flow must pass. */
const VARIANTS = {
  plain: { state: {}, flows: ALL_FLOWS, unscrambled: true },  // the control: the stage as the flow tests see it
  scrambled: { state: {}, flows: ALL_FLOWS },
  layoutB: { state: { layout: 'B' }, flows: ALL_FLOWS },
  dialogs: { state: { linkSteps: 'dialogs' }, flows: ['link'] },
  finishAdding: { state: { finishWording: 'adding' }, flows: ['link'] },
  finishAllow: { state: { finishWording: 'allow' }, flows: ['link'] },
  accountsCentre: { state: { accountsCentre: true }, flows: AC_FLOWS },
  removalHelpB: { state: { removalWording: 'help', layout: 'B' }, flows: ['unlink'] },
  removalWebA: { state: { removalWording: 'web', layout: 'A' }, flows: ['unlink'] },
  reactClicks: { state: { reactClicks: true }, flows: ALL_FLOWS },
  cookieBanner: { state: { cookieBanner: true }, flows: ALL_FLOWS, person: 'cookies' },
  saveLoginInfo: { state: { saveLoginInfo: true }, flows: ['link'], person: 'save_login' },
  confirmIdentity: { state: { confirmIdentity: true }, flows: ['unlink'], person: 'confirm_identity' },
  otherAcHost: { state: { linkReturnHost: 'accountscenter.meta.com' }, flows: ['link'], via: 'accountscenter.meta.com' },  // Accounts Center at another of Meta's hosts
  webFacebook: { state: { facebookLoginHost: 'web.facebook.com' }, flows: ['link'], via: 'web.facebook.com' },  // Facebook's login step at web. or touch.
  touchFacebook: { state: { facebookLoginHost: 'touch.facebook.com', saveLoginInfo: true }, flows: ['link'], person: 'save_login', via: 'touch.facebook.com' },
  authMeta: { state: { handOffHost: 'auth.meta.com' }, flows: ['link'], via: 'auth.meta.com' },  // the hand-off through auth.meta.com/fxauth/
  newPassword: { state: { newPassword: true }, flows: ['unlink'], person: 'new_password' },  // a new Facebook password before the removal
  checkpoint: { state: { checkpoint: true }, flows: ['link'], person: 'checkpoint' },  // two-factor authentication on Facebook's side
  birthday: { state: { birthday: true }, flows: ['link'], person: 'birthday' },
  facebookPassword: { state: { facebookPassword: true }, flows: ['link'], person: 'facebook_password' },  // the saved account's password  // an age step before the finish
  adsChoice: { state: { adsChoice: true }, flows: ['link'], person: 'ads_choice' },  // "subscribe for no ads" on Facebook
};
// The person's decisions the runner makes when asked: [dialog or heading, button].
const PERSON = [
  { where: (p) => p.getByRole('dialog', { name: 'Allow the use of cookies from Meta on this browser?' }), button: 'Decline optional cookies' },
  { where: (p) => p.locator('body').filter({ has: p.getByRole('heading', { name: 'Save your login info?' }) }), button: 'Not now' },
  { where: (p) => p.locator('body').filter({ has: p.getByRole('heading', { name: "Confirm it's you" }) }), button: 'Continue', type: ['Password', 'hunter22'] },
  { where: (p) => p.locator('body').filter({ has: p.getByRole('heading', { name: 'Create a new Facebook password' }) }), button: 'Continue', type: ['New password', 'correct horse 7'] },
  { where: (p) => p.locator('body').filter({ has: p.getByRole('heading', { name: 'Two-factor authentication' }) }), button: 'Continue', type: ['Code', '123456'] },
  { where: (p) => p.locator('body').filter({ has: p.getByRole('heading', { name: 'Add your birthday' }) }), button: 'Next', type: ['Birthday (MM/DD/YYYY)', '04/17/1990'] },
  { where: (p) => p.locator('body').filter({ has: p.getByRole('heading', { name: 'Subscribe for no ads' }) }), button: 'Use for free with ads' },
  { where: (p) => p.locator('body').filter({ has: p.getByRole('heading', { name: 'Log in as Jane Doe' }) }), button: 'Log in', type: ['Password', 'hunter22'] },
];
const PERSON_ACTIONS = ['cookie_choice', 'save_login_info', 'confirm_identity', 'new_password', 'checkpoint', 'birthday', 'ads_choice', 'facebook_password'];

function plan() {
  const env = process.env;
  const flows = env.FLOWS ? env.FLOWS.split(',') : ALL_FLOWS;
  const variants = env.VARIANTS ? env.VARIANTS.split(',') : Object.keys(VARIANTS);
  for (const f of flows) if (!FLOWS[f]) throw new Error(`unknown flow ${f} (known: ${ALL_FLOWS.join(', ')})`);
  for (const v of variants) if (!VARIANTS[v]) throw new Error(`unknown variant ${v} (known: ${Object.keys(VARIANTS).join(', ')})`);
  let seedsFor;
  if (env.SEED) seedsFor = () => [Number(env.SEED)];
  else if (env.SEEDS === 'random') {
    const n = Number(env.N || 20);
    const random = Array.from({ length: n }, () => Math.floor(Math.random() * 0x7fffffff));
    let i = 0;
    // N random seeds in all, spread over the (flow, variant) pairs.
    seedsFor = () => [random[(i++) % n]];
    const runs = [];
    for (let k = 0; k < n; k++) {
      const pairs = [];
      for (const v of variants) for (const f of VARIANTS[v].flows) if (flows.includes(f) && !VARIANTS[v].unscrambled) pairs.push([f, v]);
      const [f, v] = pairs[k % pairs.length];
      runs.push({ flow: f, variant: v, seed: random[k] });
    }
    return runs;
  } else if (env.FULL) seedsFor = () => FIXED_SEEDS;
  else {
    let turn = 0;
    // A variant once on the plain stage (its own effect) and once scrambled (a fixed seed, in turn).
    seedsFor = (v) => (v === 'scrambled' ? FIXED_SEEDS : [null, FIXED_SEEDS[(turn++) % 8]]);
  }
  const runs = [];
  for (const v of variants) {
    for (const f of VARIANTS[v].flows) {
      if (!flows.includes(f)) continue;
      for (const seed of VARIANTS[v].unscrambled ? [null] : seedsFor(v)) runs.push({ flow: f, variant: v, seed });
    }
  }
  return runs;
}

async function runOne(env, { flow, variant, seed }) {
  const spec = FLOWS[flow];
  const vspec = VARIANTS[variant];
  await stageRequest(env.stage, '/__stage/reset', {});
  const rec0 = await flowRecord(env.popup);
  if (rec0 && !['done', 'error', 'cancelled'].includes(rec0.status)) await sendFromPopup(env.popup, { type: 'popup/cancelFlow' });
  for (const page of env.browser.context.pages()) if (page !== env.popup) await page.close().catch(() => {});
  // The popup starts from "not read yet" (its controls depend on what it last read).
  await clearReadings(env.popup);
  await stageRequest(env.stage, '/__stage/state', { ...spec.from, ...vspec.state, scramble: seed });
  const problems = [];
  const asked = new Set();  // what the flow asked the person (vspec.person: the decision Meta asks for)
  let rec;
  try {
    // Link from the popup's button, as a person starts it (the click is what asks for the
    // Facebook permission, pre-granted in the profile); the others by the popup's message.
    const started = flow === 'link' ? await clickLink(env.popup) : await startFlow(env.popup, flow, spec.params);
    const end = Date.now() + FLOW_TIMEOUT;
    for (;;) {
      rec = await flowRecord(env.popup);
      if (rec && rec.id === started.id && ['done', 'error', 'cancelled'].includes(rec.status)) break;
      if (Date.now() > end) {
        const at = env.browser.context.pages().filter((p) => p !== env.popup).map((p) => p.url().replace(/\?.*/, '?…')).join(' ');
        problems.push(`no end after ${FLOW_TIMEOUT} ms (status ${rec?.status}${rec?.asked ? ` asking ${rec.asked}` : ''}, screen ${rec?.screen || '?'}, tab at ${at})`);
        if (process.env.DEBUG) console.log(JSON.stringify(rec, null, 1).slice(0, 3000));
        break;
      }
      // Crosslink's own consent asks (issue 17: the name to link or unlink) are answered as
      // the person would, with the name offered; Meta's decisions only where the variant has them.
      if (rec?.status === 'needs_user' && CONSENT_ASKS.has(rec.asked)) await answerConsent(env.popup, rec);
      else if (vspec.person && rec?.status === 'needs_user') {
        asked.add(rec.asked);
        await actAsPerson(env);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (rec?.status !== 'done' && !problems.length) problems.push(`ended ${rec?.status}: ${JSON.stringify(rec?.error ?? null)}`);
  } catch (e) {
    problems.push(`threw: ${e.message.split('\n')[0]}`);
  }
  if (rec && !['done', 'error', 'cancelled'].includes(rec.status)) await sendFromPopup(env.popup, { type: 'popup/cancelFlow' }).catch(() => {});
  const state = await stageState(env.stage);
  if (rec?.status === 'done' && !spec.check(state, rec)) problems.push(`done, but the stage's state is wrong: ${JSON.stringify({ linked: state.linked, facebookName: state.facebookName, sharing: state.sharing, messagingUpdated: state.messagingUpdated, othersOnFacebook: state.othersOnFacebook })}`);
  const actions = await stageLog(env.stage, 'action');
  const changing = actions.filter((e) => !PERSON_ACTIONS.includes(e.name) && e.name !== 'dismiss_interstitial').map((e) => e.name);
  if (JSON.stringify(changing) !== JSON.stringify(spec.actions) && (rec?.status === 'done' || changing.length > spec.actions.length || changing.some((n, i) => n !== spec.actions[i]))) {
    problems.push(`actions ${JSON.stringify(changing)}, expected ${JSON.stringify(spec.actions)}`);
  }
  const untrusted = actions.filter((e) => PERSON_ACTIONS.includes(e.name) && !e.args.trusted);
  if (untrusted.length) problems.push(`the person's decision made for them: ${untrusted.map((e) => e.action).join(', ')}`);
  // A decision Meta asks for is the person's: the flow must have asked them (and they answered).
  if (vspec.person && seed !== undefined && !actions.some((e) => PERSON_ACTIONS.includes(e.name) && e.args.trusted)) {
    problems.push('the person was never asked (no decision of theirs in the log: the flow went past or around it)');
  }
  if (vspec.via && !(await stageLog(env.stage, 'request')).some((e) => e.host === vspec.via)) problems.push(`the flow never went through ${vspec.via}`);
  if (vspec.person && !asked.has(vspec.person)) problems.push(`never asked "${vspec.person}" (asked: ${[...asked].join(', ') || 'nothing'})`);
  // Typed: anything at all, but for what the person typed themselves when Meta asked them.
  const typed = (await stageLog(env.stage, 'login_input')).filter((e) => !(vspec.person && e.trusted));
  if (typed.length) problems.push(`typed into a login field: ${typed.map((e) => `${e.field}/${e.how}`).join(', ')}`);
  if (problems.length) problems.push(`stage: linked=${state.linked}, actions [${actions.map((e) => e.action).join(', ')}]`);
  return problems;
}

async function clickLink(popup) {
  const before = await flowRecord(popup);
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Link to Facebook', exact: true }).click();
  return until(() => flowRecord(popup), (r) => r && r.id !== before?.id, { timeout: 5000, interval: 25, what: 'the link flow to start' });
}

/** The person answers what Meta asks in the flow's tab (trusted clicks, as a person's). */
async function actAsPerson(env) {
  for (const page of env.browser.context.pages()) {
    if (page === env.popup) continue;
    for (const { where, button, type } of PERSON) {
      const scope = where(page);
      const b = scope.getByRole('button', { name: button, exact: true });
      if (!(await b.count().catch(() => 0))) continue;
      if (type) await scope.getByLabel(type[0], { exact: true }).fill(type[1], { timeout: 3000 }).catch(() => {});
      await b.click({ timeout: 3000 }).catch(() => {});
    }
  }
}

async function main() {
  const runs = plan();
  if (!fs.existsSync(path.join(root, 'build/extension/manifest.json'))) throw new Error('build/extension is missing: make extension');
  const env = { stage: await startStage() };
  env.browser = await launch(env.stage, { grantHosts: FACEBOOK_ORIGINS });
  env.popup = await env.browser.context.newPage();
  await env.popup.goto(env.browser.popupUrl);
  const started = Date.now();
  const results = [];
  try {
    for (const run of runs) {
      // A run that throws (its set-up, the browser) counts as that run's failure; the rest still run.
      const problems = await runOne(env, run).catch((e) => [`the run threw: ${String(e?.message ?? e).split('\n')[0]}`]);
      results.push({ ...run, ok: !problems.length, problems });
      const tag = `${run.flow} × ${run.variant} × seed ${run.seed}`;
      if (problems.length) console.log(`FAIL ${tag}: ${problems.join('; ')}`);
      else if (process.env.VERBOSE) console.log(`ok   ${tag}`);
    }
  } finally {
    try { await env.browser.close(); } finally { await env.stage.close(); }
  }
  const rate = (list) => `${list.filter((r) => r.ok).length}/${list.length} (${Math.round((100 * list.filter((r) => r.ok).length) / Math.max(1, list.length))} %)`;
  console.log('\npass rate per flow:');
  for (const f of ALL_FLOWS) { const l = results.filter((r) => r.flow === f); if (l.length) console.log(`  ${f.padEnd(16)} ${rate(l)}`); }
  console.log('pass rate per variant:');
  for (const v of Object.keys(VARIANTS)) { const l = results.filter((r) => r.variant === v); if (l.length) console.log(`  ${v.padEnd(16)} ${rate(l)}`); }
  if (process.env.SEEDS === 'random') {
    for (const r of results.filter((x) => !x.ok)) console.log(`failing seed ${r.seed}: make test-variants SEED=${r.seed} FLOWS=${r.flow} VARIANTS=${r.variant}`);
  }
  const passed = results.filter((r) => r.ok).length;
  fs.mkdirSync(path.join(root, 'build/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'build/results/variants.json'), JSON.stringify({ ms: Date.now() - started, results }, null, 1));
  // What scripts/tally.mjs counts when the tier is one of `make test`'s (Makefile TIERS).
  fs.writeFileSync(path.join(root, 'build/results/variants.count'),
    JSON.stringify({ passed, failed: results.length - passed, failedNames: results.filter((r) => !r.ok).map((r) => `${r.flow} × ${r.variant} × seed ${r.seed}`) }));
  console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
  console.log(`variants: ${passed} passed, ${results.length - passed} failed`);
  process.exitCode = passed === results.length ? 0 : 1;
}

await main();
