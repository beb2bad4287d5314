// The first-contact variants of issue 15 that are more than a switch in a page builder:
// the wordings Meta's real pages use besides the stage's own (FACTS.md, December 2026),
// and the person's-decision screens (a cookie banner, "Save your login info?"). Each is a
// key of the stage's state (web/state.mjs, documented in web/README.md).
import { dialog, esc } from './look.mjs';

/** finishWording → the finish button, per locale ("adding" and "allow": seen in en only). */
const FINISH = {
  adding: { en: 'Yes, finish adding', es: 'Sí, terminar de agregar', pt: 'Sim, concluir adição', de: 'Ja, Hinzufügen abschließen', fr: 'Oui, terminer l’ajout' },
  allow: { en: 'Allow and continue', es: 'Permitir y continuar', pt: 'Permitir e continuar', de: 'Zulassen und fortfahren', fr: 'Autoriser et continuer' },
};

const COOKIES = {
  title: { en: 'Allow the use of cookies from Meta on this browser?', es: '¿Permitir el uso de cookies de Meta en este navegador?', pt: 'Permitir o uso de cookies da Meta neste navegador?', de: 'Die Verwendung von Cookies von Meta in diesem Browser erlauben?', fr: 'Autoriser l’utilisation des cookies de Meta sur ce navigateur ?' },
  body: { en: 'We use cookies to help personalise content and to provide a safer experience. You can choose.', es: 'Usamos cookies para personalizar el contenido y ofrecer una experiencia más segura. Tú eliges.', pt: 'Usamos cookies para personalizar o conteúdo e oferecer uma experiência mais segura. Você escolhe.', de: 'Wir verwenden Cookies, um Inhalte zu personalisieren und für mehr Sicherheit. Du entscheidest.', fr: 'Nous utilisons des cookies pour personnaliser le contenu et pour plus de sécurité. À vous de choisir.' },
  allow: { en: 'Allow all cookies', es: 'Permitir todas las cookies', pt: 'Permitir todos os cookies', de: 'Alle Cookies erlauben', fr: 'Autoriser tous les cookies' },
  decline: { en: 'Decline optional cookies', es: 'Rechazar cookies opcionales', pt: 'Recusar cookies opcionais', de: 'Optionale Cookies ablehnen', fr: 'Refuser les cookies optionnels' },
};

const SAVE_LOGIN = {
  title: { en: 'Save your login info?', es: '¿Guardar tu información de inicio de sesión?', pt: 'Salvar suas informações de login?', de: 'Deine Login-Informationen speichern?', fr: 'Enregistrer vos informations de connexion ?' },
  body: { en: "We'll remember your login info for you on this browser, so you won't need to enter it next time.", es: 'Recordaremos tu información de inicio de sesión en este navegador.', pt: 'Vamos lembrar suas informações de login neste navegador.', de: 'Wir merken uns deine Login-Informationen in diesem Browser.', fr: 'Nous mémoriserons vos informations de connexion sur ce navigateur.' },
  save: { en: 'Save', es: 'Guardar', pt: 'Salvar', de: 'Speichern', fr: 'Enregistrer' },
  not_now: { en: 'Not now', es: 'Ahora no', pt: 'Agora não', de: 'Jetzt nicht', fr: 'Pas maintenant' },
};

const REAUTH = {
  title: { en: "Confirm it's you", es: 'Confirma que eres tú', pt: 'Confirme que é você', de: 'Bestätige, dass du es bist', fr: 'Confirmez qu’il s’agit bien de vous' },
  body: { en: 'For your security, enter your password to continue.', es: 'Por tu seguridad, introduce tu contraseña para continuar.', pt: 'Para sua segurança, insira sua senha para continuar.', de: 'Gib zu deiner Sicherheit dein Passwort ein, um fortzufahren.', fr: 'Pour votre sécurité, saisissez votre mot de passe pour continuer.' },
  password: { en: 'Password', es: 'Contraseña', pt: 'Senha', de: 'Passwort', fr: 'Mot de passe' },
  continue: { en: 'Continue', es: 'Continuar', pt: 'Continuar', de: 'Weiter', fr: 'Continuer' },
};
export const reauthText = (locale, id) => REAUTH[id][locale] ?? REAUTH[id].en;

// newPassword: when both accounts share one password, Meta first asks for a new Facebook
// password before it removes the account (FACTS.md, December 2026: seen).
const NEW_PASSWORD = {
  title: { en: 'Create a new Facebook password', es: 'Crea una nueva contraseña de Facebook', pt: 'Crie uma nova senha do Facebook', de: 'Erstelle ein neues Facebook-Passwort', fr: 'Créez un nouveau mot de passe Facebook' },
  body: { en: 'Your Facebook and Instagram accounts use the same password. Create a new password for Facebook before you remove it.', es: 'Tus cuentas de Facebook e Instagram usan la misma contraseña. Crea una nueva contraseña para Facebook antes de eliminarla.', pt: 'Suas contas do Facebook e do Instagram usam a mesma senha. Crie uma nova senha para o Facebook antes de removê-la.', de: 'Dein Facebook- und dein Instagram-Konto haben dasselbe Passwort. Erstelle ein neues Passwort für Facebook, bevor du es entfernst.', fr: 'Vos comptes Facebook et Instagram utilisent le même mot de passe. Créez un nouveau mot de passe pour Facebook avant de le supprimer.' },
  password: { en: 'New password', es: 'Contraseña nueva', pt: 'Nova senha', de: 'Neues Passwort', fr: 'Nouveau mot de passe' },
  continue: { en: 'Continue', es: 'Continuar', pt: 'Continuar', de: 'Weiter', fr: 'Continuer' },
};
export const newPasswordText = (locale, id) => NEW_PASSWORD[id][locale] ?? NEW_PASSWORD[id].en;

export const cookieText = (locale, id) => COOKIES[id][locale] ?? COOKIES[id].en;
export const saveLoginText = (locale, id) => SAVE_LOGIN[id][locale] ?? SAVE_LOGIN[id].en;
export const finishText = (locale, wording) => FINISH[wording]?.[locale] ?? null;

/**
 * The page's text function with the state's wording variants: finishWording, and
 * accountsCentre (en: "Accounts Centre", the en-GB spelling, everywhere it is named).
 */
export function variantTexts(state, t) {
  return (id, vars) => {
    let s = id === 'ac.finish.yes' && FINISH[state.finishWording] ? finishText(state.locale, state.finishWording) : t(id, vars);
    if (state.accountsCentre && state.locale === 'en') s = s.replace(/Accounts Center/g, 'Accounts Centre');
    s = unknownWordingText(state, id, s);
    return s;
  };
}

/** The cookie banner: a modal dialog, the person's choice (the page reports isTrusted). */
export function cookieBanner(ctx) {
  const { c, h, state } = ctx;
  const ct = (id) => cookieText(state.locale, id);
  const btn = (choice, label, kind) => `<div role="button" tabindex="0" class="${c.dlgBtn} ${c[kind]} ${h(`cookies:${choice}`)}">${esc(label)}</div>`;
  const inner = `<h2 class="${c.dlgTitle}">${esc(ct('title'))}</h2><p class="${c.dlgText}">${esc(ct('body'))}</p>${btn('allow', ct('allow'), 'dlgPrimary')}${btn('decline', ct('decline'), 'dlgBtnPlain')}`;
  return dialog(c, { label: ct('title'), inner, extraClass: h('overlay') });
}

// checkpoint: two-factor authentication on Facebook between "Continue" and the hand-off
// (FACTS.md, December 2026: checkpoints, /two_step_verification/authentication/).
const CHECKPOINT = {
  title: { en: 'Two-factor authentication', es: 'Autenticación en dos pasos', pt: 'Autenticação de dois fatores', de: 'Zweistufige Authentifizierung', fr: 'Authentification à deux facteurs' },
  body: { en: 'Enter the 6-digit code we sent to your phone.', es: 'Introduce el código de 6 dígitos que enviamos a tu teléfono.', pt: 'Insira o código de 6 dígitos que enviamos para o seu celular.', de: 'Gib den 6-stelligen Code ein, den wir an dein Telefon gesendet haben.', fr: 'Saisissez le code à 6 chiffres envoyé sur votre téléphone.' },
  code: { en: 'Code', es: 'Código', pt: 'Código', de: 'Code', fr: 'Code' },
  continue: { en: 'Continue', es: 'Continuar', pt: 'Continuar', de: 'Weiter', fr: 'Continuer' },
};
export const checkpointText = (locale, id) => CHECKPOINT[id][locale] ?? CHECKPOINT[id].en;

/** The checkpoint's content: a code only the person has, never us. */
export function checkpointInner(ctx) {
  const { c, h, state } = ctx;
  const ct = (id) => checkpointText(state.locale, id);
  const id = `${c.lbl ?? 'x'}_code`;
  return `<h2 class="${c.h}">${esc(ct('title'))}</h2><p class="${c.p}">${esc(ct('body'))}</p>
<label for="${id}">${esc(ct('code'))}</label><input id="${id}" inputmode="numeric" autocomplete="one-time-code" class="${h('checkpoint_field')}">
<div role="button" tabindex="0" class="${c.blue} ${h('checkpoint_continue')}">${esc(ct('continue'))}</div>`;
}

/** "Save your login info?" on www.facebook.com, between "Continue" and the hand-off. */
export function saveLoginInner(ctx) {
  const { c, h, state } = ctx;
  const st = (id) => saveLoginText(state.locale, id);
  return `<h2 class="${c.h}">${esc(st('title'))}</h2><p class="${c.p}">${esc(st('body'))}</p>
<div role="button" tabindex="0" class="${c.blue} ${h('save_login:save')}">${esc(st('save'))}</div>
<div role="button" tabindex="0" class="${c.link} ${h('save_login:not_now')}">${esc(st('not_now'))}</div>`;
}

// ---- Guided steps (issue 16): a wording the core does not know, for one step ----
// unknownWording: null, or which step's button or switch has a new name no shipped wording
// of the core matches (core/data/texts.*.json): the flow goes guided there, the person
// clicks it, and may teach it. "finish": link's "Yes, finish setup"; "remove": unlink's
// "Remove account" on the Facebook account's page; "posts": the posts sharing switch.
export const UNKNOWN_WORDINGS = ['finish', 'remove', 'posts'];
const UNKNOWN = {
  finish: { ids: ['ac.finish.yes'], text: { en: 'Yes, connect these accounts', es: 'Sí, conectar estas cuentas', pt: 'Sim, conectar estas contas', de: 'Ja, diese Konten verbinden', fr: 'Oui, connecter ces comptes' } },
  remove: { ids: ['ac.detail.remove_a', 'ac.detail.remove_b'], text: { en: 'Disconnect this account', es: 'Desconectar esta cuenta', pt: 'Desconectar esta conta', de: 'Dieses Konto trennen', fr: 'Déconnecter ce compte' } },
  posts: { ids: ['ac.sharing.posts'], text: { en: 'Post to Facebook automatically', es: 'Publicar en Facebook automáticamente', pt: 'Publicar no Facebook automaticamente', de: 'Automatisch auf Facebook posten', fr: 'Publier sur Facebook automatiquement' } },
};
export const unknownWording = (variant, locale) => UNKNOWN[variant]?.text[locale] ?? UNKNOWN[variant]?.text.en ?? null;
function unknownWordingText(state, id, s) {
  const v = UNKNOWN[state.unknownWording];
  return v && v.ids.includes(id) ? unknownWording(state.unknownWording, state.locale) : s;
}
// ---- issue 17 (safety): a finish screen that shows a spinner --------------------------
/**
 * finishSpinner (ms, 0 = off): "Yes, finish setup" stays as it is (not busy) while a
 * spinner (role status) shows for that long, then the link is made. An unrelated element
 * appearing after a click is not the click's effect: the flow must not click again.
 */
export const finishSpinnerAttr = (state) => (state.finishSpinner ? ` data-stage-spinner="${Number(state.finishSpinner)}"` : '');
