import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PostgreSQL 15's server binaries, as Debian installs them. */
export const pgBin = process.env.CAIRN_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * Why a throwaway cluster cannot be made here, or undefined when it can: `initdb` refuses to run
 * as root, so as root it runs as the `postgres` OS user through `runuser`.
 */
export function throwawayClusterUnavailable(): string | undefined {
  if (!fs.existsSync(path.join(pgBin, 'initdb'))) return `no initdb in ${pgBin} (set CAIRN_PG_BIN)`;
  if (process.getuid?.() !== 0) return 'needs root, to run initdb as the postgres OS user';
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asPostgres = (binary: string, args: string[]) =>
  run('runuser', ['-u', 'postgres', '--', path.join(pgBin, binary), ...args], { timeout: 120_000 });

export interface ThrowawayServer {
  port: number;
  url: string;
  dataDir: string;
}

/**
 * A primary and a streaming replica of it, each on a free loopback port, in a temporary folder
 * owned by `postgres`. Nothing of the machine's own cluster is touched; `remove` stops both and
 * deletes the folder.
 */
export interface PrimaryWithReplica {
  primary: ThrowawayServer;
  replica: ThrowawayServer;
  remove(): Promise<void>;
}

async function startServer(root: string, dataDir: string, port: number, log: string) {
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
  await asPostgres('pg_ctl', ['-D', dataDir, '-o', options, '-l', log, '-w', '-t', '60', 'start']);
}

export async function startPrimaryWithReplica(): Promise<PrimaryWithReplica> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-replica-'));
  await run('chown', ['postgres:postgres', root]);
  const servers: ThrowawayServer[] = [];
  const remove = async () => {
    for (const server of servers.reverse())
      await asPostgres('pg_ctl', ['-D', server.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    const primaryDir = path.join(root, 'primary');
    await asPostgres('initdb', [
      '-D',
      primaryDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const primaryPort = await freePort();
    await startServer(root, primaryDir, primaryPort, path.join(root, 'primary.log'));
    const primary = {
      port: primaryPort,
      url: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
      dataDir: primaryDir,
    };
    servers.push(primary);

    const replicaDir = path.join(root, 'replica');
    await asPostgres('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres'],
      ...['-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'],
    ]);
    const replicaPort = await freePort();
    await startServer(root, replicaDir, replicaPort, path.join(root, 'replica.log'));
    const replica = {
      port: replicaPort,
      url: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
      dataDir: replicaDir,
    };
    servers.push(replica);
    return { primary, replica, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
