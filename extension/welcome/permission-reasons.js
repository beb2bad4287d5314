// Why Crosslink asks for each permission it declares, as an i18n key: the welcome page
// explains new ones after an update, the store kit's listing uses the same words, and the
// store checklist test makes sure every permission in the manifest has one.
export const PERMISSION_REASONS = {
  storage: 'permWhy_storage',
  scripting: 'permWhy_scripting',
  'https://www.instagram.com/*': 'permWhy_instagram',
  'https://accountscenter.instagram.com/*': 'permWhy_accountscenter',
  'https://www.facebook.com/*': 'permWhy_facebook',
  'https://m.facebook.com/*': 'permWhy_facebook',
  'https://web.facebook.com/*': 'permWhy_facebook',
  'https://touch.facebook.com/*': 'permWhy_facebook',
  'https://auth.meta.com/*': 'permWhy_meta',
  'https://accountscenter.facebook.com/*': 'permWhy_meta',
  'https://accountscenter.meta.com/*': 'permWhy_meta',
};

/** Every permission and host permission a manifest asks for (optional ones included). */
export function declaredPermissions(manifest) {
  return [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
}
