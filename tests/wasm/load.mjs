// Loads the Wasm build the way Node can: the web build, with the binary handed in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = path.join(root, 'build/wasm');

const wasmBinary = () => fs.readFileSync(path.join(wasmDir, 'crosslink_core.wasm'));

/** The raw Embind module (what the parity cases call). */
export async function loadModule() {
  const { default: createModule } = await import(path.join(wasmDir, 'crosslink_core.mjs'));
  return createModule({ wasmBinary: wasmBinary() });
}

/** The wrapper the extension uses. */
export async function loadWrapped() {
  const { loadCore } = await import(path.join(wasmDir, 'crosslink.mjs'));
  return loadCore({ wasmBinary: wasmBinary() });
}
