import { sql, type AliasedRawBuilder, type SqlBool, type Expression } from 'kysely';
import type { Trx } from '../db/tenant-transaction.ts';
import { getResource } from '../resources/registry.ts';
import type { FieldKind, ResourceSpec, Row } from '../resources/resource-spec.ts';
import { allFields } from '../resources/list-query.ts';
import { AppError, notFound } from '../errors.ts';
import { grantsFor, type AccessContext } from './access-context.ts';
import type { AccessAction, AccessObject } from './model.ts';
import { objectOf } from './object-of.ts';
import type { EffectiveGrant } from './role-graph.ts';
import { grantCondition } from './scope-sql.ts';
import { sandboxScope } from '../resources/scope.ts';
import { resourceDb } from '../resources/resource-db.ts';

export interface RecordCheck {
  object: AccessObject;
  action: AccessAction;
  grants: EffectiveGrant[];
  /** The grants whose data scope contains the record. */
  matched: EffectiveGrant[];
  /** The record is outside the new-hire sandbox (it may be listed masked, never opened). */
  sandboxed: boolean;
}

const castOf: Record<FieldKind, string> = {
  text: 'text',
  uuid: 'uuid',
  int: 'integer',
  decimal: 'numeric',
  date: 'date',
  timestamp: 'timestamptz',
  bool: 'boolean',
  textArray: 'text[]',
  json: 'jsonb',
};

/**
 * A row expression for a record that may not exist yet (a create): the draft's columns cast to
 * their types, under the table's name, so the scope's SQL applies to it unchanged.
 */
function draftRelation(spec: ResourceSpec, draft: Record<string, unknown>) {
  const columns: Expression<unknown>[] = [];
  // the columns a scope can look at: owners, parents and filterable fields (custom-filter scopes)
  const fields = Object.values(allFields(spec)).filter((f) => f.filter || f.column === 'id');
  const known = new Set(fields.map((f) => f.column));
  for (const field of fields) {
    const value = draft[field.column] ?? null;
    const param =
      field.kind === 'json' || field.kind === 'textArray'
        ? value === null
          ? null
          : field.kind === 'json'
            ? JSON.stringify(value)
            : value
        : value;
    columns.push(sql`cast(${param} as ${sql.raw(castOf[field.kind])}) as ${sql.ref(field.column)}`);
  }
  for (const column of ['tenant_id', 'customer_id', 'contract_id', 'created_by']) {
    if (!known.has(column)) columns.push(sql`cast(${draft[column] ?? null} as uuid) as ${sql.ref(column)}`);
  }
  if (spec.customObject) columns.push(sql`cast(${JSON.stringify(draft.custom ?? {})} as jsonb) as custom`);
  return sql`(select ${sql.join(columns)}) as ${sql.table(spec.table)}`;
}

/** Evaluates every grant's scope (and the sandbox) against one record, with the list's own SQL. */
export async function checkRecord(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  action: AccessAction,
  target: { id: string } | { draft: Record<string, unknown> },
): Promise<RecordCheck> {
  const object = objectOf(spec);
  const grants = grantsFor(access, object, action);
  const sandboxActive = access.sandboxUntil !== null;
  if (grants.length === 0 && !sandboxActive) return { object, action, grants, matched: [], sandboxed: false };
  const selections = scopeSelections(access, spec, object, grants, sandboxActive);
  const from =
    'id' in target
      ? sql.table(spec.table)
      : draftRelation(spec, {
          ...target.draft,
          tenant_id: access.actor.tenantId,
          created_by: target.draft.created_by ?? access.actor.userId,
        });
  const where =
    'id' in target
      ? sql`where ${sql.ref(`${spec.table}.tenant_id`)} = ${access.actor.tenantId} and ${sql.ref(`${spec.table}.id`)} = ${target.id}`
      : sql``;
  const result = await sql<Record<string, boolean>>`select ${sql.join(selections)} from ${from} ${where}`.execute(
    resourceDb(trx),
  );
  const row = result.rows[0];
  if (!row) return { object, action, grants, matched: [], sandboxed: false };
  return {
    object,
    action,
    grants,
    matched: grants.filter((_, i) => row[`__g${i}`] === true),
    sandboxed: row.__sandbox_open !== true,
  };
}

/** The scope of one grant for a resource (installments follow their contract). */
function scopeOne(
  access: AccessContext,
  spec: ResourceSpec,
  object: AccessObject,
  grant: EffectiveGrant,
): Expression<SqlBool> {
  if (spec.scopeVia) {
    const parent = getResource(spec.scopeVia.resource);
    return sql<SqlBool>`${sql.ref(`${spec.table}.${spec.scopeVia.column}`)} in (select ${sql.ref(`${parent.table}.id`)} from ${sql.table(parent.table)}
      where ${sql.ref(`${parent.table}.tenant_id`)} = ${access.actor.tenantId} and ${grantCondition(access, object, grant, parent.table)})`;
  }
  return grantCondition(access, object, grant, spec.table);
}

const missing = (object: string, action: string) => `${object}.${action}`;

/**
 * The single record-level check. No grant for the action: 403 naming it. A record outside
 * every scope: 404 when the user may not even read it (its existence must not leak), else 403.
 * A sandboxed new hire cannot open records outside the sandbox.
 */
export async function authorize(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  action: AccessAction,
  target: { id: string } | { draft: Record<string, unknown> },
): Promise<RecordCheck> {
  const object = objectOf(spec);
  if (spec.writePermission && action !== 'read') {
    if (!access.system.has(spec.writePermission)) {
      throw new AppError('MISSING_GRANT', `this needs the ${spec.writePermission} permission`, {
        missing: spec.writePermission,
      });
    }
    return { object, action, grants: [], matched: [], sandboxed: false };
  }
  if (spec.readableByAll && action === 'read') return { object, action, grants: [], matched: [], sandboxed: false };
  const check = await checkRecord(trx, access, spec, action, target);
  return judged(trx, access, spec, check, 'id' in target ? target.id : undefined);
}

/** `authorize`'s verdict on a record (`id`) or a draft whose scopes were evaluated (`check`). */
async function judged(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  check: RecordCheck,
  id: string | undefined,
): Promise<RecordCheck> {
  const { object, action } = check;
  if (check.grants.length === 0) {
    if (action !== 'read' && id && !(await canRead(trx, access, spec, id))) throw notFound(spec.recordType, id);
    if (action === 'read') throw notFound(spec.recordType, id);
    throw new AppError(
      'MISSING_GRANT',
      `you have no ${action} permission on ${object} records (${missing(object, action)})`,
      { missing: missing(object, action) },
    );
  }
  if (!id) {
    refuseDraftOutOfScope(check, access);
    return check;
  }
  if (check.matched.length === 0) {
    if (action === 'read' || !(await canRead(trx, access, spec, id))) throw notFound(spec.recordType, id);
    throw new AppError('OUT_OF_SCOPE', `this ${object} is outside your ${action} scope`, {
      missing: missing(object, action),
      scope: check.grants.map((g) => g.scope),
    });
  }
  if (check.sandboxed) throw sandboxRestricted(access.sandboxUntil);
  return check;
}

/**
 * A live record locked for a write, and the caller's right to `action` it, in one statement: the
 * row with every grant's scope (and the sandbox) evaluated on it, judged as `authorize(…, { id })`
 * judges a record. Undefined when the record is missing or deleted (the caller answers 404).
 */
export async function loadAuthorized(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  action: 'update' | 'delete',
  id: string,
): Promise<Row | undefined> {
  const object = objectOf(spec);
  const grants = spec.writePermission ? [] : grantsFor(access, object, action);
  const scoped = !spec.writePermission && (grants.length > 0 || access.sandboxUntil !== null);
  const table = spec.table;
  const found = (await resourceDb(trx)
    .selectFrom(table)
    .selectAll(table)
    .$if(scoped, (query) => query.select(scopeSelections(access, spec, object, grants, access.sandboxUntil !== null)))
    .where(sql.ref(`${table}.tenant_id`), '=', access.actor.tenantId)
    .where(sql.ref(`${table}.id`), '=', id)
    .where(sql.ref(`${table}.deleted_at`), 'is', null)
    .forUpdate()
    .executeTakeFirst()) as Row | undefined;
  if (!found) return undefined;
  // a write permission (settings-like records) needs no SQL: authorize checks it alone
  if (spec.writePermission) {
    await authorize(trx, access, spec, action, { id });
    return found;
  }
  const matched = grants.filter((_, i) => found[`__g${i}`] === true);
  await judged(
    trx,
    access,
    spec,
    { object, action, grants, matched, sandboxed: scoped && found.__sandbox_open !== true },
    id,
  );
  return withoutScopeColumns(found);
}

const sandboxRestricted = (until: Date | null) =>
  new AppError(
    'SANDBOX_RESTRICTED',
    'new-hire sandbox: you can open only records you created or your manager assigned to you',
    { sandboxUntil: until?.toISOString() },
  );

/** A draft (a new or changed record) outside every scope, or outside the sandbox, is refused with 403. */
function refuseDraftOutOfScope(check: RecordCheck, access: AccessContext) {
  const { object, action } = check;
  if (check.matched.length === 0) {
    throw new AppError(
      'OUT_OF_SCOPE',
      `the ${action === 'create' ? 'new' : 'changed'} ${object} would be outside your ${action} scope`,
      { missing: missing(object, action), scope: check.grants.map((g) => g.scope) },
    );
  }
  if (check.sandboxed) throw sandboxRestricted(access.sandboxUntil);
}

/**
 * The create (or update) check folded into the write: the scope columns to select from the written row
 * (the table's name aliases it, so each grant's SQL applies unchanged) and the judgement of what
 * they read back, refusing as `authorize(…, action, { draft })` does. Null when no row-level
 * check applies; a refusal that needs no SQL (no grant, no write permission) is thrown here.
 */
export function writtenRowCheck(
  access: AccessContext,
  spec: ResourceSpec,
  action: 'create' | 'update' = 'create',
): { selections: AliasedRawBuilder<boolean, string>[]; judge: (row: Record<string, unknown>) => void } | null {
  const object = objectOf(spec);
  if (spec.writePermission) {
    if (!access.system.has(spec.writePermission)) {
      throw new AppError('MISSING_GRANT', `this needs the ${spec.writePermission} permission`, {
        missing: spec.writePermission,
      });
    }
    return null;
  }
  const grants = grantsFor(access, object, action);
  if (grants.length === 0) {
    throw new AppError(
      'MISSING_GRANT',
      `you have no ${action} permission on ${object} records (${missing(object, action)})`,
      {
        missing: missing(object, action),
      },
    );
  }
  const sandboxActive = access.sandboxUntil !== null;
  const selections = scopeSelections(access, spec, object, grants, sandboxActive);
  return {
    selections,
    judge: (row) =>
      refuseDraftOutOfScope(
        {
          object,
          action,
          grants,
          matched: grants.filter((_, i) => row[`__g${i}`] === true),
          sandboxed: row.__sandbox_open !== true,
        },
        access,
      ),
  };
}

/** The column names `writtenRowCheck` adds to the row it reads back. */
export const isScopeColumn = (name: string) => /^__g\d+$/.test(name) || name === '__sandbox_open';

/** A row read back with scope columns (`writtenRowCheck`, `loadAuthorized`), without them. */
export const withoutScopeColumns = (row: Row) =>
  Object.fromEntries(Object.entries(row).filter(([name]) => !isScopeColumn(name))) as Row;

function scopeSelections(
  access: AccessContext,
  spec: ResourceSpec,
  object: AccessObject,
  grants: EffectiveGrant[],
  sandboxActive: boolean,
): AliasedRawBuilder<boolean, string>[] {
  const selections: AliasedRawBuilder<boolean, string>[] = grants.map((g, i) =>
    sql<boolean>`(${scopeOne(access, spec, object, g)})`.as(`__g${i}`),
  );
  selections.push(
    sql<boolean>`(${sandboxActive ? sandboxScope(access, spec) : sql<SqlBool>`true`})`.as('__sandbox_open'),
  );
  return selections;
}

async function canRead(trx: Trx, access: AccessContext, spec: ResourceSpec, id: string): Promise<boolean> {
  if (spec.readableByAll) return true;
  const check = await checkRecord(trx, access, spec, 'read', { id });
  return check.matched.length > 0;
}
