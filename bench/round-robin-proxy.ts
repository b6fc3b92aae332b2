import http from 'node:http';

/**
 * A small loopback HTTP proxy handing requests to its targets in turn (bench:load's two-instance
 * run). `node bin/run-ts.mjs bench/round-robin-proxy.ts http://127.0.0.1:3001 http://127.0.0.1:3002`
 * prints `listening <port>` once it takes connections.
 */
const targets = process.argv.slice(2).map((t) => new URL(t));
if (targets.length === 0) {
  console.error('usage: round-robin-proxy.ts <target url>…');
  process.exit(2);
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
let turn = 0;
const server = http.createServer((req, res) => {
  const target = targets[turn++ % targets.length]!;
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
