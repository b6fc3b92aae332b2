import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Mutex } from './mutex.ts';
import type { SharedSocket } from './data-dir-lock.ts';

export interface EmbeddedSocketOptions {
  socket: SharedSocket;
  /** A client holding the database inside a transaction without sending anything is cut off after this. */
  idleInTransactionTimeoutMs: number;
  onError?: (error: Error) => void;
}

export interface EmbeddedSocketServer {
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const PROTOCOL_3 = 196608;

/**
 * Serves the embedded database over a Unix socket in the PostgreSQL wire protocol, so that
 * other processes (the CLI while `cairn serve` runs) use it through the ordinary `pg` driver
 * instead of opening the data directory a second time.
 *
 * PGlite has one session. A client takes the app's mutex with its first message and keeps it
 * until PGlite reports the session idle again (ReadyForQuery 'I'), so a client's transaction
 * never interleaves with the server's own queries. The socket lives in a directory only the
 * owner may enter, is itself 0600, and asks for the password written to the 0600 lock file.
 */
export async function serveEmbeddedDatabase(
  pglite: PGlite,
  mutex: Mutex,
  options: EmbeddedSocketOptions,
): Promise<EmbeddedSocketServer> {
  const { dir, port, password } = options.socket;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const socketPath = path.join(dir, `.s.PGSQL.${port}`);
  fs.rmSync(socketPath, { force: true }); // left by a process that died; we hold the data directory lock
  const sessions = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sessions.add(socket);
    socket.on('close', () => sessions.delete(socket));
    serveClient(socket, pglite, mutex, password, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  fs.chmodSync(socketPath, 0o600);
  server.on('error', (error) => options.onError?.(error));
  return {
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sessions) socket.destroy();
      await closed;
      fs.rmSync(socketPath, { force: true });
    },
  };
}

function serveClient(
  socket: net.Socket,
  pglite: PGlite,
  mutex: Mutex,
  password: string,
  options: EmbeddedSocketOptions,
) {
  let phase: 'startup' | 'password' | 'ready' | 'refused' = 'startup';
  let startupPacket: Buffer | undefined;
  let buffer = Buffer.alloc(0);
  let release: (() => void) | undefined; // set while this client holds the database
  let idleTimer: NodeJS.Timeout | undefined;
  let work = Promise.resolve();

  const hold = async () => {
    clearTimeout(idleTimer);
    release ??= await mutex.acquire();
  };
  // Releases the database once PGlite reports the session idle; otherwise times the client out.
  const afterReply = (reply: Uint8Array) => {
    const status = lastTransactionStatus(reply);
    if (status === 'I') {
      release?.();
      release = undefined;
    } else if (options.idleInTransactionTimeoutMs > 0) {
      idleTimer = setTimeout(() => {
        socket.end(errorResponse('25P03', 'terminating connection due to idle-in-transaction timeout'));
        socket.destroy();
      }, options.idleInTransactionTimeoutMs);
    }
  };

  const handle = async (message: Buffer, typed: boolean) => {
    if (phase === 'refused') return;
    if (!typed) {
      const code = message.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return void socket.write('N');
      // anything else, a CancelRequest included (there is no backend process to signal), ends the connection
      if (code !== PROTOCOL_3 || phase !== 'startup') return void socket.destroy();
      startupPacket = message;
      phase = 'password';
      return void socket.write(authenticationRequest(3)); // cleartext password: the socket is local only
    }
    if (phase === 'password') {
      const given = message[0] === 0x70 ? message.subarray(5, message.length - 1) : Buffer.alloc(0);
      const expected = Buffer.from(password);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        phase = 'refused';
        socket.end(errorResponse('28P01', 'password authentication failed for the embedded database'));
        return;
      }
      phase = 'ready';
      message = startupPacket!;
    } else if (message[0] === 0x58) {
      return void socket.end(); // Terminate
    }
    await hold();
    const reply = await pglite.execProtocolRaw(new Uint8Array(message));
    if (reply.length > 0 && !socket.destroyed) socket.write(reply);
    afterReply(reply);
  };

  // Splits the stream into messages. Until the startup packet is handled, messages carry no type
  // byte, so reading pauses after each untyped one until it has been handled.
  let paused = false;
  const drain = () => {
    while (!paused) {
      const typed = phase !== 'startup';
      const header = typed ? 5 : 4;
      if (buffer.length < header) return;
      const length = (typed ? 1 : 0) + buffer.readInt32BE(typed ? 1 : 0);
      if (length < (typed ? 5 : 8) || length > 1 << 30) return void socket.destroy();
      if (buffer.length < length) return;
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      paused = !typed;
      work = work
        .then(() => handle(message, typed))
        .catch((error: Error) => {
          options.onError?.(error);
          socket.destroy();
        })
        .then(() => {
          if (typed || socket.destroyed) return;
          paused = false;
          drain();
        });
    }
  };
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    drain();
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    clearTimeout(idleTimer);
    work = work.then(async () => {
      if (!release) return;
      try {
        // finish an unterminated extended-query batch, then end whatever transaction the client left open
        await pglite.execProtocolRaw(new Uint8Array(syncMessage));
        if (pglite.isInTransaction()) await pglite.exec('rollback');
      } catch (error) {
        options.onError?.(error as Error);
      } finally {
        release();
        release = undefined;
      }
    });
  });
}

/** The status byte of the last ReadyForQuery ('I' idle, 'T' in a transaction, 'E' failed one) in a reply. */
function lastTransactionStatus(reply: Uint8Array): string | undefined {
  const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  let status: string | undefined;
  for (let at = 0; at + 5 <= view.length;) {
    const length = view.readInt32BE(at + 1);
    if (view[at] === 0x5a && length === 5) status = String.fromCharCode(view[at + 5]!);
    at += 1 + length;
  }
  return status;
}

const syncMessage = Buffer.from([0x53, 0, 0, 0, 4]);

function authenticationRequest(kind: number): Buffer {
  const message = Buffer.alloc(9);
  message.write('R', 0);
  message.writeInt32BE(8, 1);
  message.writeInt32BE(kind, 5);
  return message;
}

function errorResponse(code: string, text: string): Buffer {
  const fields = Buffer.concat(
    [`SFATAL`, `VFATAL`, `C${code}`, `M${text}`].map((field) => Buffer.from(`${field}\0`)).concat(Buffer.from([0])),
  );
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}
