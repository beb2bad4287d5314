// What the panel in the flow's page (content/panel.js) is told: the flow record, cut down
// to what the panel says (the flow, its step, what it waits for, the question, the outcome).
// The flow driver sends it on every change of the record; the panel keeps the newest (seq).
const ENDED = new Set(['done', 'error', 'cancelled']);
let count = 0;

/** The panel's view of a flow record. */
export function panelView(rec) {
  const ended = ENDED.has(rec.status);
  const d = rec.acting?.decision;
  let waiting = 'read';
  if (ended) waiting = '';
  else if (rec.status === 'paused' || rec.status === 'needs_user' || rec.asked) waiting = 'you';
  else if (d && ['click', 'toggle', 'navigate'].includes(d.kind)) waiting = d.kind;
  else if (rec.waitMs > 0) waiting = 'page';
  const sharing = rec.params?.sharing;
  return {
    // Newest wins, across worker restarts too (the clock goes on, the count starts again).
    seq: Date.now() * 1000 + (count++ % 1000),
    id: rec.id,
    flow: rec.flow,
    params: sharing && typeof sharing === 'object' ? { sharing } : {},
    status: rec.status,
    screen: rec.screen ?? '',
    actions: rec.actions ?? 0,
    asked: rec.asked ?? '',
    choices: rec.asked && Array.isArray(rec.choices) ? rec.choices.slice(0, 10).map((c) => String(c).slice(0, 200)) : [],
    waiting,
    next: d && waiting !== 'navigate' ? { kind: d.kind, name: String(d.name ?? '').slice(0, 80) } : null,
    outcome: ended ? (rec.outcome ?? rec.error?.name ?? 'internal') : null,
    host: ended && rec.error?.host ? String(rec.error.host).slice(0, 100) : '',  // the page it could not read
    // Guided steps (issue 16): the step the person does by hand, the candidates to outline
    // (never clicked), the offer to remember what they clicked, and the problem report.
    guide: rec.guide && !ended ? {
      action: rec.guide.action ?? 'continue', locator: rec.guide.locator ?? '', wording: String(rec.guide.wording ?? '').slice(0, 120),
      candidates: (rec.guide.candidates ?? []).slice(0, 3).map((c) => ({ i: c.i, role: c.role, name: String(c.name ?? '').slice(0, 120) })),
    } : null,
    offer: rec.offer ? { role: rec.offer.role, name: String(rec.offer.name ?? '').slice(0, 120) } : null,
    report: rec.status === 'error' || Boolean(rec.guide && !ended),
    result: rec.status === 'done' && rec.result
      ? { facebookName: rec.result.facebookName ?? '', messaging: { updated: rec.result.messaging?.updated ?? null, offered: rec.result.messaging?.offered ?? null } } : null,
  };
}

let last = '';
/**
 * Tells the flow's tab (its top frame) about the record; never throws, never waits for the
 * page. A view the tab was just told is not sent again (most saves change nothing shown),
 * unless force (a fresh page of the tab said hello).
 */
export function tellPanel(rec, { force = false } = {}) {
  if (!rec || typeof rec.tabId !== 'number') return;
  const view = panelView(rec);
  const { seq, ...shown } = view;
  const key = JSON.stringify([rec.tabId, shown]);
  if (key === last && !force) return;
  last = key;
  try {
    chrome.tabs.sendMessage(rec.tabId, { type: 'panel/show', view }, { frameId: 0 }).catch(() => {});
  } catch {
    // the tab is gone
  }
}
