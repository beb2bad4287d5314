// Hand-scripted walks through the staged pages, the way a person would do each journey
// of docs/SCREENS.md: a Playwright page in, clicks by role and name in the page's own
// language (texts from web/texts.json, the language read from <html lang>), either
// layout. No assertions: each walk returns what it saw, so tests assert and the
// performance goal P5 can time `link` as the baseline against the extension.
//
// Every walk takes { onScreen(screenId, page, detail), variants }, variants: the stage's
// state when it words pages otherwise (web/variants.mjs); onScreen is called once on each screen it
// reaches, in order, after the screen is ready (the core's fixture recorder snapshots
// through it). The composer is one screen id with several steps: it is reported once per
// step, with detail = { step }. An unexpected "Turn on Notifications" dialog is reported
// as `instagram_interstitial` and dismissed with "Not Now"; "Try Again Later" is reported
// as `rate_limited` and ends the walk with that outcome. A settings section other than
// /accounts/edit/ (Privacy) is reported as `instagram_settings` with detail = { section }.
//
// Every walk returns { outcome, screens, clicks, ms, ... }. Outcomes: done, already
// (nothing to do), needs_login (Facebook's login form and no credentials given),
// unavailable (the option is absent), not_linked, failed, rate_limited.
import { text } from '../../web/texts.mjs';
import { variantTexts } from '../../web/variants.mjs';

export const URLS = {
  instagram: 'https://www.instagram.com/',
  settings: 'https://www.instagram.com/accounts/edit/',
  messages: 'https://www.instagram.com/accounts/messages_and_story_replies/',
  accountsCenter: 'https://accountscenter.instagram.com/',
  accounts: 'https://accountscenter.instagram.com/accounts/',
  connected: 'https://accountscenter.instagram.com/connected_experiences/',
  sharing: 'https://accountscenter.instagram.com/connected_experiences/cross_posting/',
};

export const SWITCH_TEXT = {
  posts: 'ac.sharing.posts', reels: 'ac.sharing.reels', stories: 'ac.sharing.stories', facebookStories: 'ac.sharing.facebook_stories',
};
export const OTHERS_TEXT = { chats: 'ig.messages.chats', requests: 'ig.messages.requests', none: 'ig.messages.dont_receive' };

/** A 1×1 PNG, for "Select from computer". */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

class Stop extends Error {
  constructor(outcome, extra = {}) {
    super(outcome);
    this.outcome = outcome;
    this.extra = extra;
  }
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One walk's bookkeeping: the screens it reached, its clicks, its language. */
class Walk {
  constructor(page, { onScreen, timeout = 10000, variants = null } = {}) {
    this.page = page;
    this.onScreen = onScreen;
    this.timeout = timeout;
    this.variants = variants;  // the stage's wording variants in force (finishWording, accountsCentre): read as the page words them
    this.screens = [];
    this.clicks = 0;
    this.started = Date.now();
    this.locale = 'en';
  }

  t(id, vars) {
    const plain = (key, v) => text(this.locale, key, v);
    return this.variants ? variantTexts({ ...this.variants, locale: this.locale }, plain)(id, vars) : plain(id, vars);
  }

  async readLocale() {
    this.locale = await this.page.evaluate(() => document.documentElement.lang) || 'en';
  }

  async goto(url) {
    await this.page.goto(url, { timeout: this.timeout });
    await this.readLocale();
  }

  async click(locator) {
    await locator.click({ timeout: this.timeout });
    this.clicks += 1;
  }

  async at(id, detail) {
    this.screens.push(id);
    if (this.onScreen) await this.onScreen(id, this.page, detail);
  }

  get rateDialog() { return this.page.getByRole('dialog', { name: this.t('rate.title') }); }

  /** Waits for the screen's landmark (or "Try Again Later"), clears an interstitial, reports it. */
  async arrive(id, ready, detail) {
    await ready.or(this.rateDialog).first().waitFor({ state: 'visible', timeout: this.timeout });
    if (await this.rateDialog.count()) {
      await this.at('rate_limited');
      throw new Stop('rate_limited');
    }
    await this.dismissInterstitial();
    await this.at(id, detail);
  }

  async dismissInterstitial() {
    const dialog = this.page.getByRole('dialog', { name: this.t('ig.interstitial.title') });
    if (!(await dialog.count())) return;
    await this.at('instagram_interstitial');
    await this.click(dialog.getByRole('button', { name: this.t('ig.interstitial.not_now'), exact: true }));
    await dialog.waitFor({ state: 'detached', timeout: this.timeout });
  }

  heading(id, vars) { return this.page.getByRole('heading', { name: this.t(id, vars), exact: true }); }
  button(id, vars, scope = this.page) { return scope.getByRole('button', { name: this.t(id, vars), exact: true }); }
  link(id, vars, scope = this.page) { return scope.getByRole('link', { name: this.t(id, vars), exact: true }); }
  /** A switch by its name: role switch, or (a scrambled page) a plain checkbox. */
  switch(name, scope = this.page) {
    return scope.getByRole('switch', { name, exact: true }).or(scope.getByRole('checkbox', { name, exact: true }));
  }
  anySwitch(scope = this.page) { return scope.getByRole('switch').or(scope.getByRole('checkbox')); }

  result(outcome, extra = {}) {
    return { outcome, screens: this.screens, clicks: this.clicks, ms: Date.now() - this.started, ...extra };
  }
}

async function poll(w, check, what) {
  const end = Date.now() + w.timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${w.timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs a walk body; a Stop (rate limited, needs login…) becomes its outcome. */
async function run(page, options, body) {
  const walk = new Walk(page, options);
  try {
    return await body(walk);
  } catch (e) {
    if (e instanceof Stop) return walk.result(e.outcome, e.extra);
    throw e;
  }
}

// ---- Accounts Center ------------------------------------------------------------------

/** The account cards of the accounts list, as [{name, platform}]. */
async function readCards(w) {
  const cards = await w.page.getByRole('listitem').allInnerTexts();
  return cards.map((t) => {
    const [name = '', platform = ''] = t.split('\n').map((s) => s.trim()).filter(Boolean);
    return { name, platform };
  });
}
const facebookCard = (w) => w.page.getByRole('listitem').filter({ hasText: w.t('ac.accounts.facebook') });

/** accounts_center_accounts, reached by its address or from Instagram's Settings. */
async function toAccounts(w, from) {
  if (from === 'instagram') {
    await w.goto(URLS.instagram);
    await w.arrive('instagram_home', w.page.getByRole('link', { name: w.t('ig.nav.new_post') }));
    await w.click(w.page.getByRole('button', { name: new RegExp(`${escapeRe(w.t('ig.nav.more'))}$`) }));
    await w.click(w.link('ig.nav.settings'));
    await w.arrive('instagram_settings', w.heading('ig.settings.title'));
    await w.click(w.page.getByRole('link', { name: w.t('ig.settings.accounts_center') }).first());
    await w.arrive('accounts_center_overview', w.heading('ac.title'));
    await w.click(w.link('ac.nav.accounts'));
  } else {
    await w.goto(URLS.accounts);
  }
  await w.arrive('accounts_center_accounts', w.heading('ac.accounts.title'));
}

/**
 * Link: Accounts Center → Add accounts → Add Facebook account → Facebook (continue as /
 * choose an account / log in) → Yes, finish setup → profile sync → the accounts list.
 * options: sync (Continue rather than Not now), account (which saved Facebook account to
 * choose; the first by default; another than the one offered → "Not you?"), from
 * ('accounts' | 'instagram'), facebookLogin ({email, password}: typed into Facebook's
 * form as the person would; without it the walk stops at the form with needs_login).
 */
export function link(page, { sync = false, account, from = 'accounts', facebookLogin, ...options } = {}) {
  return run(page, options, async (w) => {
    await toAccounts(w, from);
    if (await facebookCard(w).count()) return w.result('already', { cards: await readCards(w) });
    await w.click(w.page.getByRole('button', { name: w.t('ac.accounts.add'), exact: true }));
    await w.arrive('accounts_center_add_accounts', w.button('ac.add.facebook'));
    await w.click(w.button('ac.add.facebook'));
    await w.readLocale();

    let loggedIn = false;
    for (;;) {
      const continueAs = w.button('fb.continue');
      const choose = w.heading('fb.choose.title');
      const login = w.page.getByRole('textbox', { name: w.t('fb.login.email'), exact: true });
      await continueAs.or(choose).or(login).first().waitFor({ state: 'visible', timeout: w.timeout });
      if (await login.count()) {
        await w.arrive('facebook_login', login);
        if (!facebookLogin || loggedIn) throw new Stop('needs_login');
        await w.readLocale();
        await login.fill(facebookLogin.email);
        await w.page.getByLabel(w.t('fb.login.password'), { exact: true }).fill(facebookLogin.password);
        await w.click(w.page.getByRole('button', { name: w.t('fb.login.submit'), exact: true }));
        loggedIn = true;
        continue;
      }
      if (await choose.count()) {
        await w.arrive('facebook_choose_account', choose);
        const pick = account ? w.page.getByRole('button', { name: account, exact: true }) : w.page.getByRole('list').getByRole('button').first();
        if (!(await pick.count())) throw new Stop('not_found', { missing: account });
        await w.click(pick);
      } else {
        await w.arrive('facebook_continue_as', continueAs);
        if (account && !loggedIn && !(await w.page.getByText(w.t('fb.continue_as.as', { name: account }), { exact: true }).count())) {
          // Another account than the one offered: "Not you?" leads to the login form.
          await w.click(w.link('fb.not_you'));
          continue;
        }
        await w.click(continueAs);
      }
      break;
    }

    await w.arrive('accounts_center_finish_setup', w.button('ac.finish.yes'));
    await w.click(w.button('ac.finish.yes'));
    await w.arrive('accounts_center_profile_sync', w.button('ac.sync.not_now'));
    await w.click(w.button(sync ? 'ac.sync.continue' : 'ac.sync.not_now'));
    await w.arrive('accounts_center_accounts', w.heading('ac.accounts.title'));
    const cards = await readCards(w);
    const fb = cards.find((c) => c.platform === w.t('ac.accounts.facebook'));
    return w.result(fb ? 'done' : 'failed', { cards, facebookName: fb?.name ?? null });
  });
}

/**
 * Unlink: the Facebook card → "Remove from Accounts Center" | "Remove account" →
 * Continue → "Remove <name>" | "Yes, remove" → the accounts list, read back.
 */
export function unlink(page, { from = 'accounts', ...options } = {}) {
  return run(page, options, async (w) => {
    await toAccounts(w, from);
    const card = facebookCard(w);
    if (!(await card.count())) return w.result('already', { cards: await readCards(w) });
    const [{ name }] = (await readCards(w)).filter((c) => c.platform === w.t('ac.accounts.facebook'));
    await w.click(card.getByRole('link'));
    const remove = w.button('ac.detail.remove_a').or(w.button('ac.detail.remove_b'));
    await w.arrive('accounts_center_account_detail', remove);
    await w.click(remove);
    const dialog = w.page.getByRole('dialog');
    await w.arrive('accounts_center_remove_intro', w.button('ac.remove.continue', {}, dialog));
    await w.click(w.button('ac.remove.continue', {}, dialog));
    const confirm = w.button('ac.remove.confirm_a', { name }, dialog).or(w.button('ac.remove.confirm_b', { name }, dialog));
    await w.arrive('accounts_center_remove_confirm', confirm);
    await w.click(confirm);
    await w.arrive('accounts_center_accounts', w.heading('ac.accounts.title'));
    const cards = await readCards(w);
    return w.result(cards.some((c) => c.platform === w.t('ac.accounts.facebook')) ? 'failed' : 'done', { cards, removed: name });
  });
}

/** Reads every sharing switch on the page: {posts, reels, stories, facebookStories}. */
async function readSwitches(w) {
  const out = {};
  for (const [key, id] of Object.entries(SWITCH_TEXT)) {
    const sw = w.switch(w.t(id));
    if (await sw.count()) out[key] = await sw.isChecked();
  }
  return out;
}

/**
 * SetSharing: the sharing page (by its address, or Connected experiences → "Sharing
 * across profiles"), each switch named in `wanted` clicked if it is not already so, each
 * read back after the server answered. wanted: {posts?, reels?, stories?, facebookStories?}.
 */
export function setSharing(page, wanted, { from = 'path', ...options } = {}) {
  return run(page, options, async (w) => {
    if (from === 'connected') {
      await w.goto(URLS.connected);
      await w.arrive('accounts_center_connected_experiences', w.heading('ac.ce.title'));
      await w.click(w.page.getByRole('link', { name: w.t('ac.ce.sharing') }).first());
    } else {
      await w.goto(URLS.sharing);
    }
    await w.arrive('accounts_center_sharing', w.heading('ac.sharing.title'));
    if (!(await w.anySwitch().count())) return w.result('not_linked', { switches: {} });
    let changed = 0;
    for (const [key, value] of Object.entries(wanted)) {
      const sw = w.switch(w.t(SWITCH_TEXT[key]));
      if ((await sw.isChecked()) === value) continue;
      await w.click(sw);
      changed += 1;
      // Done when the switch shows the server's answer, or the page says "Try Again Later".
      await poll(w, async () => (await w.rateDialog.count()) > 0
        || ((await sw.isChecked({ timeout: 200 }).catch(() => null)) === value
          && (await sw.getAttribute('aria-disabled', { timeout: 200 }).catch(() => 'true')) !== 'true'), `${key} to show ${value}`);
      if (await w.rateDialog.count()) {
        await w.at('rate_limited');
        throw new Stop('rate_limited', { changed });
      }
    }
    const switches = await readSwitches(w);
    const ok = Object.entries(wanted).every(([k, v]) => switches[k] === v);
    return w.result(ok ? (changed ? 'done' : 'already') : 'failed', { switches, changed });
  });
}

/** ReadStatus: the accounts list, the sharing switches and the messaging settings, no clicks. */
export function readStatus(page, options = {}) {
  return run(page, options, async (w) => {
    await w.goto(URLS.accounts);
    await w.arrive('accounts_center_accounts', w.heading('ac.accounts.title'));
    const cards = await readCards(w);
    const fb = cards.find((c) => c.platform === w.t('ac.accounts.facebook'));
    await w.goto(URLS.sharing);
    await w.arrive('accounts_center_sharing', w.heading('ac.sharing.title'));
    const switches = await readSwitches(w);
    await w.goto(URLS.messages);
    await w.arrive('instagram_messages_settings', w.heading('ig.messages.title'));
    const othersOnFacebook = await readOthersOnFacebook(w);
    return w.result('done', { linked: Boolean(fb), facebookName: fb?.name ?? null, switches, othersOnFacebook });
  });
}

// ---- Instagram: messaging ---------------------------------------------------------------

async function toSettings(w) {
  await w.goto(URLS.settings);
  await w.arrive('instagram_settings', w.heading('ig.settings.title'));
}

/** Messages and story replies: the "Others on Facebook" row's current choice, or null. */
async function readOthersOnFacebook(w) {
  const row = w.page.getByRole('link', { name: w.t('ig.messages.others_fb') });
  if (!(await row.count())) return null;
  const value = (await row.innerText()).split('\n').map((s) => s.trim()).filter(Boolean).pop();
  return Object.keys(OTHERS_TEXT).find((k) => w.t(OTHERS_TEXT[k]) === value) ?? value;
}

/**
 * LinkMessaging: Settings → "Update Messaging" → Update → Messages and story replies,
 * read back ("Others on Facebook" is there once messaging is updated). Where the option is
 * absent: unavailable (or already, when the messages settings show it done).
 */
export function linkMessaging(page, options = {}) {
  return run(page, options, async (w) => {
    await toSettings(w);
    const offer = w.page.getByRole('button', { name: w.t('ig.settings.update_messaging') });
    if (!(await offer.count())) {
      await w.click(w.link('ig.settings.messages'));
      await w.arrive('instagram_messages_settings', w.heading('ig.messages.title'));
      const value = await readOthersOnFacebook(w);
      return w.result(value ? 'already' : 'unavailable', { othersOnFacebook: value });
    }
    await w.click(offer.first());
    const dialog = w.page.getByRole('dialog', { name: w.t('ig.update.title') });
    await w.arrive('instagram_update_messaging', dialog);
    await w.click(w.button('ig.update.update', {}, dialog));
    const error = dialog.getByRole('alert');
    // Done when the dialog closes; or it says why not; or the page says "Try Again Later".
    await poll(w, async () => !(await dialog.count()) || (await error.isVisible()), 'the update dialog to close');
    if (await w.rateDialog.count()) {
      await w.at('rate_limited');
      throw new Stop('rate_limited');
    }
    if (await dialog.count()) return w.result('failed', { message: await error.innerText() });
    await w.click(w.link('ig.settings.messages'));
    await w.arrive('instagram_messages_settings', w.heading('ig.messages.title'));
    const value = await readOthersOnFacebook(w);
    return w.result(value ? 'done' : 'failed', { othersOnFacebook: value });
  });
}

/**
 * UnlinkMessaging: Settings → (Privacy → Messages, or the column's "Messages and story
 * replies") → "Others on Facebook" → "Don't receive requests" → back, read back.
 * choice: another of chats | requests | none; via: 'column' | 'privacy'.
 */
export function unlinkMessaging(page, { choice = 'none', via = 'column', ...options } = {}) {
  return run(page, options, async (w) => {
    await toSettings(w);
    if (via === 'privacy') {
      await w.click(w.link('ig.settings.privacy'));
      await w.arrive('instagram_settings', w.heading('ig.privacy.title'), { section: 'privacy' });
      await w.click(w.link('ig.privacy.messages'));
    } else {
      await w.click(w.link('ig.settings.messages'));
    }
    await w.arrive('instagram_messages_settings', w.heading('ig.messages.title'));
    const row = w.page.getByRole('link', { name: w.t('ig.messages.others_fb') });
    if (!(await row.count())) return w.result('not_linked', { othersOnFacebook: null });
    await w.click(row);
    const group = w.page.getByRole('radiogroup', { name: w.t('ig.messages.others_fb') });
    await w.arrive('instagram_messages_others_on_facebook', group);
    const radio = group.getByRole('radio', { name: w.t(OTHERS_TEXT[choice]), exact: true });
    let changed = false;
    if (!(await radio.isChecked())) {
      await w.click(radio);
      changed = true;
      await radio.and(w.page.locator('[aria-checked="true"], :checked')).or(w.rateDialog).first()
        .waitFor({ state: 'visible', timeout: w.timeout });
      if (await w.rateDialog.count()) {
        await w.at('rate_limited');
        throw new Stop('rate_limited');
      }
    }
    await w.click(w.page.getByRole('link', { name: w.t('ig.messages.back'), exact: true }));
    await w.arrive('instagram_messages_settings', w.heading('ig.messages.title'));
    const value = await readOthersOnFacebook(w);
    return w.result(value === choice ? (changed ? 'done' : 'already') : 'failed', { othersOnFacebook: value });
  });
}

// ---- Instagram: the composer -----------------------------------------------------------

/**
 * A post through the new-post dialog: New post → Select from computer (a file) → Next →
 * Next → caption → "Also share to Facebook" set as asked (left as it is when undefined) →
 * Share → spinner → "Post shared" (done) or "Post couldn't be shared" (failed).
 */
export function post(page, { caption = '', shareToFacebook, file, ...options } = {}) {
  return run(page, options, async (w) => {
    await w.goto(URLS.instagram);
    const create = w.page.getByRole('link', { name: w.t('ig.nav.new_post') });
    await w.arrive('instagram_home', create);
    await w.click(create);
    const dialog = w.page.getByRole('dialog', { name: w.t('ig.composer.title') });
    const select = w.button('ig.composer.select', {}, dialog);
    await w.arrive('instagram_composer', select, { step: 'pick' });
    const [chooser] = await Promise.all([w.page.waitForEvent('filechooser', { timeout: w.timeout }), w.click(select)]);
    await chooser.setFiles(file ?? { name: 'photo.png', mimeType: 'image/png', buffer: TINY_PNG });
    await w.arrive('instagram_composer', w.heading('ig.composer.crop'), { step: 'crop' });
    await w.click(w.button('ig.composer.next', {}, dialog));
    await w.arrive('instagram_composer', w.heading('ig.composer.edit'), { step: 'edit' });
    await w.click(w.button('ig.composer.next', {}, dialog));
    const box = dialog.getByRole('textbox', { name: w.t('ig.composer.caption'), exact: true });
    await w.arrive('instagram_composer', box, { step: 'caption' });
    if (caption) await box.fill(caption);
    const toggle = dialog.getByRole('switch', { name: w.t('ig.composer.also_share'), exact: true });
    const offered = (await toggle.count()) > 0;
    if (shareToFacebook !== undefined) {
      if (!offered && shareToFacebook) throw new Stop('unavailable', { offered });
      if (offered && ((await toggle.getAttribute('aria-checked')) === 'true') !== shareToFacebook) await w.click(toggle);
    }
    const sharedToFacebook = offered ? (await toggle.getAttribute('aria-checked')) === 'true' : false;
    await w.click(w.button('ig.composer.share', {}, dialog));
    const spinner = dialog.locator(`img[alt="${w.t('ig.composer.spinner')}"]`);
    await w.arrive('instagram_composer', spinner, { step: 'sharing' });
    const done = w.heading('ig.composer.shared_title');
    const failed = w.heading('ig.composer.failed');
    await done.or(failed).or(w.rateDialog).first().waitFor({ state: 'visible', timeout: w.timeout });
    if (await w.rateDialog.count()) {
      await w.at('rate_limited');
      throw new Stop('rate_limited', { offered, sharedToFacebook });
    }
    const ok = (await done.count()) > 0;
    await w.at('instagram_composer', { step: ok ? 'done' : 'failed' });
    return w.result(ok ? 'done' : 'failed', { offered, sharedToFacebook });
  });
}
