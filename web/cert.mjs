// A self-signed certificate for the stage's hosts, made once with openssl and kept under
// build/stage/ (the test browser runs with --ignore-certificate-errors).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Accounts Center at each address Meta serves it (FACTS.md, December 2026). */
export const ACCOUNTS_CENTER_HOSTS = ['accountscenter.instagram.com', 'accountscenter.facebook.com', 'accountscenter.meta.com'];
/** Where Facebook's login step can be (FACTS.md, December 2026: www, m, web or touch). */
export const FACEBOOK_LOGIN_HOSTS = ['www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'touch.facebook.com'];
/** Where the linking hand-off (/fxauth/) can pass (FACTS.md, December 2026). */
export const HAND_OFF_HOSTS = ['m.facebook.com', 'auth.meta.com'];
/** Every host the stage answers for: the tests' browsers map these (and only these) to it. */
export const STAGE_HOSTS = [...new Set(['www.instagram.com', ...ACCOUNTS_CENTER_HOSTS, ...FACEBOOK_LOGIN_HOSTS, ...HAND_OFF_HOSTS])];

/**
 * The key and certificate naming every stage host, kept in dir/<hash of the hosts>/: a new
 * host makes a new pair. Made in a temporary folder and renamed into place, so stages
 * starting side by side never read one's key with the other's certificate.
 */
export function ensureCert(dir) {
  const id = crypto.createHash('sha256').update(STAGE_HOSTS.join(',')).digest('hex').slice(0, 12);
  const made = path.join(dir, id);
  if (!fs.existsSync(path.join(made, 'cert.pem'))) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    const san = ['IP:127.0.0.1', ...STAGE_HOSTS.map((h) => `DNS:${h}`)].join(',');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650',
      '-subj', '/CN=crosslink-stage', '-addext', `subjectAltName=${san}`,
      '-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem'),
    ], { stdio: 'ignore' });
    try {
      fs.renameSync(tmp, made);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true });  // another stage made it first
    }
  }
  return { key: fs.readFileSync(path.join(made, 'key.pem')), cert: fs.readFileSync(path.join(made, 'cert.pem')) };
}
