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
}
