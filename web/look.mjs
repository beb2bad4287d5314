// Markup helpers shared by the stage's pages: obfuscated class names that change on
// every start (as on the real site, so nothing may depend on them), HTML escaping,
// icons, pictures and the page shell.
import crypto from 'node:crypto';
import { scrambleBody, transientScript } from './scramble.mjs';

/** c.someName → a random class like "x1f3a9c", stable for this server's lifetime. */
export function classNames() {
  const names = new Map();
  return new Proxy({}, {
    get(_, key) {
      if (typeof key !== 'string') return undefined;
      if (!names.has(key)) names.set(key, `x${crypto.randomBytes(4).toString('hex')}`);
      return names.get(key);
    },
  });
}

export const esc = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// Outline icons drawn after the real ones (24×24, 2px strokes); filled ones say so.
const ICON_PATHS = {
  Home: 'M9.005 16.545a2.997 2.997 0 0 1 2.997-2.997A2.997 2.997 0 0 1 15 16.545V22h7V11.543L12 2 2 11.543V22h7.005z',
  Search: 'M19 10.5A8.5 8.5 0 1 1 10.5 2a8.5 8.5 0 0 1 8.5 8.5zM16.511 16.511 22 22',
  Explore: 'M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20zM13.94 13.94 7.05 16.95l3.01-6.89 6.89-3.01z',
  Reels: 'M2.049 7.002h19.902M13.504 2.001l2.994 5.001M7.207 2.11l3.002 4.892M2 12.001v3.45c0 2.849.698 4.005 1.606 4.944.94.909 2.098 1.608 4.946 1.608h6.896c2.848 0 4.006-.7 4.946-1.608C21.302 19.455 22 18.3 22 15.45V8.552c0-2.849-.698-4.006-1.606-4.945C19.454 2.7 18.296 2 15.448 2H8.552c-2.848 0-4.006.699-4.946 1.607C2.698 4.547 2 5.703 2 8.552zM9.763 17.664a.908.908 0 0 1-.454-.787V11.63a.909.909 0 0 1 1.364-.788l4.545 2.624a.909.909 0 0 1 0 1.575l-4.545 2.624a.91.91 0 0 1-.91 0z',
  Direct: 'M12.003 2.001a9.705 9.705 0 1 1 0 19.4 10.876 10.876 0 0 1-2.895-.384.798.798 0 0 0-.533.04l-1.984.876a.801.801 0 0 1-1.123-.708l-.054-1.78a.806.806 0 0 0-.27-.569 9.49 9.49 0 0 1-3.14-7.175 9.65 9.65 0 0 1 10-9.7zM6.5 14.5l3-4 3 2.5 4.5-4.5',
  Notifications: 'M16.792 3.904A4.989 4.989 0 0 1 21.5 9.122c0 3.072-2.652 4.959-5.197 7.222-2.512 2.243-3.865 3.469-4.303 3.752-.477-.309-2.143-1.823-4.303-3.752C5.141 14.072 2.5 12.167 2.5 9.122a4.989 4.989 0 0 1 4.708-5.218 4.21 4.21 0 0 1 3.675 1.941c.84 1.175.98 1.763 1.12 1.763s.278-.588 1.11-1.766a4.17 4.17 0 0 1 3.679-1.938z',
  'New post': 'M2 12v3.45c0 2.849.698 4.005 1.606 4.944.94.909 2.098 1.608 4.946 1.608h6.896c2.848 0 4.006-.7 4.946-1.608C21.302 19.455 22 18.3 22 15.45V8.552c0-2.849-.698-4.006-1.606-4.945C19.454 2.7 18.296 2 15.448 2H8.552c-2.848 0-4.006.699-4.946 1.607C2.698 4.547 2 5.703 2 8.552zM6.545 12.001h10.91M12.003 6.545v10.91',
  Menu: 'M3 4h18M3 12h18M3 20h18',
  Comment: 'M20.656 17.008a9.993 9.993 0 1 0-3.59 3.615L22 22z',
  Share: 'M22 3 9.218 10.083M11.698 20.334 22 3.001H2l7.218 7.083 2.48 10.25z',
  Save: 'M20 21 12 13.44 4 21V3h16z',
  Close: 'M21 3 3 21M21 21 3 3',
  Back: 'M15 4 7 12l8 8',
  Chevron: 'M9 4l8 8-8 8',
  More: 'M6.5 12a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0zM13.5 12a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0zM20.5 12a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0z',
  Options: 'M12 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM19.4 13.5l2.1 1.6-2 3.5-2.5-1a7.6 7.6 0 0 1-2.3 1.3L14.3 21h-4.6l-.4-2.7A7.6 7.6 0 0 1 7 17l-2.5 1-2-3.5 2.1-1.6a7.7 7.7 0 0 1 0-3L2.5 8.4l2-3.5 2.5 1A7.6 7.6 0 0 1 9.3 4.6L9.7 2h4.6l.4 2.6A7.6 7.6 0 0 1 17 5.9l2.5-1 2 3.5-2.1 1.6a7.7 7.7 0 0 1 0 3.5z',
  Media: 'M6.549 5.013A1.557 1.557 0 1 0 8.106 6.57a1.557 1.557 0 0 0-1.557-1.557zM2 18.605l3.901-3.9a.908.908 0 0 1 1.284 0l2.807 2.806a.908.908 0 0 0 1.283 0l5.534-5.534a.908.908 0 0 1 1.283 0l3.905 3.905M18.44 2.004A3.56 3.56 0 0 1 22 5.564v12.873a3.56 3.56 0 0 1-3.56 3.56H5.568a3.56 3.56 0 0 1-3.56-3.56V5.563a3.56 3.56 0 0 1 3.56-3.56z',
  Lock: 'M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4',
  Person: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zM3.5 21a8.5 8.5 0 0 1 17 0',
  Link: 'M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4l-1.1 1.1M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.1-1.1',
  Mail: 'M3 5h18v14H3zM3 6l9 7 9-7',
  Pause: 'M8 4v16M16 4v16',
  Muted: 'M4 9h4l5-4v14l-5-4H4zM17 9l4 6M21 9l-4 6',
  Check: 'M4 12.5l5 5L20 6.5',
  Shield: 'M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5z',
  Info: 'M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20zM12 11v6M12 7v.5',
  Sharing: 'M7 7h10v10M7 17L17 7',
  Key: 'M14 10a4 4 0 1 0-3.5 3.9L8 16.5V19h2.5v-2h2l1.6-1.6A4 4 0 0 0 14 10z',
  Ads: 'M3 10v4h3l6 4V6L6 10zM16 9a4 4 0 0 1 0 6',
  Card: 'M3 6h18v12H3zM3 10h18',
  Globe: 'M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20zM2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20',
};
const FILLED = {
  Unlike: { d: ICON_PATHS.Notifications, fill: '#ff3040' },
  Facebook: { d: 'M12 2a10 10 0 0 0-1.6 19.9v-7H7.9V12h2.5V9.8c0-2.5 1.5-3.9 3.8-3.9 1.1 0 2.2.2 2.2.2v2.5h-1.3c-1.2 0-1.6.8-1.6 1.6V12h2.8l-.4 2.9h-2.3v7A10 10 0 0 0 12 2z', fill: '#0866ff' },
  Instagram: { d: 'M12 2.2c3.2 0 3.6 0 4.8.1 3.3.1 4.8 1.7 4.9 4.9.1 1.3.1 1.6.1 4.8s0 3.6-.1 4.8c-.1 3.2-1.7 4.8-4.9 4.9-1.3.1-1.6.1-4.8.1s-3.6 0-4.8-.1c-3.3-.1-4.8-1.7-4.9-4.9-.1-1.3-.1-1.6-.1-4.8s0-3.6.1-4.8C2.4 4 3.9 2.4 7.2 2.3c1.2-.1 1.6-.1 4.8-.1zm0 4.9a4.9 4.9 0 1 0 0 9.8 4.9 4.9 0 0 0 0-9.8zm0 8.1a3.2 3.2 0 1 1 0-6.4 3.2 3.2 0 0 1 0 6.4zm5.1-9.5a1.2 1.2 0 1 0 0 2.3 1.2 1.2 0 0 0 0-2.3z', fill: 'url(#igGradient)' },
  Meta: { d: 'M6.9 6C4.2 6 2 9.8 2 13.2 2 15.8 3.3 18 5.6 18c1.9 0 3.3-1.4 5-4.4l1.4-2.4 1.4 2.4c1.7 3 3.1 4.4 5 4.4 2.3 0 3.6-2.2 3.6-4.8C22 9.8 19.8 6 17.1 6c-1.9 0-3.4 1.6-5.1 4.3C10.3 7.6 8.8 6 6.9 6zm0 2.2c1.1 0 2.2 1.3 3.8 4.2-1.6 2.9-2.5 3.4-3.5 3.4-1 0-1.7-.9-1.7-2.7 0-2.5 1.2-4.9 1.4-4.9zm10.2 0c1.2 0 2.6 2.4 2.6 4.9 0 1.8-.7 2.7-1.7 2.7s-1.9-.5-3.5-3.4c1.6-2.9 1.7-4.2 2.6-4.2z', fill: '#0064e0' },
};

/** An inline SVG icon; with a label it is what assistive technology reads (as on the real site). */
export function icon(name, label = name, { size = 24, cls = '' } = {}) {
  const a11y = label ? `aria-label="${esc(label)}" role="img"` : 'aria-hidden="true"';
  const title = label ? `<title>${esc(label)}</title>` : '';
  const klass = cls ? ` class="${cls}"` : '';
  const filled = FILLED[name];
  if (filled) {
    const defs = name === 'Instagram'
      ? '<defs><linearGradient id="igGradient" x1="0" y1="1" x2="1" y2="0"><stop offset="0" stop-color="#feda75"/><stop offset=".35" stop-color="#fa7e1e"/><stop offset=".6" stop-color="#d62976"/><stop offset="1" stop-color="#4f5bd5"/></linearGradient></defs>' : '';
    return `<svg ${a11y}${klass} viewBox="0 0 24 24" width="${size}" height="${size}" fill="${filled.fill}">${title}${defs}<path d="${filled.d}"/></svg>`;
  }
  const d = ICON_PATHS[name] ?? ICON_PATHS.Menu;
  return `<svg ${a11y}${klass} viewBox="0 0 24 24" width="${size}" height="${size}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${title}<path d="${d}"/></svg>`;
}

const svgData = (svg) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

/** A picture for post n: a small inline SVG (no request), different per post. */
export function pictureFor(n, { w = 600, h = 600 } = {}) {
  const hue = (n * 47) % 360;
  const shape = n % 3 === 0
    ? `<circle cx="${w * 0.62}" cy="${h * 0.4}" r="${w * 0.16}" fill="hsl(${(hue + 50) % 360},90%,75%)"/>`
    : n % 3 === 1
      ? `<path d="M0 ${h * 0.75}L${w * 0.35} ${h * 0.4}L${w * 0.6} ${h * 0.62}L${w * 0.8} ${h * 0.45}L${w} ${h * 0.7}V${h}H0z" fill="hsl(${(hue + 200) % 360},35%,30%)"/>`
      : `<rect x="${w * 0.2}" y="${h * 0.2}" width="${w * 0.6}" height="${h * 0.6}" rx="${w * 0.08}" fill="none" stroke="#fff" stroke-width="${w * 0.03}"/>`;
  return svgData(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs><linearGradient id="g" x2="1" y2="1"><stop stop-color="hsl(${hue},70%,68%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},70%,45%)"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#g)"/>${shape}</svg>`);
}

/** A round avatar picture for a name: its initial on a colour of its own. */
export function avatarFor(name) {
  let hash = 0;
  for (const ch of String(name)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  const initial = esc([...String(name)][0]?.toUpperCase() ?? '?');
  return svgData(`<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="hsl(${hash % 360},45%,55%)"/><text x="40" y="53" font-family="Arial,sans-serif" font-size="36" fill="#fff" text-anchor="middle">${initial}</text></svg>`);
}

export const SPINNER = svgData('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><g stroke="#8e8e8e" stroke-width="6" stroke-linecap="round">' +
  Array.from({ length: 8 }, (_, i) => `<path opacity="${(0.2 + i * 0.1).toFixed(1)}" transform="rotate(${i * 45} 32 32)" d="M32 6v12"/>`).join('') + '</g></svg>');

export const CHECKMARK = svgData('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><circle cx="48" cy="48" r="44" fill="none" stroke="url(#g)" stroke-width="4"/><defs><linearGradient id="g" x2="1" y2="1"><stop stop-color="#feda75"/><stop offset=".5" stop-color="#d62976"/><stop offset="1" stop-color="#4f5bd5"/></linearGradient></defs><path d="M30 49l12 12 24-26" fill="none" stroke="url(#g)" stroke-width="4" stroke-linecap="round"/></svg>');

/**
 * The whole document; `script` is inline JS run at the end of the body. scramble:
 * {seed, key, hooks, label} reshapes the body (web/scramble.mjs) and adds the toast.
 */
export function page({ lang = 'en', title, css, body, script = '', scramble = null }) {
  if (scramble && scramble.seed !== null && scramble.seed !== undefined) {
    body = scrambleBody(body, scramble);
    script = `${script}\n${transientScript(scramble)}`;
  }
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>${body}${script ? `<script>${script}</script>` : ''}</body>
</html>`;
}

export const BASE_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:14px;line-height:18px;color:#0c1014;background:#fff}
a{color:inherit;text-decoration:none}
button,input,textarea{font:inherit;color:inherit}
[role=button]{cursor:pointer;user-select:none}
h1,h2,h3{margin:0}
`;

/**
 * A modal dialog as the real sites draw one: an overlay holding div[role=dialog].
 * c: class names; inner: its content; label: its accessible name.
 */
export function dialog(c, { label, inner, extraClass = '', hidden = false }) {
  return `<div class="${c.overlay}${extraClass ? ` ${extraClass}` : ''}"${hidden ? ' hidden' : ''}><div role="dialog" aria-modal="true" aria-label="${esc(label)}" class="${c.dialog}" tabindex="-1">${inner}</div></div>`;
}

export const DIALOG_CSS = (c) => `
.${c.overlay}{position:fixed;inset:0;background:rgba(0,0,0,.65);display:flex;align-items:center;justify-content:center;z-index:100}
.${c.overlay}[hidden]{display:none}
.${c.dialog}{background:#fff;border-radius:12px;width:400px;max-width:calc(100vw - 32px);max-height:calc(100vh - 40px);overflow:auto;text-align:center;outline:none}
`;
