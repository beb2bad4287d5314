// Types of the Embind module emcc writes (build/wasm/crosslink_core.mjs): what
// crosslink.mjs calls. Every function takes and returns JSON text (core/api*.h).
export interface EmbindModule {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(address: number): void;
  [name: string]: any;
}
export default function createModule(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<EmbindModule>;
