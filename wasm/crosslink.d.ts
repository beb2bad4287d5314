// Types of wasm/crosslink.mjs, the extension's only door into the core.

// The registry's names (core/data/registry.json); tests/wasm/registry.test.mjs checks that
// these unions and the registry agree.
export type Locale = 'en' | 'es' | 'pt' | 'de' | 'fr';
export type ShareNetwork = 'facebook' | 'x' | 'tumblr' | 'okru' | 'threads' | 'copy';
export type FlowKind = 'link' | 'unlink' | 'setSharing' | 'linkMessaging' | 'unlinkMessaging' | 'readStatus';
export type Host = 'www.instagram.com' | 'accountscenter.instagram.com' | 'www.facebook.com' | 'm.facebook.com' | 'web.facebook.com'
  | 'touch.facebook.com' | 'auth.meta.com' | 'accountscenter.facebook.com' | 'accountscenter.meta.com';

export interface Range { min: number; max: number; default: number }
export interface Schema {
  ok: true;
  hosts: Array<{ host: Host; kind: 'instagram' | 'facebook' }>;
  locales: Array<{ code: Locale; name: string }>;
  /** entry: the page the flow starts on; params: the parameters it takes besides the budgets. */
  flows: Array<{ name: FlowKind; entry: string; params: Array<'syncProfile' | 'facebookAccount' | 'sharing'> }>;
  budgets: Record<'maxClicks' | 'timeBudgetMs' | 'settleMs' | 'userWaitMs', Range>;
  /** label: the messages.json key of its name; default: in the menu of a new install;
   *  since: the settings version that brought it (off in settings stored before). */
  networks: Array<{ name: ShareNetwork; label: string; default: boolean; since: number }>;
  /** The locators the page scripts match themselves: per probe its roles, where it is
   *  (dialog or anywhere) and its wordings in every locale (core/data). */
  pageLocators: Record<'composerSwitch' | 'nativeShare', Array<{ roles: string[]; scope: 'dialog' | 'page' | 'listitem' | null; wordings: string[] }>>;
  /** The settings version the core writes (Settings.version). */
  settingsVersion: number;
  ranges: Record<'clickPacingMs' | 'logSize', Range>;
  /** The screens recognize() can name, unknown and unreadable last. */
  screens: string[];
}

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
    checked?: boolean | null; disabled?: boolean; container?: number;
  }>;
  /** false: the extension may not read this page (see docs/PROTOCOL.md). */
  readable?: boolean;
}

/** instagramUsername: the first Instagram card of the accounts list ("" when none says Instagram). */
export interface LinkStatus { linked: boolean; facebookName: string; instagramUsername: string }

export interface Core extends ShareCore, FlowCore, GuidedCore {
  version(): string;
  /** The registry (core/data/registry.json), the one list of each of these. */
  schema(): Schema;
  /** Done with a LinkStatus result on the Accounts Center accounts page; ok false with the decision's error otherwise. */
  readLinkStatus(snapshot: Snapshot | string): Decision & { ok: boolean };
}

export function loadCore(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Core>;

// ---- Sharing (core/api_share.h), settings and the activity log (core/api_settings.h) ----

export type Failure = { ok: false; error: CoreError };
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
  version: 2;
  share: { networks: ShareNetwork[] };
  composer: { applyDefault: boolean; shareToFacebook: boolean };
  locale: 'auto' | Locale;
  clickPacingMs: number;
  logSize: number;
}

export interface SettingsProblem { field: string; name: string; detail: string }

export interface LoadedSettings {
  ok: true;
  settings: Settings;
  /** null: nothing was stored (or it was unreadable); 0: the v0 shape. */
  storedVersion: number | null;
  migratedFrom: number | null;
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

// ---- Screens and flows (core/api_flows.h; formats in docs/PROTOCOL.md) ----

export type ScreenId =
  | 'instagram_home' | 'instagram_post' | 'instagram_reel' | 'instagram_story' | 'instagram_composer'
  | 'instagram_settings' | 'instagram_messages_settings' | 'instagram_messages_others_on_facebook'
  | 'instagram_update_messaging' | 'instagram_interstitial' | 'accounts_center_overview'
  | 'accounts_center_accounts' | 'accounts_center_add_accounts' | 'facebook_continue_as' | 'facebook_login'
  | 'facebook_choose_account' | 'accounts_center_finish_setup' | 'accounts_center_profile_sync'
  | 'accounts_center_account_detail' | 'accounts_center_remove_intro' | 'accounts_center_remove_confirm'
  | 'accounts_center_connected_experiences' | 'accounts_center_sharing' | 'rate_limited' | 'person_cookies'
  | 'person_confirm_identity' | 'person_new_password' | 'person_checkpoint' | 'person_birthday' | 'person_save_login'
  | 'person_ads_choice' | 'facebook_password' | 'unknown' | 'unreadable'
  /** Two screens at once in one layer: never acted on (evidence names both). */
  | 'ambiguous';

export interface Recognition {
  screen: ScreenId;
  /** What decided: "host …", "path …", "<locator>: <role> \"<name>\" #<i>". */
  evidence: string[];
  /** en | es | pt | de | fr, or "" when neither the page nor its words say. */
  locale: string;
}

export type SharingSwitch = 'posts' | 'reels' | 'stories' | 'facebookStories';

export interface FlowParams {
  /** link: "Continue" on the profile sync (default false: "Not now"). */
  syncProfile?: boolean;
  /** link: the Facebook account to link (left out: the person confirms the one Facebook offers); unlink: the one to remove (left out: the person confirms or picks). */
  facebookAccount?: string;
  /** setSharing (required there): the switches to set. */
  sharing?: Partial<Record<SharingSwitch, boolean>>;
  maxClicks?: number;
  timeBudgetMs?: number;
  settleMs?: number;
  userWaitMs?: number;
}

export type AskReason = 'facebook_login' | 'choose_account' | 'not_you' | 'press_continue' | 'check_address'
  | 'confirm_account' | 'confirm_unlink' | 'choose_unlink' | 'guided';
export type FlowOutcome =
  | 'done' | 'needs_user' | 'unavailable' | 'rate_limited' | 'not_found' | 'not_linked' | 'cancelled'
  | 'click_budget' | 'time_budget' | 'loop' | 'no_effect' | 'verify_failed' | 'refused' | 'interstitial'
  | 'unknown_screen' | 'ambiguous_screen' | 'unreadable_page' | 'navigation_refused' | 'unexpected_host' | string;

/** JSON that resumes exactly: keep it (chrome.storage.session) and pass it back as it is. */
export interface FlowState {
  v: 1;
  flow: FlowKind;
  params: FlowParams;
  status: 'running' | 'needs_user' | 'done' | 'error' | 'cancelled';
  outcome?: FlowOutcome;
  clicks: number;
  startedAt: number;
  activeMs: number;
  asked: AskReason | '';
  final?: FlowDecision;
  [opaque: string]: unknown;
}

export type FlowDecision =
  | { kind: 'click' | 'toggle'; screen: string; target: number; locator: string; role: string; name: string; checked?: boolean; taught?: string }
  | { kind: 'navigate'; screen: string; url: string }
  | { kind: 'wait'; screen: string; ms: number }
  | { kind: 'ask_user'; screen: string; reason: AskReason; guide?: Guide; choices?: string[] }
  | { kind: 'done'; screen: string; result: Record<string, unknown> }
  | { kind: 'error'; screen: string; error: CoreError };

/** Every call answers in one shape: { ok: true, … } or Failure ({ ok: false, error }). */
export type Reply<T> = ({ ok: true } & T) | Failure;
/**
 * A step's reply: ok with the decision and the state after it (also when the decision ends
 * the flow in an error: that is the flow's outcome); ok false when the call was refused (a
 * state that cannot be read, a bad nowMs), the decision then carrying the same error.
 */
export type StepReply = { ok: true; decision: FlowDecision; state: FlowState } | (Failure & { decision: FlowDecision; state: FlowState | null });

export interface FlowCore {
  recognize(snapshot: Snapshot | string): Reply<Recognition>;
  startFlow(kind: FlowKind, params?: FlowParams | null, nowMs?: number): Reply<{ state: FlowState }>;
  step(state: FlowState | string, snapshot: Snapshot | string, nowMs?: number): StepReply;
  cancel(state: FlowState | string, nowMs?: number): StepReply;
  /** The Instagram account logged in, from the profile link of www.instagram.com's navigation. */
  instagramAccount(snapshot: Snapshot | string): Reply<{ username: string | null }>;
  /** The composer's "Also share to Facebook" switch: its index, -1 unless the page is the new-post composer and the switch is in its dialog. */
  composerSwitch(snapshot: Snapshot | string): Reply<{ screen: string; switch: number }>;
  /** The person's answer to confirm_account / confirm_unlink / choose_unlink: one of the decision's choices ("" for a confirm_account without one). */
  answer(state: FlowState | string, choice: string, nowMs?: number): Reply<{ state: FlowState }>;
}

// ---- Guided steps, taught wordings, the problem report (core/api_guided.h, issue 16) ----
/** The step a person does by hand when an element or the screen was lost. */
export interface Guide {
  screen: string;
  locale: string;
  locator: string;
  action: 'click' | 'switch_on' | 'switch_off' | 'continue';
  /** The shipped wording the step expected, in the page's language ("" when none). */
  wording: string;
  candidates: { i: number; role: string; name: string }[];
  error: 'not_found' | 'unknown_screen' | 'ambiguous_screen';
}
/** A wording the person taught: role and accessible name of the element they clicked. */
export interface TaughtWording {
  id: string; locator: string; locale: string; role: string; name: string;
  [kept: string]: unknown;
}
export interface ProblemReport {
  report: 'crosslink-problem-report';
  crosslink: string; core: string; browser: string; flow: string; outcome: string; pageLocale: string;
  trail: { screen?: string; kind?: string; locator?: string; reason?: string; error?: string; taught?: boolean }[];
  lastSnapshot: Record<string, unknown> | null;
}
export interface GuidedCore {
  taughtSet(list: TaughtWording[] | null): { ok: true; count: number } | Failure;
  taughtCheck(list: unknown): { ok: true; count: number } | Failure;
  problemReport(info: Record<string, unknown>, snapshot?: Snapshot | string | null): { ok: true; report: ProblemReport; text: string } | Failure;
}
