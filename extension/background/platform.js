// What differs between Chromium and Firefox at run time, in one place. (What differs in the
// package — an event page instead of the service worker, the gecko id — is the manifest
// overlay in scripts/build-extension.mjs.) Nothing here touches `chrome` when imported:
// the dispatcher's tests import it in Node.

/** The extension pages' origin, "scheme://host" of runtime.getURL('/'): chrome-extension://<id>
 *  in Chromium, moz-extension://<uuid> in Firefox (a per-profile UUID, not runtime.id).
 *  Spelled from protocol and host, not URL.origin, which is "null" wherever the URL parser
 *  does not know the scheme (and "null" must match nothing). */
export function extensionOrigin(baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    return null;
  }
  if (!['chrome-extension:', 'moz-extension:'].includes(url.protocol) || !url.host) return null;
  return `${url.protocol}//${url.host}`;
}

/** 'firefox' or 'chromium', from the scheme of this extension's own URLs. */
export function browserOf(baseUrl = globalThis.chrome?.runtime?.getURL?.('/') ?? '') {
  return String(baseUrl).startsWith('moz-extension:') ? 'firefox' : 'chromium';
}

/**
 * Whether the popup must have the person's answer to the Facebook permission before a
 * flow opens its tab. Firefox dismisses its permission prompt (and permissions.request()
 * resolves false) as soon as another tab takes the focus — the link flow's tab would, at
 * once. Chromium keeps its prompt, so there the flow starts at the click and never waits.
 */
export const askPermissionBeforeFlow = (browser = browserOf()) => browser === 'firefox';
