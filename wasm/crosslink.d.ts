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

export interface Core extends ShareCore {
  version(): string;
  /** Done with a LinkStatus result on the Accounts Center accounts page. */
  readLinkStatus(snapshot: Snapshot | string): Decision;
}

export function loadCore(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Core>;

// ---- Sharing, settings and the activity log (core/api_share.h) ----

export type Failure = { ok: false; error: CoreError };
export type ShareNetwork = 'facebook' | 'x' | 'tumblr' | 'okru' | 'copy';

export type Permalink =
  | { ok: true; url: string; kind: 'post' | 'reel'; shortcode: string; removed: string[] }
  | { ok: true; url: string; kind: 'story'; user: string; id: string; removed: string[] };

export interface ShareLinks {
  ok: true;
  /** The clean permalink (what "Copy clean link" copies). */
  url: string;
  /** Names of the query parameters that were dropped (igsh, utm_source, ...). */
  removed: string[];
  /** In the order asked for. */
  links: Array<{ network: ShareNetwork; url: string }>;
  /** Present when X was asked for: the tweet text and X's weighted length of text + URL. */
  x?: { text: string; weightedLength: number; trimmed: boolean };
}

export interface Settings {
  version: 1;
  share: { networks: ShareNetwork[] };
  composer: { applyDefault: boolean; shareToFacebook: boolean };
  locale: 'auto' | 'en' | 'es' | 'pt' | 'de' | 'fr';
  clickPacingMs: number;
  logSize: number;
}

export interface SettingsProblem { field: string; name: string; detail: string }

export interface LoadedSettings {
  ok: true;
  settings: Settings;
  /** null: nothing was stored (or it was unreadable); 0: the v0 shape. */
  storedVersion: number | null;
  migratedFrom: 0 | null;
  /** Written by a newer Crosslink: use it, never write it back. */
  newer: boolean;
  /** Migrated or repaired: store `settings` again. */
  writeBack: boolean;
  /** What could not be kept; each replaced by its default. */
  dropped: SettingsProblem[];
}

export interface LogEntry {
  seq: number; t: number; type: string; outcome?: string; detail?: string;
  data?: Record<string, string | number | boolean | null>;
}
export interface ActivityLog { version: 1; next: number; entries: LogEntry[] }
export interface LogResult {
  ok: true;
  log: ActivityLog;
  /** Oldest entries pushed out by the size limit. */
  evicted: number;
  /** Present when the stored log was damaged: what was not kept. */
  repair?: { name: string; detail: string; dropped: number };
}
export interface LogExport {
  ok: true;
  export: {
    format: 'crosslink-activity-log'; version: 1; exportedAt: string; count: number;
    entries: Array<LogEntry & { time: string }>;
    repair?: { name: string; detail: string; dropped: number };
  };
}

export interface ShareCore {
  normalizePermalink(url: string): Permalink | Failure;
  /** networks: which links and in what order (default all five). */
  shareLinks(url: string, options?: { text?: string; networks?: ShareNetwork[] }): ShareLinks | Failure;
  settingsDefaults(): { ok: true; settings: Settings };
  /** Never fails: takes whatever storage holds (object, text, undefined). */
  settingsLoad(stored: unknown): LoadedSettings;
  settingsValidate(settings: unknown): { ok: true; settings: Settings } | (Failure & { errors: SettingsProblem[] });
  logAppend(log: unknown, entry: { type: string; outcome?: string; detail?: string; data?: LogEntry['data'] } | string,
    nowMs: number, cap: number): LogResult | Failure;
  logLoad(log: unknown, cap: number): LogResult | Failure;
  logExport(log: unknown, nowMs: number): LogExport | Failure;
}
