// Markup helpers shared by the stage's pages: obfuscated class names that change on
// every start (as on the real site, so nothing may depend on them), HTML escaping,
// icons and the page shell.
import crypto from 'node:crypto';

/** c.someName → a random class like "x1f3a9c", stable for this server's lifetime. */
export function classNames() {
  const names = new Map();
  return new Proxy({}, {
    get(_, key) {
      if (!names.has(key)) names.set(key, `x${crypto.randomBytes(4).toString('hex')}`);
      return names.get(key);
    },
  });
}

export const esc = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const ICON_PATHS = {
  Home: 'M9 21V13h6v8M3 10l9-7 9 7v11H3z',
  Search: 'M10.5 18a7.5 7.5 0 1 1 0-15 7.5 7.5 0 0 1 0 15zM16 16l5 5',
  Explore: 'M12 21a9 9 0 1 1 0-18 9 9 0 0 1 0 18zM15.5 8.5l-2 5-5 2 2-5z',
  Reels: 'M3 6a3 3 0 0 1 3-3h12a3 3 0 0 1 3 3v12a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3zM3 8h18M10 9.5v6l5-3z',
  Messenger: 'M12 3C7 3 3 6.7 3 11.3c0 2.6 1.3 4.9 3.3 6.4V21l3-1.7c.9.3 1.8.4 2.7.4 5 0 9-3.7 9-8.4S17 3 12 3zM7 13l3-3 2.5 2L16 9',
  Notifications: 'M12 20.5s-8-4.6-8-10.2A4.3 4.3 0 0 1 12 8a4.3 4.3 0 0 1 8 2.3c0 5.6-8 10.2-8 10.2z',
  'New post': 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM12 7v10M7 12h10',
  Settings: 'M4 6h16M4 12h16M4 18h16',
  Like: 'M12 20.5s-8-4.6-8-10.2A4.3 4.3 0 0 1 12 8a4.3 4.3 0 0 1 8 2.3c0 5.6-8 10.2-8 10.2z',
  Comment: 'M20.5 12a8.5 8.5 0 1 1-3.2-6.6A8.5 8.5 0 0 1 20.5 12zM20.5 20.5l-2-4.5',
  Share: 'M22 3L9.2 10.1M22 3l-7 19-3.8-8.9L2 9.8z',
  Save: 'M19 21l-7-6-7 6V3h14z',
  Close: 'M6 6l12 12M18 6L6 18',
  Back: 'M15 5l-7 7 7 7',
};

/** An inline SVG icon; with a label it is what assistive technology reads (as on the real site). */
export function icon(name, label = name) {
  const d = ICON_PATHS[name] ?? ICON_PATHS.Settings;
  const a11y = label ? `aria-label="${esc(label)}" role="img"` : 'aria-hidden="true"';
  return `<svg ${a11y} viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><title>${esc(label)}</title><path d="${d}"/></svg>`;
}

export function page({ lang = 'en', title, css, body }) {
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>${body}</body>
</html>`;
}

export const BASE_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:14px;color:#0c1014;background:#fff}
a{color:inherit;text-decoration:none}
button{font:inherit}
`;
