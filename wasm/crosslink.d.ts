// Types of wasm/crosslink.mjs, the extension's only door into the core.

export interface CoreError {
  /** Stable name, shown to the person through _locales (e.g. "bad_json", "not_found"). */
  name: string;
  /** Which locator, screen or field: for the log and for us. */
  detail: string;
}

export type Decision =
  | { kind: 'click' | 'toggle'; screen: string; target: number }
  | { kind: 'navigate'; screen: string; url: string }
  | { kind: 'wait'; screen: string; ms: number }
  | { kind: 'ask_user'; screen: string; reason: string }
  | { kind: 'done'; screen: string; result: Record<string, unknown> }
  | { kind: 'error'; screen: string; error: CoreError };

export interface Snapshot {
  url: string;
  lang?: string;
  title?: string;
  elements: Array<{
    i: number; role: string; name?: string; text?: string; href?: string;
    checked?: boolean | null; container?: number;
  }>;
}

export interface LinkStatus { linked: boolean; facebookName: string }

export interface Core {
  version(): string;
  /** Done with a LinkStatus result on the Accounts Center accounts page. */
  readLinkStatus(snapshot: Snapshot | string): Decision;
}

export function loadCore(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Core>;
