import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { PREPARED_PER_CONNECTION } from './pg-pool.ts';
import { batchExecuting, batchStatement, inlineableValues } from './batch-statements.ts';
import type { DB } from './schema.ts';

const url = process.env.DATABASE_URL;
const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

async function open(preparedStatements?: boolean) {
  const database = await openDatabase(
    url ? { databaseUrl: url, poolSize: 1, preparedStatements } : { memory: true, preparedStatements },
  );
  opened.push(database);
  return database;
}

/** The names of the statements prepared on the pool's one connection. */
const preparedOn = async (db: Kysely<DB>) =>
  (
    await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(db)
  ).rows.filter((row) => row.statement.includes('cairn-prepared-probe'));

describe.skipIf(!url)('prepared statements on PostgreSQL (one parse and plan per connection)', () => {
  it('prepares a statement with parameters once and reuses it, and leaves batches unnamed', async () => {
    const { db } = await open();
    for (let i = 0; i < 3; i++)
      expect((await sql<{ n: number }>`select ${i}::int as n /* cairn-prepared-probe */`.execute(db)).rows).toEqual([
        { n: i },
      ]);
    await sql.raw(`select 1 /* cairn-prepared-probe batch */; select 2`).execute(db);
    const prepared = await preparedOn(db);
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^c[\w-]+$/);
  });

  it('plans a statement with a parameter pattern (like $n) with its values each time: a generic plan cannot see a subtree', async () => {
    const { db } = await open();
    for (const pattern of ['/a/%', '/%'])
      expect(
        (
          await sql<{ hit: boolean }>`select ${'/a/b'} like ${pattern} as hit /* cairn-prepared-probe like */`.execute(
            db,
          )
        ).rows,
      ).toEqual([{ hit: true }]);
    expect(await preparedOn(db)).toHaveLength(0);
  });

  it('stops naming new texts at the connection budget, and still runs them', async () => {
    const { db } = await open();
    for (let i = 0; i < PREPARED_PER_CONNECTION + 20; i++)
      await sql`select ${i}::int /* cairn-prepared-probe ${sql.raw(String(i))} */`.execute(db);
    expect((await preparedOn(db)).length).toBe(PREPARED_PER_CONNECTION);
  });

  it('prepares nothing when turned off (CAIRN_PREPARED_STATEMENTS=off, for a pooler in transaction mode)', async () => {
    const { db } = await open(false);
    await sql`select ${1}::int /* cairn-prepared-probe */`.execute(db);
    expect(await preparedOn(db)).toHaveLength(0);
  });
});

describe.skipIf(!url)('a prepared statement that outlived a column change', () => {
  it('fails once, and the next statement runs on a fresh connection', async () => {
    const { db, owner } = await open();
    const table = `prepared_probe_${Date.now()}`;
    await sql.raw(`create table ${table} (id int primary key, name text)`).execute(owner);
    await sql.raw(`insert into ${table} values (1, 'a')`).execute(owner);
    await sql.raw(`grant select on ${table} to public`).execute(owner);
    const read = () => sql`select * from ${sql.table(table)} where id = ${1}`.execute(db);
    expect((await read()).rows).toEqual([{ id: 1, name: 'a' }]);
    await sql.raw(`alter table ${table} add column note text`).execute(owner);
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect((await read()).rows).toEqual([{ id: 1, name: 'a', note: null }]);
    await sql.raw(`drop table ${table}`).execute(owner);
  });
});

describe.skipIf(!url)('batch statements: a prepared statement run by EXECUTE inside a simple-protocol batch', () => {
  const pid = async (db: Kysely<DB>) =>
    (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;

  it('closes the connection whose preparing batch failed, and prepares again on the next one', async () => {
    const { db } = await open();
    const name = batchStatement(`select 10 / $1::int as q /* cairn-batch-probe ${Date.now()} */`);
    const before = await pid(db);
    await expect(sql.raw(batchExecuting('select 1', name, ['0'])).execute(db)).rejects.toThrow(/division by zero/);
    const after = await pid(db);
    expect(after).not.toBe(before);
    expect((await sql.raw(batchExecuting('select 1', name, ['5'])).execute(db)).rows).toEqual([{ q: 2 }]);
  });

  it('refuses a value it could not inline as a plain literal', () => {
    const name = batchStatement('select $1::text as v /* cairn-batch-probe refused */');
    for (const value of ["a'b", 'a b', '', 'x\\y']) expect(() => batchExecuting('select 1', name, [value])).toThrow();
    expect(inlineableValues(['0199c3b2-1e4f-7000-8000-000000000001', 'AbC_-09'])).toBe(true);
  });
});

const held = async (db: Kysely<DB>, name: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where name = ${name}`.execute(db))
    .rows[0]!.n;

describe('batch statements on either database', () => {
  it('is prepared in front of its first EXECUTE on a session, answers the batch, and is not prepared twice', async () => {
    const { db } = await open();
    const name = batchStatement(`select $1::text || '-' || $2::text as joined /* cairn-batch-probe ${Date.now()} */`);
    for (const [a, b] of [
      ['ab', 'cd'],
      ['0199c3b2-1e4f-7000-8000-000000000001', 'f00d'],
    ])
      expect((await sql.raw(batchExecuting('select 1', name, [a!, b!])).execute(db)).rows).toEqual([
        { joined: `${a}-${b}` },
      ]);
    expect(await held(db, name)).toBe(1);
  });
});

describe.skipIf(url)('batch statements on PGlite (one session, which cannot be replaced)', () => {
  it('runs the next batch after a preparing batch failed, whether or not its PREPARE stayed', async () => {
    const { db } = await open();
    const name = batchStatement(`select 10 / $1::int as q /* cairn-batch-probe ${Date.now()} */`);
    await expect(sql.raw(batchExecuting('select 1', name, ['0'])).execute(db)).rejects.toThrow(/division by zero/);
    expect((await sql.raw(batchExecuting('select 1', name, ['5'])).execute(db)).rows).toEqual([{ q: 2 }]);
    expect((await sql.raw(batchExecuting('select 1', name, ['2'])).execute(db)).rows).toEqual([{ q: 5 }]);
    expect(await held(db, name)).toBe(1);
  });

  it('prepares again a statement the session lost (DEALLOCATE by another client of the shared session)', async () => {
    const { db } = await open();
    const name = batchStatement(`select $1::text as v /* cairn-batch-probe ${Date.now()} */`);
    expect((await sql.raw(batchExecuting('select 1', name, ['a'])).execute(db)).rows).toEqual([{ v: 'a' }]);
    await sql.raw(`deallocate ${name}`).execute(db);
    await expect(sql.raw(batchExecuting('select 1', name, ['b'])).execute(db)).rejects.toThrow(/does not exist/);
    expect((await sql.raw(batchExecuting('select 1', name, ['c'])).execute(db)).rows).toEqual([{ v: 'c' }]);
  });
});
