// Firefox has no --host-resolver-rules: every request goes through this local proxy
// instead (network.proxy.* prefs, see harness.mjs). CONNECT to one of the stage's hosts
// on 443 is tunnelled to the stage; anything else — another host, another port, plain
// HTTP — is refused and recorded, so a test can assert that nothing left the stage.
import http from 'node:http';
import net from 'node:net';

/**
 * @param {{port: number}} stage  the running stage (web/server.mjs startStage)
 * @param {string[]} hosts        the host names tunnelled to it
 * @returns {Promise<{port: number, tunnelled: string[], refused: string[], close: () => Promise<void>}>}
 */
export async function startProxy(stage, hosts) {
  const allowed = new Set(hosts);
  const tunnelled = [];
  const refused = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    // A plain-HTTP request through a proxy names an absolute URL: never forwarded.
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' }).end('refused by the test proxy\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, client, head) => {
    const [host, port] = req.url.split(':');
    if (!allowed.has(host) || port !== '443') {
      refused.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    tunnelled.push(req.url);
    const upstream = net.connect(stage.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    tunnelled,
    refused,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
