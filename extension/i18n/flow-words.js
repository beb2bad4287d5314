// A flow's words, written once for the popup (popup.js imports this file) and the panel in
// the flow's page (a content script, listed before panel.js: content scripts cannot import
// modules): the outcome of an ended flow, and the consent asks (issue 17) — the question
// names the account; one answer button per choice, the person's one click; Cancel stays
// the way to say no. t(key, ...subs) is the caller's translator and m(key, ...subs) the
// same giving "" for a missing key (chrome.i18n's or i18n.js's, the same messages.json
// keys). A classic script defining one global, as format.js.
globalThis.crosslinkFlowWords ??= (() => {
  const ASKS = new Set(['confirm_account', 'confirm_unlink', 'choose_unlink']);
  const errorText = (t, m, name) => m(`error_${name}`) || t('error_unknown', name);
  return {
    ASKS,
    errorText,
    /**
     * What an ended flow did, from {status, flow, result, outcome, host}: result as the flow
     * record has it (facebookName, messaging {updated, offered}); host: the page the flow
     * could not read (outcome unreadable_page), when known.
     */
    outcomeText(t, m, v) {
      if (v.status === 'done') {
        const r = v.result ?? {};
        if (v.flow === 'link') return t('outcomeLinked', r.facebookName ?? '');
        if (v.flow === 'unlink') return t('outcomeUnlinked');
        if (v.flow === 'readStatus') return t('outcomeRead');
        if (v.flow === 'linkMessaging') return t(r.messaging?.offered === false ? 'outcomeMessagingNotOffered' : 'outcomeMessagingOn');
        if (v.flow === 'unlinkMessaging') return t(r.messaging?.updated === false ? 'outcomeMessagingNothing' : 'outcomeMessagingOff');
        return t('outcomeSharingSet');
      }
      const name = v.outcome ?? 'internal';
      if (name === 'unreadable_page' && v.host) return t('outcome_unreadable_host', String(v.host).slice(0, 100));
      return m(`outcome_${name}`) || t('outcomeFailed', errorText(t, m, name));
    },
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
