// A self-signed certificate for the stage's hosts, made once with openssl and kept in
// build/stage/ (the test browser runs with --ignore-certificate-errors).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Accounts Center at each address Meta serves it (FACTS.md, December 2026). */
export const ACCOUNTS_CENTER_HOSTS = ['accountscenter.instagram.com', 'accountscenter.facebook.com', 'accountscenter.meta.com'];
/** Every host the stage answers for: the tests' browsers map these (and only these) to it. */
export const STAGE_HOSTS = [
  'www.instagram.com', ...ACCOUNTS_CENTER_HOSTS, 'www.facebook.com', 'm.facebook.com',
];

export function ensureCert(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) {
    fs.mkdirSync(dir, { recursive: true });
    const san = ['IP:127.0.0.1', ...STAGE_HOSTS.map((h) => `DNS:${h}`)].join(',');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650',
      '-subj', '/CN=crosslink-stage', '-addext', `subjectAltName=${san}`,
      '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}
