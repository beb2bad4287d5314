// The stage: a local replica of the Instagram, Accounts Center and Facebook pages the
// extension drives, answered by host name (the test browser maps the real host names
// here). Run directly (`make stage`) or started in-process by the tests.
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCert } from './cert.mjs';
import { classNames, esc, page } from './look.mjs';
import { accountsList } from './pages/accountscenter.mjs';
import { instagramHome } from './pages/instagram.mjs';
import { applyPatch, defaultState } from './state.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BODY = 1 << 20;

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
const sendJson = (res, status, value) => send(res, status, 'application/json', JSON.stringify(value));

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const notFound = () => page({
  title: 'Page not found',
  css: 'body{font-family:system-ui;text-align:center;padding:40px}',
  body: '<h2>Sorry, this page isn\'t available.</h2><p>The link you followed may be broken, or the page may have been removed.</p>',
});

/**
 * @param {{port?: number, host?: string, certDir?: string}} [options]
 * @returns {Promise<{port: number, origin: string, state: object, close: () => Promise<void>}>}
 */
export async function startStage({ port = 0, host = '127.0.0.1', certDir = path.join(ROOT, 'build/stage') } = {}) {
  const state = defaultState();
  const c = classNames();

  const pages = {
    'www.instagram.com': { '/': () => instagramHome(c, state) },
    'accountscenter.instagram.com': { '/accounts/': () => accountsList(c, state) },
  };

  async function handle(req, res) {
    const url = new URL(req.url, 'https://stage.invalid');
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();

    if (url.pathname === '/__stage/state') {
      if (req.method === 'GET') return sendJson(res, 200, state);
      if (req.method === 'POST') {
        let patch;
        try {
          patch = JSON.parse(await readBody(req));
        } catch (e) {
          return sendJson(res, 400, { error: `body is not JSON: ${e.message}` });
        }
        const problem = applyPatch(state, patch);
        return problem ? sendJson(res, 400, { error: problem }) : sendJson(res, 200, state);
      }
      return sendJson(res, 405, { error: 'GET or POST' });
    }

    const render = pages[hostName]?.[url.pathname];
    if (render && req.method === 'GET') return send(res, 200, 'text/html; charset=utf-8', render());
    if (!pages[hostName]) {
      const links = Object.keys(pages).map((h) => `<li>${esc(h)}</li>`).join('');
      return send(res, 200, 'text/html; charset=utf-8', page({
        title: 'Crosslink stage',
        css: 'body{font-family:system-ui;padding:24px}',
        body: `<h1>Crosslink stage</h1><p>This server answers for these hosts when a browser maps them here (see web/README.md):</p><ul>${links}</ul><p>State: <a href="/__stage/state">/__stage/state</a></p>`,
      }));
    }
    return send(res, 404, 'text/html; charset=utf-8', notFound());
  }

  const server = https.createServer(ensureCert(certDir), (req, res) => {
    handle(req, res).catch((e) => sendJson(res, 500, { error: String(e?.message ?? e) }));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return {
    port: actual,
    origin: `https://${host}:${actual}`,
    state,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stage = await startStage({ port: Number(process.env.STAGE_PORT ?? 8443) });
  console.log(`stage: ${stage.origin}`);
}
