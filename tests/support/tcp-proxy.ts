import net from 'node:net';

/**
 * A loopback TCP proxy between the app and its database, for fault tests:
 * - `drop()` cuts every open connection (the database "restarted" or the network broke);
 * - `refuse(true)` closes new connections at once (the database is down);
 * - `blackhole(true)` accepts connections and swallows all bytes both ways, answering nothing
 *   (a hung host, a dropped network path);
 * - `delay(ms)` holds every chunk that long in each direction.
 */
export interface TcpProxy {
  port: number;
  /** `postgres://…` of the target with host and port replaced by the proxy's. */
  urlFor(targetUrl: string): string;
  drop(): void;
  refuse(on: boolean): void;
  blackhole(on: boolean): void;
  delay(ms: number): void;
  /** Connections currently open through the proxy. */
  connections(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let refusing = false;
  let swallowing = false;
  let delayMs = 0;

  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => {
      if (swallowing) return;
      if (delayMs > 0) setTimeout(() => to.destroyed || to.write(chunk), delayMs);
      else to.write(chunk);
    });
  };

  const server = net.createServer((client) => {
    if (refusing) return void client.destroy();
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  const drop = () => {
    for (const { client, upstream } of pairs) {
      client.resetAndDestroy(); // the app sees ECONNRESET, as when a database host goes away
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    port,
    urlFor(targetUrl) {
      const url = new URL(targetUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    drop,
    refuse(on) {
      refusing = on;
    },
    blackhole(on) {
      swallowing = on;
    },
    delay(ms) {
      delayMs = ms;
    },
    connections: () => pairs.size,
    async close() {
      drop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
