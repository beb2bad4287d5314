// The only module the extension imports from the core. It hides Embind and JSON text:
// callers pass plain objects (or JSON text they already have) and get plain objects.
import createModule from './crosslink_core.mjs';

/** @param {object|string} value */
const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * @param {{wasmBinary?: ArrayBuffer|Uint8Array}} [options]
 * @returns {Promise<import('./crosslink').Core>}
 */
export async function loadCore(options = {}) {
  const m = await createModule(options);
  const schema = JSON.parse(m.schema());
  return Object.freeze({
    ...shareMethods(m, schema),
    version: () => m.version(),
    // The registry (core/data/registry.json): hosts, locales, flows, networks, ranges, screens.
    schema: () => structuredClone(schema),
    readLinkStatus: (snapshot) => JSON.parse(m.readLinkStatus(text(snapshot))),
    ...flowMethods(m),
    ...guidedMethods(m),
  });
}

// ---- Sharing (core/api_share.h), settings and the activity log (core/api_settings.h) ----
// Stored values may be missing (first run) or of any type: they reach the core as text
// and it names what is wrong. Numbers that are not numbers become NaN, which it refuses.
// Something JSON cannot hold (a cycle, a BigInt) goes as text that is not JSON: bad_json.
const stored = (value) => {
  if (value == null) return '';
  try {
    return text(value) ?? '!';
  } catch {
    return '!';
  }
};
// Lone surrogates become U+FFFD here: Embind would otherwise pair them with the next unit.
const str = (value) => (typeof value === 'string' ? value : value == null ? '' : String(value)).toWellFormed();
const num = (value) => (typeof value === 'number' ? value : NaN);

function shareMethods(m, schema) {
  const json = (out) => JSON.parse(out);
  const ALL_NETWORKS = schema.networks.map((n) => n.name);
  return {
    normalizePermalink: (url) => json(m.normalizePermalink(str(url))),
    shareLinks: (url, { text = '', networks = ALL_NETWORKS } = {}) =>
      json(m.shareLinks(str(url), str(text), Array.isArray(networks) ? networks.map(str).join(',') : str(networks))),
    settingsDefaults: () => json(m.settingsDefaults()),
    settingsLoad: (value) => json(m.settingsLoad(stored(value))),
    settingsValidate: (value) => json(m.settingsValidate(stored(value))),
    logAppend: (log, entry, nowMs, cap) => json(m.logAppend(stored(log), stored(entry), num(nowMs), num(cap))),
    logLoad: (log, cap) => json(m.logLoad(stored(log), num(cap))),
    logExport: (log, nowMs) => json(m.logExport(stored(log), num(nowMs))),
  };
}

// ---- Screens and flows (core/api_flows.h) ----
// A snapshot can be large (P3: 5,000 elements): it is encoded by TextEncoder (native
// speed), copied into the module's memory in one go and handed over by address, where
// the core reads it in place; Embind would copy it character by character. Lone
// surrogates become U+FFFD on the way.
const encoder = new TextEncoder();
const now = (nowMs) => (nowMs === undefined ? Date.now() : num(nowMs));

function flowMethods(m) {
  const json = (out) => JSON.parse(out);
  // Encoded straight into the module's memory; room for mostly-ASCII text first, all
  // the room UTF-8 could need (3 bytes per UTF-16 unit) only when that was not enough.
  const withSnapshot = (snapshot, use) => {
    const text = typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot) ?? '';
    for (const room of [Math.ceil(text.length * 1.25) + 16, text.length * 3 + 1]) {
      const address = m._malloc(room);
      try {
        const { read, written } = encoder.encodeInto(text, m.HEAPU8.subarray(address, address + room));
        if (read === text.length) return use(address, written);
      } finally {
        m._free(address);
      }
    }
    throw new Error('unreachable: UTF-8 never needs more than 3 bytes per UTF-16 unit');
  };
  return {
    recognize: (snapshot) => json(withSnapshot(snapshot, (at, n) => m.recognizeAt(at, n))),
    startFlow: (kind, params, nowMs) => json(m.startFlow(str(kind), params == null ? '' : stored(params), now(nowMs))),
    step: (state, snapshot, nowMs) => {
      const stateText = stored(state);
      const t = now(nowMs);
      return json(withSnapshot(snapshot, (at, n) => m.stepAt(stateText, at, n, t)));
    },
    cancel: (state, nowMs) => json(m.cancel(stored(state), now(nowMs))),
    instagramAccount: (snapshot) => json(withSnapshot(snapshot, (at, n) => m.instagramAccountAt(at, n))),
    composerSwitch: (snapshot) => json(withSnapshot(snapshot, (at, n) => m.composerSwitchAt(at, n))),
    answer: (state, choice, nowMs) => json(m.answer(stored(state), str(choice), now(nowMs))),
  };
}

// ---- Guided steps, taught wordings, the problem report (core/api_guided.h) ----
function guidedMethods(m) {
  const json = (out) => JSON.parse(out);
  return {
    taughtSet: (list) => json(m.taughtSet(list == null ? '' : stored(list))),
    taughtCheck: (list) => json(m.taughtCheck(list == null ? '' : stored(list))),
    problemReport: (info, snapshot) => json(m.problemReport(stored(info ?? {}), snapshot == null ? '' : str(typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot)))),
  };
}
