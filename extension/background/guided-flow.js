// What the flow driver keeps for guided steps, taught wordings and the problem report
// (issue 16), as plain functions of the flow's record: the trail of screens and decisions,
// the guided step the person is doing, the element they clicked in it (used at once for the
// rest of this run, offered as a taught wording after), and the check that a taught
// wording led where it led when it was learned.
const TRAIL_MAX = 60;
const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/** The trail's entry for a decision: our own ids only (no name, no text, no URL). */
function trailEntry(decision) {
  const e = { screen: decision.screen || 'unknown', kind: decision.kind };
  if (decision.locator) e.locator = decision.locator;
  if (decision.kind === 'ask_user') e.reason = decision.reason;
  if (decision.guide?.locator) e.locator = decision.guide.locator;
  if (decision.kind === 'error') e.error = decision.error?.name ?? 'internal';
  if (decision.taught) e.taught = true;
  return e;
}

export function pushTrail(rec, entry) {
  const trail = rec.trail ?? [];
  const last = trail[trail.length - 1];
  // The same as the last (stored records may come back with their keys in another order).
  const same = last && ['screen', 'kind', 'locator', 'reason', 'error', 'taught'].every((k) => last[k] === entry[k]);
  if (same) return;
  rec.trail = [...trail, entry].slice(-TRAIL_MAX);
}

/** The wordings the core is to try first on this step: the stored ones, then this run's. */
export function taughtForCore(stored, rec) {
  const pick = ({ id, locator, locale, role, name }) => ({ id, locator, locale: locale ?? '', role, name });
  return [...stored, ...(rec.learned ?? [])].map(pick);
}

/**
 * After the core decided on a step (under the record's lock). Returns a stored wording to
 * drop (it led to another screen than when it was learned), or null.
 */
export function afterDecision(rec, decision, stored) {
  if (decision.kind !== 'wait') pushTrail(rec, trailEntry(decision));
  let drop = null;
  const check = rec.taughtCheck;
  if (check && !(decision.kind === 'wait' && decision.screen === check.from)) {
    rec.taughtCheck = null;
    if (check.leadsTo && decision.screen !== check.leadsTo) drop = { ...stored.find((w) => w.id === check.id), landed: decision.screen };
  }
  if (decision.taught && decision.taught !== 'session') {
    const w = stored.find((x) => x.id === decision.taught);
    if (w) rec.taughtCheck = { id: w.id, from: decision.screen, leadsTo: w.leadsTo ?? '' };
  }
  if (decision.kind === 'ask_user' && decision.reason === 'guided') {
    rec.guide = { ...decision.guide, screen: decision.screen };
  } else if (rec.guide) {
    // The guided step is behind: the flow goes on by itself. What the person clicked in
    // it is offered as a wording for next time (where it led: this screen).
    // Not after an error: what the person clicked did not lead the flow on.
    if (rec.teach && decision.kind !== 'error') rec.offer = { ...rec.teach, leadsTo: decision.screen || '' };
    rec.guide = null;
    rec.teach = null;
  }
  return drop?.id ? drop : null;
}

/** The person clicked an element of the page during a guided step: {role, name} from our snapshot. */
export function personClicked(rec, { role, name }, host) {
  if (!rec.guide || FIELD_ROLES.has(role) || !name.trim()) return false;
  const { locator, locale, screen } = rec.guide;
  pushTrail(rec, { screen: screen || 'unknown', kind: 'person_click', ...(locator ? { locator } : {}) });
  if (!locator) return true;  // an unknown screen: nothing to teach, the flow looks again
  const wording = { locator, locale: locale ?? '', role, name: name.slice(0, 200) };
  rec.teach = { ...wording, screen, flow: rec.flow, host, instead: String(rec.guide.wording ?? '').slice(0, 120) };
  rec.learned = [{ id: 'session', ...wording }];
  rec.waitMs = 0;
  return true;
}

/** "Chrome 156.0.0.0", "Firefox 153.8": the browser and its version, nothing else of the agent. */
export function browserName(ua = globalThis.navigator?.userAgent ?? '') {
  const m = /(Firefox|Edg|OPR|Chrome)\/([\d.]+)/.exec(ua);
  if (!m) return 'unknown';
  return `${{ Edg: 'Edge', OPR: 'Opera' }[m[1]] ?? m[1]} ${m[2]}`;
}
