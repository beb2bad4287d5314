// The consent asks (issue 17) in words, written once for the popup (popup.js imports this
// file) and the panel in the flow's page (a content script, listed before panel.js: content
// scripts cannot import modules). The question names the account; one answer button per
// choice, the person's one click; Cancel stays the way to say no. t is the caller's
// translator (chrome.i18n's or i18n.js's, the same messages.json keys). A classic script
// defining one global, as format.js.
globalThis.crosslinkConsent ??= (() => {
  const ASKS = new Set(['confirm_account', 'confirm_unlink', 'choose_unlink']);
  return {
    ASKS,
    /** The question of an ask (a consent ask names the account; the others are ask_<reason>). */
    askText(t, v) {
      const [first = ''] = v.choices ?? [];
      if (v.asked === 'confirm_account') return first ? t('ask_confirm_account', first) : t('ask_confirm_account_unnamed');
      if (v.asked === 'confirm_unlink') return t('ask_confirm_unlink', first);
      return t(`ask_${v.asked}`);
    },
    /** The answers offered: a name each, or '' for "the account Facebook shows" (no name readable). */
    choices: (v) => (!ASKS.has(v.asked) ? [] : v.asked === 'confirm_account' && !v.choices?.length ? [''] : (v.choices ?? [])),
    /** The label of the button that answers with choice c. */
    label: (t, v, c) => (v.asked === 'confirm_account' ? (c ? t('answerLink', c) : t('answerLinkUnnamed')) : t('answerUnlink', c)),
  };
})();
