// One dispatcher for every message the worker accepts: a table of message type →
// allowed senders, field checks and handler. Anything else is refused with a named
// error and counted, never acted on.

import { extensionOrigin } from './platform.js';

export { extensionOrigin };

// Our content scripts' hosts, as the manifest has them: 'content' on the Instagram hosts
// (host_permissions); 'facebook' on Facebook's and Meta's other hosts, whose pages carry our
// script only once the person granted them (optional_host_permissions). A route must name
// 'facebook' to accept it (content/wake, and the flow panel's content/strings,
// content/cancelFlow, content/resumeFlow).
let senderHosts = null;
function hostsFromManifest() {
  if (!senderHosts) {
    const manifest = chrome.runtime.getManifest();
    const hosts = (origins) => new Set((origins ?? []).map((o) => new URL(o.replace(/\*$/, '')).hostname));
    senderHosts = { content: hosts(manifest.host_permissions), facebook: hosts(manifest.optional_host_permissions) };
  }
  return senderHosts;
}

/** Who sent a message: 'page' (this extension's own pages), 'content' (our content
 *  script in the top frame of an Instagram host), 'facebook' (ours in the top frame of a
 *  Facebook or other Meta host), or null for anyone else. The defaults are this browser's
 *  and this manifest's; the tests pass other values (tests/firefox/sender.test.mjs). */
export function senderKind(sender, runtimeId = chrome.runtime.id, pagesOrigin = extensionOrigin(chrome.runtime.getURL('/')), hosts = hostsFromManifest()) {
  if (!sender || sender.id !== runtimeId || typeof sender.url !== 'string') return null;
  let url;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (pagesOrigin && extensionOrigin(sender.url) === pagesOrigin) return 'page';
  if (url.protocol === 'https:' && hosts.content.has(url.hostname) && sender.tab && sender.frameId === 0)
    return 'content';
  if (url.protocol === 'https:' && hosts.facebook.has(url.hostname) && sender.tab && sender.frameId === 0)
    return 'facebook';
  return null;
}

const TYPES = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
};

/** A field list like {snapshot: 'string', limit: 'number?'} → the first problem, or ''. */
function checkFields(message, fields) {
  for (const key of Object.keys(message)) {
    if (key !== 'type' && !(key in fields)) return `unexpected field "${key}"`;
  }
  for (const [key, spec] of Object.entries(fields)) {
    const optional = spec.endsWith('?');
    const type = optional ? spec.slice(0, -1) : spec;
    if (!(key in message)) {
      if (optional) continue;
      return `missing field "${key}"`;
    }
    if (!TYPES[type](message[key])) return `field "${key}" must be a ${type}`;
  }
  return '';
}

const refuse = (name, detail) => ({ ok: false, error: { name, detail } });

/** What a handler throws for a failure with a name of its own: the reply is {ok: false, error: {name, detail}}. */
export const fail = (name, detail = '') => Object.assign(new Error(detail), { code: name });
/** The same for an error the core named ({name, detail}). */
export const failWith = (error) => fail(error.name, error.detail);

/**
 * @param {Record<string, {from: string[], fields: Record<string,string>,
 *   handle: (message: any, sender: chrome.runtime.MessageSender) => Promise<any>}>} routes
 * @param {{onRefused?: (error: {name: string, detail: string}) => void}} [hooks]
 */
export function createDispatcher(routes, { onRefused = () => {} } = {}) {
  async function dispatch(message, sender) {
    const kind = senderKind(sender);
    if (!kind) return refuse('foreign_sender', String(sender?.url ?? sender?.id ?? 'unknown'));
    if (!TYPES.object(message) || typeof message.type !== 'string') return refuse('bad_message', 'no type');
    const route = Object.hasOwn(routes, message.type) ? routes[message.type] : null;
    if (!route) return refuse('unknown_type', message.type.slice(0, 80));
    if (!route.from.includes(kind)) return refuse('sender_not_allowed', `${kind} may not send ${message.type}`);
    const problem = checkFields(message, route.fields);
    if (problem) return refuse('bad_message', `${message.type}: ${problem}`);
    try {
      return { ok: true, ...(await route.handle(message, sender)) };
    } catch (e) {
      // Handlers throw {code, message} for failures with a name of their own.
      return refuse(typeof e?.code === 'string' ? e.code : 'internal', `${message.type}: ${e?.message ?? e}`);
    }
  }

  /** For chrome.runtime.onMessage: answers asynchronously, always. */
  function listener(message, sender, sendResponse) {
    dispatch(message, sender).then((reply) => {
      if (!reply.ok) onRefused(reply.error);
      sendResponse(reply);
    });
    return true;
  }

  return { dispatch, listener };
}
