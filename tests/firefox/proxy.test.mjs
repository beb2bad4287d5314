// The tier's guard itself: the proxy tunnels the stage hosts (on 443) to the stage and
// refuses and records anything else, so "no foreign request" in the other files means it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { STAGE_HOSTS, startStage } from './harness.mjs';
import { startProxy } from './proxy.mjs';

let stage;
let proxy;
before(async () => {
  stage = await startStage();
  proxy = await startProxy(stage, STAGE_HOSTS);
});
after(async () => {
  await proxy?.close();
  await stage?.close();
});

/** CONNECT through the proxy: the status line it answered, and the socket when it tunnelled. */
const connect = (target) => new Promise((resolve, reject) => {
  const req = http.request({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: target });
  req.on('connect', (res, socket) => resolve({ status: res.statusCode, socket }));
  req.on('error', reject);
  req.end();
});

test('a stage host on 443 is tunnelled to the stage (TLS to the real name answers from it)', async () => {
  const { status, socket } = await connect('www.instagram.com:443');
  assert.equal(status, 200);
  const body = await new Promise((resolve, reject) => {
    const req = https.request({ host: 'www.instagram.com', path: '/__stage/state', createConnection: () => tls.connect({ socket, servername: 'www.instagram.com', rejectUnauthorized: false }) },
      (res) => { let t = ''; res.on('data', (d) => { t += d; }); res.on('end', () => resolve(JSON.parse(t))); });
    req.on('error', reject);
    req.end();
  });
  assert.equal(typeof body.linked, 'boolean', 'the stage\'s own state came back');
  socket.destroy();
  assert.deepEqual(proxy.tunnelled, ['www.instagram.com:443']);
});

test('any other host, another port or plain HTTP is refused and recorded', async () => {
  for (const target of ['example.com:443', 'x.com:443', 'www.instagram.com:80', 'firefox.settings.services.mozilla.com:443']) {
    const { status, socket } = await connect(target);
    socket.destroy();
    assert.equal(status, 403, target);
  }
  const plain = await new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port: proxy.port, path: 'http://detectportal.firefox.com/success.txt' }, (res) => { res.resume(); resolve(res.statusCode); });
  });
  assert.equal(plain, 403);
  assert.deepEqual(proxy.refused, ['CONNECT example.com:443', 'CONNECT x.com:443', 'CONNECT www.instagram.com:80',
    'CONNECT firefox.settings.services.mozilla.com:443', 'GET http://detectportal.firefox.com/success.txt']);
});
