// accountscenter.instagram.com: finish setup, profile sync, removal, sharing switches.
// The token Facebook handed over is in this page's address (/add/confirm/?etoken=…, or
// with linkSteps "dialogs" /add/?auth_flow=…&token=…, where the sync step is a dialog
// that replaces the finish dialog in place).
on('finish', async (el) => {
  // finishSpinner (web/variants.mjs): the button stays as it is; a spinner elsewhere shows a while.
  const spinner = Number(el.dataset.stageSpinner || 0);
  if (spinner) {
    const status = document.createElement('div');
    status.setAttribute('role', 'status');
    status.textContent = 'Loading…';
    document.body.append(status);
    await new Promise((r) => setTimeout(r, spinner));
  } else {
    el.setAttribute('aria-disabled', 'true');
  }
  try {
    const params = new URL(location.href).searchParams;
    await graphql('link', { etoken: params.get('etoken') || params.get('token') || '' });
    if ($('tpl:sync')) {
      closeDialog(el);
      const url = new URL(location.href);
      url.searchParams.set('step', 'sync');
      history.replaceState(null, '', url.href);
      openDialog('sync');
      return;
    }
    location.assign('/add/sync/');
  } catch (e) {
    el.removeAttribute('aria-disabled');
    throw e;
  }
});

on('sync', async (el, choice) => {
  await graphql('sync_profile', { sync: choice === 'on' });
  location.assign('/accounts/');
});

on('remove', () => openDialog('remove_intro'));
on('remove_continue', (el) => {
  closeDialog(el);
  openDialog('remove_confirm');
});
on('remove_confirm', async (el) => {
  el.setAttribute('aria-disabled', 'true');
  try {
    await graphql('remove_account');
  } catch (e) {
    // confirmIdentity: Meta asks the person to confirm it's them first.
    if (e && e.data && e.data.message === 'reauth_required') { location.assign(`/reauth/?next=${encodeURIComponent(location.pathname)}`); return; }
    // newPassword: Meta asks for a new Facebook password first.
    if (e && e.data && e.data.message === 'new_password_required') { location.assign(`/new_password/?next=${encodeURIComponent(location.pathname)}`); return; }
    throw e;
  }
  location.assign('/accounts/');
});

// "Confirm it's you", "Create a new Facebook password" and "Add your birthday": every input
// into the field is reported (trusted or not, never the value); "Continue" is the person's decision.
for (const [hook, field, action] of [['reauth', 'reauth_pass', 'confirm_identity'], ['newpass', 'new_pass', 'new_password'], ['birthday', 'birthday', 'birthday']]) {
  for (const el of $$(`${hook}_field`)) {
    el.addEventListener('input', (e) => {
      const body = JSON.stringify({ field, how: 'input', length: el.value.length, trusted: e.isTrusted });
      fetch('/ajax/bz', { method: 'POST', credentials: 'same-origin', keepalive: true, headers: { 'content-type': 'application/json' }, body }).catch(() => {});
    });
  }
  on(`${hook}_continue`, async (el, _, event) => {
    const input = $(`${hook}_field`);
    await graphql(action, { length: input.value.length, trusted: Boolean(event && event.isTrusted) });
    location.assign(el.closest('[data-next]').getAttribute('data-next'));
  });
}

// A switch shows what the server answered, never what was asked for. (The scrambler may
// draw one as a plain checkbox, read by .checked: the browser has toggled it already.)
on('switch', async (el, key) => {
  const plain = !el.hasAttribute('aria-checked');
  const wanted = plain ? el.checked : el.getAttribute('aria-checked') !== 'true';
  el.setAttribute('aria-disabled', 'true');
  try {
    const data = await graphql('set_switch', { key, value: wanted });
    const now = Boolean(data.sharing && data.sharing[key]);
    if (!plain) el.setAttribute('aria-checked', String(now));
    if (el.tagName === 'INPUT') el.checked = now;
  } finally {
    el.removeAttribute('aria-disabled');
  }
});
