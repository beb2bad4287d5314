// www.facebook.com / m.facebook.com: continue as an account, choose one, and the login
// form, whose every input is reported to the stage's audit log (the extension must
// never fill it: typed, pasted or set from script, it shows up there).
on('fb_continue', async (el, index) => {
  el.setAttribute('aria-disabled', 'true');
  const data = await graphql('facebook_continue', { account: Number(index) });
  location.assign(data.redirect);
});

// checkpoint: the person's code (its length and isTrusted reported, never the value), then on to the hand-off.
on('checkpoint_continue', async (el, _, event) => {
  const next = el.closest('[data-next]').getAttribute('data-next');
  const [field] = $$('checkpoint_field');
  await graphql('checkpoint', { length: field ? field.value.length : 0, trusted: Boolean(event && event.isTrusted) });
  location.assign(next);
});

// adsChoice: the person's choice (isTrusted reported), then the page they asked for.
on('ads_choice', async (el, choice, event) => {
  await graphql('ads_choice', { choice, trusted: Boolean(event && event.isTrusted) });
  location.reload();
});

// saveLoginInfo: the person's choice (isTrusted reported), then on to the hand-off.
on('save_login', async (el, choice, event) => {
  const next = el.closest('[data-next]').getAttribute('data-next');
  await graphql('save_login_info', { choice, trusted: Boolean(event && event.isTrusted) });
  location.assign(next);
});

const report = (field, how, el, trusted) => {
  const body = JSON.stringify({ field, how, length: el.value.length, trusted: Boolean(trusted) });
  fetch('/ajax/bz', { method: 'POST', credentials: 'same-origin', keepalive: true, headers: { 'content-type': 'application/json' }, body }).catch(() => {});
};
for (const el of $$('checkpoint_field')) el.addEventListener('input', (e) => report('checkpoint_code', 'input', el, e.isTrusted));
for (const el of $$('login_field')) {
  const field = el.name;
  let last = el.value;
  for (const type of ['input', 'change', 'paste']) {
    el.addEventListener(type, (e) => { last = el.value; report(field, type, el, e.isTrusted); });
  }
  // A value set from script fires no event: look for changes no event explained.
  setInterval(() => {
    if (el.value !== last) { last = el.value; report(field, 'value_changed_without_event', el, false); }
  }, 200);
}
const form = $('login_form');
if (form) {
  form.addEventListener('submit', (e) => {
    for (const el of $$('login_field')) report(el.name, 'submit', el, e.isTrusted);
  });
}

on('fb_share', async (el) => {
  const box = $('share_message');
  el.setAttribute('aria-disabled', 'true');
  await graphql('facebook_share', { url: new URL(location.href).searchParams.get('u') || '', message: box ? box.value : '' });
  const done = $('share_done');
  if (done) done.hidden = false;
  el.hidden = true;
});
