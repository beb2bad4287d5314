// www.facebook.com / m.facebook.com: continue as an account, choose one, and the login
// form, whose every input is reported to the stage's audit log (the extension must
// never fill it: typed, pasted or set from script, it shows up there).
on('fb_continue', async (el, index) => {
  el.setAttribute('aria-disabled', 'true');
  const data = await graphql('facebook_continue', { account: Number(index) });
  location.assign(data.redirect);
});

const report = (field, how, el, trusted) => {
  const body = JSON.stringify({ field, how, length: el.value.length, trusted: Boolean(trusted) });
  fetch('/ajax/bz', { method: 'POST', credentials: 'same-origin', keepalive: true, headers: { 'content-type': 'application/json' }, body }).catch(() => {});
};

// checkpoint and facebookPassword: what the person types (its length and isTrusted
// reported, never the value), then on to the hand-off.
for (const [hook, field, action] of [['checkpoint', 'checkpoint_code', 'checkpoint'], ['fb_password', 'fb_pass', 'facebook_password']]) {
  on(`${hook}_continue`, async (el, _, event) => {
    const next = el.closest('[data-next]').getAttribute('data-next');
    const [input] = $$(`${hook}_field`);
    await graphql(action, { length: input ? input.value.length : 0, trusted: Boolean(event && event.isTrusted) });
    location.assign(next);
  });
  for (const el of $$(`${hook}_field`)) el.addEventListener('input', (e) => report(field, 'input', el, e.isTrusted));
}

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
