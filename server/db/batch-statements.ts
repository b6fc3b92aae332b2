import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
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
/** Per session (a pool's client, PGlite's connection), the batch statements it holds. */
const preparedOn = new WeakMap<object, Set<string>>();
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
export function batchFor(client: object, text: string): { text: string; preparing?: string } {
  const name = batchStatementOf(text);
  if (!name || preparedOn.get(client)?.has(name)) return { text };
  const statement = statements.get(name);
  if (!statement) throw new Error(`batch statement ${name} is not registered`);
  const execute = text.lastIndexOf(`execute ${name}(`);
  return { text: `${text.slice(0, execute)}prepare ${name} as ${statement}; ${text.slice(execute)}`, preparing: name };
}

export function markPrepared(client: object, name: string) {
  let names = preparedOn.get(client);
  if (!names) preparedOn.set(client, (names = new Set()));
  names.add(name);
}

/** The batch statement a batch executes (its `needs` marker), if any. */
export function batchStatementOf(text: string) {
  return marker.exec(text)?.[1];
}

/** Per session, the statements a failed batch left it unknown whether it holds. */
const uncertainOn = new WeakMap<object, Set<string>>();

/**
 * For a session that cannot be closed and replaced (PGlite's only one), what a failed batch
 * leaves: a preparing batch that failed may or may not have kept its PREPARE, and an EXECUTE of
 * a statement the session no longer holds (SQLSTATE 26000) must prepare it again.
 */
export function settleFailedBatch(client: object, name: string, error: unknown): void {
  const names = preparedOn.get(client);
  if ((error as { code?: string }).code === '26000') names?.delete(name);
  if (names?.has(name)) return;
  let unknown = uncertainOn.get(client);
  if (!unknown) uncertainOn.set(client, (unknown = new Set()));
  unknown.add(name);
}

/** Before a batch: when a failure left it unknown, asks the session (`holds`, once it is idle) whether it holds the statement. */
export async function settleBefore(client: object, text: string, holds: (name: string) => Promise<boolean>) {
  const name = batchStatementOf(text);
  if (!name || !uncertainOn.get(client)?.delete(name)) return;
  if (await holds(name)) markPrepared(client, name);
}
