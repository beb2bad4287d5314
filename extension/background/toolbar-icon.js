// The toolbar icon follows the stored status: linked (a green tick), not linked (grey, the
// links apart), attention (an amber mark: the last reading failed, or a flow needs the
// person), the plain icon while nothing is read yet.
const SIZES = [16, 32];
const path = (variant) => Object.fromEntries(SIZES.map((s) => [s, `/icons/${variant ? `icon-${variant}` : 'icon'}-${s}.png`]));

/** The icon variant for a stored reading and the running flow: 'linked' | 'unlinked' | 'attention' | null. */
export function iconVariant(status, flow) {
  if (flow && (flow.status === 'needs_user' || flow.status === 'paused')) return 'attention';
  if (!status) return null;
  if (status.error) return 'attention';
  if (status.linked === true) return 'linked';
  if (status.linked === false) return 'unlinked';
  return null;
}

export async function updateToolbarIcon(status, flow) {
  await chrome.action.setIcon({ path: path(iconVariant(status, flow)) });
  await updateToolbarBadge(flow);
}

// The badge and the title: the flow's state in a mark and in words (issue 16). The toolbar
// popup closes when the flow's tab takes focus; the badge still says how the flow goes.
// An ended flow's mark stays for BADGE_ENDED_MS, then the badge is empty again.
export const BADGE_ENDED_MS = 15000;
const BADGE = {
  running: { text: '…', color: '#0064e0', words: 'toolbarRunning' },
  needsYou: { text: '!', color: '#b45309', words: 'toolbarNeedsYou' },
  done: { text: '✓', color: '#15803d', words: 'toolbarDone' },
  stopped: { text: '×', color: '#b91c1c', words: 'toolbarStopped' },
};

/** 'running' | 'needsYou' | 'done' | 'stopped' | null for a flow record, at time now. */
export function badgeState(flow, now = Date.now()) {
  if (!flow || typeof flow.status !== 'string') return null;
  const ended = ['done', 'error', 'cancelled'].includes(flow.status);
  // A quiet read (the popup's own, in a tab behind) shows nothing unless it needs the person or failed.
  if (flow.quiet && (flow.status === 'running' || flow.status === 'done' || flow.status === 'cancelled')) return null;
  if (ended && !(now - (flow.endedAt ?? 0) < BADGE_ENDED_MS)) return null;
  if (flow.status === 'done') return 'done';
  if (ended) return 'stopped';
  if (flow.status === 'needs_user' || flow.status === 'paused') return 'needsYou';
  return 'running';
}

const i18n = (key, ...subs) => chrome.i18n.getMessage(key, subs.map(String)) || '';
function flowWords(flow) {
  if (flow.flow === 'setSharing') {
    const [[key, on] = []] = Object.entries(flow.params?.sharing ?? {});
    return i18n(on ? 'flowNameSharingOn' : 'flowNameSharingOff', i18n(`switchName_${key}`));
  }
  return i18n(`flowName_${flow.flow}`) || String(flow.flow ?? '');
}

let shown = '';
let clearTimer = 0;
export async function updateToolbarBadge(flow, now = Date.now()) {
  clearTimeout(clearTimer);
  const state = badgeState(flow, now);
  const badge = state && BADGE[state];
  const title = badge ? i18n(badge.words, flowWords(flow)) : i18n('extName');
  const key = JSON.stringify([badge?.text ?? '', badge?.color ?? '', title]);
  if (key !== shown) {
    if (badge) await chrome.action.setBadgeBackgroundColor({ color: badge.color });
    if (badge && chrome.action.setBadgeTextColor) await chrome.action.setBadgeTextColor({ color: '#ffffff' }).catch(() => {});
    await chrome.action.setBadgeText({ text: badge?.text ?? '' });
    await chrome.action.setTitle({ title });
    shown = key;
  }
  // The ended mark goes by itself (a worker stopped before then clears it at its next start).
  if (state === 'done' || state === 'stopped') {
    clearTimer = setTimeout(() => { updateToolbarBadge(flow).catch(() => {}); }, BADGE_ENDED_MS - (now - (flow.endedAt ?? 0)) + 50);
  }
}
