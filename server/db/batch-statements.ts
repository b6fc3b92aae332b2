import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.ts';

/**
 * SQL-level prepared statements that a simple-protocol batch runs with EXECUTE: a statement with
 * values then rides in the same round trip as `begin` and the tenant setting (the session
 * lookup: one round trip where it took two), and PostgreSQL still parses and plans it once per
 * connection. A batch names the statement it executes in a leading `needs` comment; the pool
 * puts the statement's PREPARE in front of its EXECUTE on a connection that lacks it, and closes
 * a connection whose preparing batch failed (it cannot know whether the PREPARE stayed).
 */
const statements = new Map<string, string>();
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();
const marker = /^\/\* needs (cairn_b_[0-9a-f]+) \*\/ /;
/** Values a batch may inline: UUIDs, hex and base64url digests (quoted as literals, never escaped). */
const inlineable = /^[A-Za-z0-9_-]{1,200}$/;

/** Databases whose pool prepares batch statements (PostgreSQL pools with prepared statements on). */
const supported = new WeakSet<Kysely<DB>>();

export function useBatchStatements(db: Kysely<DB>) {
  supported.add(db);
}

export const batchStatementsOn = (db: Kysely<DB>) => supported.has(db);

/** Registers `text` (a statement with $1…$n) and returns the name a batch executes it by. */
export function batchStatement(text: string): string {
  const name = `cairn_b_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  statements.set(name, text);
  return name;
}

/** Whether `values` can be inlined into a batch's EXECUTE. */
export const inlineableValues = (values: string[]) => values.every((value) => inlineable.test(value));

/**
 * `statements` (simple protocol, no values of their own) followed by the EXECUTE of `name` with
 * `values` as literals; its rows are the batch's answer (kyselyPool answers a batch's last result).
 */
export function batchExecuting(statements: string, name: string, values: string[]): string {
  if (!inlineableValues(values)) throw new Error('a batch statement value that cannot be inlined');
  return `/* needs ${name} */ ${statements}; execute ${name}(${values.map((v) => `'${v}'`).join(', ')})`;
}

/** The text to send on `client`, with the PREPARE it needs in front of its EXECUTE when the connection lacks it. */
export function batchFor(client: pg.PoolClient, text: string): { text: string; preparing?: string } {
  const name = marker.exec(text)?.[1];
  if (!name || preparedOn.get(client)?.has(name)) return { text };
  const statement = statements.get(name);
  if (!statement) throw new Error(`batch statement ${name} is not registered`);
  const execute = text.lastIndexOf(`execute ${name}(`);
  return { text: `${text.slice(0, execute)}prepare ${name} as ${statement}; ${text.slice(execute)}`, preparing: name };
}

export function markPrepared(client: pg.PoolClient, name: string) {
  let names = preparedOn.get(client);
  if (!names) preparedOn.set(client, (names = new Set()));
  names.add(name);
}
