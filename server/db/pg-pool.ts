import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTimeouts } from '../config.ts';
import { batchFor, markPrepared } from './batch-statements.ts';

/** Where a dropped connection is reported; it must never end the process. */
export type ConnectionErrorSink = (error: Error, pool: string) => void;

// numeric and bigint stay strings/numbers we control; date stays 'YYYY-MM-DD'.
export const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return (v: string) => Number(v);
    if (oid === OID.numeric || oid === OID.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

export const noTimeouts: DatabaseTimeouts = {
  connectTimeoutMs: 0,
  statementTimeoutMs: 0,
  idleInTransactionTimeoutMs: 0,
};

/** How long past `statement_timeout` the client waits for a server that does not answer at all. */
const ANSWER_GRACE_MS = 5000;

export interface PoolSettings {
  name: string;
  max: number;
  timeouts: DatabaseTimeouts;
  /** A role every connection of the pool runs as (a startup option, so no statement can undo it). */
  role?: string;
  onError: ConnectionErrorSink;
}

/**
 * A pg pool that survives the database going away: errors of idle and checked-out connections
 * are reported instead of thrown as unhandled 'error' events, connecting gives up after the
 * connect timeout, and the server ends statements and idle transactions that run too long.
 */
export function createPool(connection: pg.PoolConfig, settings: PoolSettings): pg.Pool {
  const { timeouts } = settings;
  const pool = new pg.Pool({
    ...connection,
    max: settings.max,
    application_name: `cairn-${settings.name}`,
    types: typeParsers,
    keepAlive: true,
    connectionTimeoutMillis: timeouts.connectTimeoutMs || undefined,
    statement_timeout: timeouts.statementTimeoutMs || undefined,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs || undefined,
    options: settings.role ? `-c role=${settings.role.replace(/[\\ ]/g, '\\$&')}` : undefined,
  });
  const clients = new Set<pg.PoolClient>();
  connectedClients.set(pool, clients);
  // The client listener reports; the pool's own 'error' event repeats it for idle clients.
  pool.on('connect', (client) => {
    clients.add(client);
    client.on('error', (error) => settings.onError(error, settings.name));
  });
  pool.on('remove', (client) => clients.delete(client));
  pool.on('error', () => {});
  return pool;
}

const connectedClients = new WeakMap<pg.Pool, Set<pg.PoolClient>>();

/** How long closing a pool waits for checked-out connections before cutting them. */
const CLOSE_GRACE_MS = 1500;

/**
 * Ends a pool. Connections still checked out after the grace period (a statement stuck on a
 * lock, a server gone silent) are cut, so shutting down never waits on the database; the
 * server rolls their transactions back.
 */
export async function endPool(pool: pg.Pool, graceMs = CLOSE_GRACE_MS): Promise<void> {
  const timer = setTimeout(() => {
    for (const client of connectedClients.get(pool) ?? []) client.connection.stream.destroy();
  }, graceMs);
  try {
    await pool.end();
  } finally {
    clearTimeout(timer);
  }
}

/** Raised on the client side when the server accepted a statement but never answered. */
export class DatabaseNoAnswerError extends Error {
  readonly code = 'CAIRN_DB_NO_ANSWER';
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
  }
}

/** How long the client waits for any answer: the statement timeout plus a grace period; 0 = forever. */
export const answerDeadlineMs = (timeouts: DatabaseTimeouts) =>
  timeouts.statementTimeoutMs > 0 ? timeouts.statementTimeoutMs + ANSWER_GRACE_MS : 0;

/**
 * Runs one statement on a checked-out client. Past the deadline its socket is destroyed, so the
 * statement fails, the client is discarded and a connection to a server that went silent
 * (a dropped network path, a hung host) does not hang its caller forever.
 */
async function queryOnClient<R>(
  client: pg.PoolClient,
  text: string,
  values: readonly unknown[] | undefined,
  deadlineMs: number,
  name?: string,
): Promise<pg.QueryResult & { rows: R[] }> {
  const timer =
    deadlineMs > 0
      ? setTimeout(() => client.connection.stream.destroy(new DatabaseNoAnswerError(deadlineMs)), deadlineMs)
      : undefined;
  try {
    const query = name
      ? { name, text, values: values as unknown[] }
      : { text, values: values as unknown[] | undefined };
    return (await client.query(query)) as pg.QueryResult & { rows: R[] };
  } finally {
    clearTimeout(timer);
  }
}

/** `pool.query` with the answer deadline. */
export async function queryPool(
  pool: pg.Pool,
  text: string,
  values: readonly unknown[] | undefined,
  deadlineMs: number,
): Promise<pg.QueryResult> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    return await queryOnClient(client, text, values, deadlineMs);
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    client.release(failure instanceof DatabaseNoAnswerError ? failure : undefined);
  }
}

/**
 * The pool as Kysely sees it, with the answer deadline on every statement. With `prepare`, a
 * statement with parameters is a named prepared statement of its connection (named by its
 * text's hash): PostgreSQL parses and plans it once per connection instead of on every request,
 * which is most of a short statement's cost (issue 9's session lookup: 0.75 → 0.13 ms). Only for
 * a real PostgreSQL server, where a connection is one backend.
 */
export function kyselyPool(pool: pg.Pool, deadlineMs: number, options: { prepare?: boolean } = {}): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      // closed instead of reused: a prepared statement outlived a column change, or a batch that
      // prepared one failed (the connection may or may not hold it now)
      let discard = false;
      const run = async (text: string, values: readonly unknown[] | undefined) => {
        const batch = options.prepare && !values?.length ? batchFor(client, text) : { text };
        try {
          const name = options.prepare ? preparedName(client, batch.text, values) : undefined;
          const result = (await queryOnClient(client, batch.text, values, deadlineMs, name)) as
            pg.QueryResult | pg.QueryResult[];
          if (batch.preparing) markPrepared(client, batch.preparing);
          // a simple-protocol batch answers with its last statement's result
          return Array.isArray(result) ? result.at(-1)! : result;
        } catch (error) {
          discard ||= isStalePlan(error) || batch.preparing !== undefined;
          throw error;
        }
      };
      return {
        query: ((text: unknown, values?: readonly unknown[]) =>
          typeof text === 'string'
            ? run(text, values)
            : client.query(text as never)) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy || discard),
      };
    },
    end: () => endPool(pool),
  };
}

/** Named statements per connection at most: past it, a new text runs unnamed (parsed each time). */
export const PREPARED_PER_CONNECTION = 300;
const preparedNames = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * A pattern given as a parameter (`d.path like $9`: a manager's department subtree). A generic
 * plan cannot see the pattern, and for a subtree near the root PostgreSQL's generic plan of the
 * customer list walks every owner's customers: 4.8 s against 0.45 ms planned with the pattern,
 * measured at 1M customers. Such statements are planned with their values each time.
 */
const parameterPattern = /\b(i?like|similar to)\s+\$\d/i;

const statementNames = new Map<string, string>();
const STATEMENT_NAMES_KEPT = 2000;

/** A statement's name: its text's hash, remembered per text (hashing every statement cost 1.4% of a read). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= STATEMENT_NAMES_KEPT) statementNames.clear();
    statementNames.set(text, (name = `c${createHash('sha1').update(text).digest('base64url')}`));
  }
  return name;
}

/**
 * The prepared-statement name of `text` on `client`, or undefined to run it unnamed: statements
 * without parameters (a multi-statement batch such as `begin; select set_config(…)` must use
 * the simple protocol), statements matching a parameter pattern, and texts past the connection's budget.
 */
function preparedName(client: pg.PoolClient, text: string, values: readonly unknown[] | undefined) {
  if (!values?.length || parameterPattern.test(text)) return undefined;
  const name = statementName(text);
  let names = preparedNames.get(client);
  if (!names) preparedNames.set(client, (names = new Set()));
  if (names.has(name)) return name;
  if (names.size >= PREPARED_PER_CONNECTION) return undefined;
  names.add(name);
  return name;
}

/**
 * PostgreSQL refuses a prepared `select *` whose table gained or lost a column since it was
 * prepared (another instance migrated during a rolling deploy): that statement fails once, and
 * its connection is then closed so the next one prepares afresh.
 */
const isStalePlan = (error: unknown) =>
  (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(String(error));

/** Whether the database answers `select 1` within `ms`, counting the wait for a connection. */
export async function pingPool(pool: pg.Pool, ms: number): Promise<boolean> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const connecting = pool.connect();
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  try {
    const client = await Promise.race([connecting, late]);
    if (client === 'late') {
      connecting.then(
        (c) => c.release(),
        () => {},
      );
      return false;
    }
    let failure: Error | undefined;
    try {
      await queryOnClient(client, 'select 1', undefined, Math.max(1, ms - (Date.now() - started)));
      return true;
    } catch (error) {
      failure = error as Error;
      return false;
    } finally {
      client.release(failure);
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
