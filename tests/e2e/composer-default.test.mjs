// "Also share to Facebook" in the stage's new-post dialog: set to the person's default
// when they asked for it, said so with an undo, and read back from the stage after the
// person (never Crosslink) presses Share.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { getState, setState, stageRequest, until, useBrowser } from './harness.mjs';
import { FEED, setSettings, settingsWith } from './share-helpers.mjs';

// A 1×1 PNG: the photo the person picks.
const PHOTO = { name: 'photo.png', mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') };
const LABEL = { en: 'Also share to Facebook', es: 'Compartir también en Facebook', de: 'Auch auf Facebook teilen' };
const NEW_POST = { en: 'New post', es: 'Nueva publicación', de: 'Neuer Beitrag' };
const NEXT = { en: 'Next', es: 'Siguiente', de: 'Weiter' };
const SHARE = { en: 'Share', es: 'Compartir', de: 'Teilen' };

let stage, browser, page;  // set up by useBrowser
useBrowser((env) => ({ stage, browser, page } = env));
beforeEach(async () => {
  await stageRequest(stage, '/__stage/reset', {});
});

/** Opens the new-post dialog on the feed; returns it and its Facebook switch. */
/** The stage's account state (linked unless said) and Crosslink's default, then the composer. */
async function composerWith(stageState, defaults) {
  await setState(stage, { linked: true, ...stageState });
  await setSettings(browser, settingsWith(defaults));
  return openComposer();
}

async function openComposer(locale = 'en') {
  await page.goto(FEED);
  await page.locator(`svg[aria-label="${NEW_POST[locale]}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return { dialog, fb: dialog.getByRole('switch', { name: LABEL[locale], includeHidden: true }) };
}

/** The person picks the photo and goes Next, Next: the step with the caption and the switch. */
async function toCaption(dialog, locale = 'en', file = PHOTO) {
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByRole('button', { name: NEXT[locale] }).click();
  await dialog.getByRole('button', { name: NEXT[locale] }).click();
}

/** The person presses Share (going through the steps first if needed); the stage's record. */
async function post(dialog, locale = 'en') {
  const share = dialog.getByRole('button', { name: SHARE[locale], exact: true });
  if (!(await share.isVisible())) await toCaption(dialog, locale);
  await share.click();
  const state = await until(() => getState(stage), (s) => s.posts.length === 1, { what: 'the post on the stage' });
  return state.posts[0];
}

const checked = (sw) => sw.getAttribute('aria-checked');
const note = (dialog) => dialog.locator('.crosslink-composer-note');

test('default on: Crosslink turns the switch on, says so, and the post goes to Facebook', async () => {
  const { dialog, fb } = await composerWith({ sharing: { posts: false } }, { applyDefault: true, shareToFacebook: true });
  await until(() => checked(fb), (v) => v === 'true', { what: 'the switch turned on' });
  await until(() => note(dialog).textContent(), (t) => t === 'Crosslink turned on “Also share to Facebook”, your default. Undo',
    { what: 'the note' });
  assert.equal(await note(dialog).getAttribute('role'), 'status');
  assert.equal((await getState(stage)).posts.length, 0, 'nothing posted by Crosslink');
  const made = await post(dialog);
  assert.equal(made.shareToFacebook, true);
  assert.equal(made.destinationType, 'USER');
});

test('undo puts the switch back and the post stays on Instagram only', async () => {
  const { dialog, fb } = await composerWith({ sharing: { posts: false } }, { applyDefault: true, shareToFacebook: true });
  await until(() => checked(fb), (v) => v === 'true', { what: 'the switch turned on' });
  await toCaption(dialog);
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await until(() => checked(fb), (v) => v === 'false', { what: 'the switch back off' });
  await until(() => note(dialog).textContent(), (t) => t === 'Undone: “Also share to Facebook” is off again.', { what: 'the undo note' });
  assert.equal((await post(dialog)).shareToFacebook, false);
});

test('a video resets the switch to the reels default: Crosslink sets it back and says so', async () => {
  const { dialog, fb } = await composerWith({ sharing: { posts: false, reels: false } }, { applyDefault: true, shareToFacebook: true });
  await until(() => checked(fb), (v) => v === 'true', { what: 'the switch turned on' });
  await toCaption(dialog, 'en', { name: 'clip.mp4', mimeType: 'video/mp4', buffer: Buffer.from('not really a video') });
  await until(() => note(dialog).textContent(), (t) => t === 'Instagram changed “Also share to Facebook”; Crosslink turned it back on, your default. Undo',
    { what: 'the note after the reset' });
  assert.equal(await checked(fb), 'true');
  const made = await post(dialog);
  assert.equal(made.shareToFacebook, true);
});

test('default off when the site would share: Crosslink turns it off', async () => {
  const { dialog, fb } = await composerWith({ sharing: { posts: true } }, { applyDefault: true, shareToFacebook: false });
  await until(() => checked(fb), (v) => v === 'false', { what: 'the switch turned off' });
  assert.equal(await note(dialog).textContent(), 'Crosslink turned off “Also share to Facebook”, your default. Undo');
  assert.equal((await post(dialog)).shareToFacebook, false);
});

// Nothing to do: the switch left as the site set it, no note, the post as the site would make it.
for (const [what, settings] of [
  ['setting off: the switch is left as the site set it, and no note', { applyDefault: false, shareToFacebook: false }],
  ['already as wanted: nothing is clicked and nothing is said', { applyDefault: true, shareToFacebook: true }],
]) {
  test(what, async () => {
    const { dialog, fb } = await composerWith({ sharing: { posts: true } }, settings);
    await page.waitForTimeout(800);
    assert.equal(await checked(fb), 'true');
    assert.equal(await note(dialog).count(), 0);
    assert.equal((await post(dialog)).shareToFacebook, true);
  });
}

test('the person\'s own change afterwards is theirs: Crosslink does not set it again', async () => {
  const { dialog, fb } = await composerWith({ sharing: { posts: false } }, { applyDefault: true, shareToFacebook: true });
  await until(() => checked(fb), (v) => v === 'true', { what: 'the switch turned on' });
  await toCaption(dialog);
  await fb.press(' ');  // by keyboard: the page turns the key into a click of its own
  await page.waitForTimeout(800);
  assert.equal(await checked(fb), 'false');
  assert.equal((await post(dialog)).shareToFacebook, false);
});

// In Instagram's language (the page's <html lang>): the switch found by its name there, the
// note speaking that language and quoting the switch, the post read back.
for (const c of [
  { what: 'Spanish: the switch is found by its Spanish name and the note quotes it', locale: 'es', layout: 'A', was: false, want: true,
    note: 'Crosslink activó «Compartir también en Facebook», tu opción predeterminada. Deshacer' },
  { what: 'German, default off, layout B (the switch last): turned off and read back', locale: 'de', layout: 'B', was: true, want: false,
    note: 'Crosslink hat „Auch auf Facebook teilen“ ausgeschaltet, deine Voreinstellung. Rückgängig' },
]) {
  test(c.what, async () => {
    await setState(stage, { linked: true, sharing: { posts: c.was }, locale: c.locale, layout: c.layout });
    await setSettings(browser, settingsWith({ applyDefault: true, shareToFacebook: c.want }));
    const { dialog, fb } = await openComposer(c.locale);
    await until(() => checked(fb), (v) => v === String(c.want), { what: `the switch turned ${c.want ? 'on' : 'off'}` });
    assert.equal(await note(dialog).textContent(), c.note);
    assert.equal((await post(dialog, c.locale)).shareToFacebook, c.want);
  });
}

test('not linked: there is no switch, and Crosslink adds nothing', async () => {
  const { dialog } = await composerWith({ linked: false }, { applyDefault: true, shareToFacebook: true });
  await page.waitForTimeout(800);
  assert.equal(await dialog.getByRole('switch', { name: LABEL.en, includeHidden: true }).count(), 0);
  assert.equal(await note(dialog).count(), 0);
  assert.equal((await post(dialog)).shareToFacebook, false);
});
