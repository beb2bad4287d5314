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
  return Object.freeze({
    version: () => m.version(),
    readLinkStatus: (snapshot) => JSON.parse(m.readLinkStatus(text(snapshot))),
  });
}
