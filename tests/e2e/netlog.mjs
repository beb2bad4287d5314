// The "no network" promise, checked on Chromium's own NetLog (--log-net-log): every
// request the browser made during a test, from pages, the extension's worker and
// pages, or the browser itself. Anything for a host outside the stage fails the test,
// except the browser's own background calls to Google's update and sign-in services
// (browser-initiated, "not an origin"), which no flag silences and which fail at DNS
// anyway because the host resolver maps every non-stage host to nowhere.
import fs from 'node:fs';

const BROWSER_OWN = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)$/;

/** @returns {{url: string, initiator: string}[]} requests for hosts outside `allowedHosts` */
export function foreignRequests(netlogPath, allowedHosts) {
  let text = fs.readFileSync(netlogPath, 'utf8').trim();
  // Chromium leaves the file without its closing brackets if it did not exit cleanly.
  if (!text.endsWith('}')) text = text.replace(/,\s*$/, '') + ']}';
  const log = JSON.parse(text);
  const names = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([k, v]) => [v, k]));
  const seen = new Map();
  for (const event of log.events ?? []) {
    const type = names[event.type];
    const url = event.params?.url;
    if (!url || (type !== 'URL_REQUEST_START_JOB' && type !== 'CORS_REQUEST')) continue;
    let host;
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'ws:' && u.protocol !== 'wss:') continue;
      host = u.hostname;
    } catch {
      continue;
    }
    if (allowedHosts.includes(host)) continue;
    const headers = event.params.request_headers?.headers ?? [];
    const origin = headers.find((h) => /^origin:/i.test(h))?.slice(7).trim() ?? '';
    const prior = seen.get(url) ?? { url, initiator: '', origin: '' };
    seen.set(url, { url, initiator: event.params.initiator ?? prior.initiator, origin: origin || prior.origin });
  }
  const browserOwn = ({ url, initiator, origin }) =>
    BROWSER_OWN.test(new URL(url).hostname) &&
    (initiator === 'not an origin' || initiator === '') &&
    (origin === '' || BROWSER_OWN.test(new URL(origin).hostname));
  return [...seen.values()].filter((r) => !browserOwn(r));
}
