import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, liveHolder } from './data-dir-lock.ts';
import { openDatabase, type Database } from './database.ts';
import { onPostgres } from '../../tests/support/test-database.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-socket-'));
const timeouts = { connectTimeoutMs: 5000, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 1500 };
let server: Database;

const socketClient = (password = liveHolder(dataDir)!.socket!.password) => {
  const { dir, port } = liveHolder(dataDir)!.socket!;
  return new pg.Client({ host: dir, port, user: 'postgres', database: 'postgres', password });
};
const count = async (db: Database) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from socket_probe`.execute(db.db)).rows[0]!.n);

beforeAll(async () => {
  if (onPostgres()) return; // the embedded database only; the PostgreSQL run skips this file
  server = await openDatabase({ dataDir, share: true, command: 'test serve', timeouts });
  await sql`create table socket_probe (n int)`.execute(server.db);
});
afterAll(async () => {
  if (onPostgres()) return;
  await server.close();
  expect(fs.existsSync(path.join(dataDir, 'cairn.lock'))).toBe(false);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(onPostgres())('embedded database shared over a Unix socket', () => {
  it('is reachable by its owner only: 0700 directory, 0600 socket, a password', async () => {
    const { dir, port } = liveHolder(dataDir)!.socket!;
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, `.s.PGSQL.${port}`)).mode & 0o777).toBe(0o600);
    const intruder = socketClient('wrong-password');
    await expect(intruder.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  it('refuses a second opener at once, and lets a CLI-style opener through the socket', async () => {
    const started = Date.now();
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    expect(Date.now() - started).toBeLessThan(1000);

    const cli = await openDatabase({ dataDir, whenInUse: 'connect', timeouts });
    expect(cli.description).toContain('through the running "test serve"');
    await sql`insert into socket_probe values (1)`.execute(cli.db);
    await cli.close();
    expect(await count(server)).toBe(1);
  });

  it("never interleaves a client's transaction with the server's own statements", async () => {
    const client = socketClient();
    await client.connect();
    await client.query('begin');
    await client.query('insert into socket_probe values (2)');
    let seen: number | undefined;
    const serverRead = count(server).then((n) => (seen = n));
    await sleep(300);
    expect(seen).toBeUndefined(); // waits for the client's transaction instead of joining it
    await client.query('commit');
    await serverRead;
    expect(seen).toBe(2);
    await client.end();
  });

  it('rolls back and frees the database when a client disconnects inside a transaction', async () => {
    const client = socketClient();
    client.on('error', () => {}); // the test cuts its own connection
    await client.connect();
    await client.query('begin');
    await client.query('insert into socket_probe values (3)');
    const serverRead = count(server);
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect(await serverRead).toBe(2);
  });

  it('cuts off a client idle inside a transaction after the idle-in-transaction timeout', async () => {
    const client = socketClient();
    client.on('error', () => {});
    await client.connect();
    await client.query('begin');
    await client.query('insert into socket_probe values (4)');
    const started = Date.now();
    expect(await count(server)).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await expect(client.query('commit')).rejects.toThrow();
  });

  it('cuts its clients when it stops sharing (a shutdown), rolling back their transactions', async () => {
    const client = socketClient();
    client.on('error', () => {});
    await client.connect();
    await client.query('begin');
    await client.query('insert into socket_probe values (5)');
    await server.stopSharing();
    await expect(client.query('commit')).rejects.toThrow();
    expect(await count(server)).toBe(2);
    expect(fs.existsSync(path.join(dataDir, 'run', '.s.PGSQL.5432'))).toBe(false);
  });
});
