// accountscenter.instagram.com: finish setup, profile sync, removal, sharing switches.
// The token Facebook handed over is in this page's address (/add/confirm/?etoken=…).
on('finish', async (el) => {
  el.setAttribute('aria-disabled', 'true');
  try {
    await graphql('link', { etoken: new URL(location.href).searchParams.get('etoken') || '' });
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
  await graphql('remove_account');
  location.assign('/accounts/');
});

// A switch shows what the server answered, never what was asked for.
on('switch', async (el, key) => {
  const wanted = el.getAttribute('aria-checked') !== 'true';
  el.setAttribute('aria-disabled', 'true');
  try {
    const data = await graphql('set_switch', { key, value: wanted });
    const now = Boolean(data.sharing && data.sharing[key]);
    el.setAttribute('aria-checked', String(now));
    if (el.tagName === 'INPUT') el.checked = now;
  } finally {
    el.removeAttribute('aria-disabled');
  }
});
