import { sql } from 'kysely';
import { z } from 'zod';
import { newId } from '../../../common/ids.ts';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { AppError, fieldError } from '../../errors.ts';
import { requireLive } from '../shared-rules.ts';
import { writeAudit } from '../../audit/audit.ts';
import { writeOutboxEvent } from '../../jobs/outbox.ts';

const departmentFields = {
  name: {
    column: 'name',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(100),
  },
  parentId: {
    column: 'parent_id',
    kind: 'uuid',
    filter: true,
    input: z.uuid().nullable().optional().describe('The parent department; omit for a top-level one'),
    writtenByHook: true,
  },
  path: {
    column: 'path',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    description: 'Ids from the root, /a/b/',
  },
  sortOrder: {
    column: 'sort_order',
    kind: 'int',
    sort: true,
    required: true,
    input: z.number().int().min(0).max(100000).optional(),
  },
} satisfies FieldDefinitions;

/**
 * Departments form a tree; `path` holds the ids from the root (/root/child/) for subtree
 * queries. Moving a department rewrites the paths of its whole subtree in the same transaction.
 */
async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof departmentFields>,
  existing: TableRow<'departments'> | undefined,
  columns: TableColumns<'departments'>,
) {
  if (input.parentId === undefined && existing) return columns;
  const parentId = input.parentId ?? null;
  let parentPath = '/';
  if (parentId) {
    const parent = await requireLive(ctx, 'departments', parentId, 'parentId');
    parentPath = parent.path;
    if (existing && parentPath.includes(`/${existing.id}/`))
      throw fieldError('parentId', 'would make the department its own ancestor');
  }
  const id = existing?.id ?? newId();
  const path = `${parentPath}${id}/`;
  if (existing && existing.path !== path) await moveDescendants(ctx, existing.path, path);
  return existing ? { ...columns, parent_id: parentId, path } : { ...columns, id, parent_id: parentId, path };
}

/**
 * Rewrites the paths of a moved department's descendants (those in the recycle bin too, so a
 * restore finds them in the right place). Each one changes like an edit: its version goes up
 * (an editor holding the old one gets 409), and it gets an audit row and an update event.
 */
async function moveDescendants(ctx: CommandContext, oldPath: string, newPath: string) {
  const moved = await ctx.trx
    .updateTable('departments')
    .set({
      path: sql`${newPath} || substr(path, ${oldPath.length + 1})`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: ctx.actor.userId,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('path', 'like', `${oldPath}_%`)
    .returning(['id', 'path'])
    .execute();
  await writeAudit(
    ctx,
    moved.map((d) => ({
      action: 'update',
      recordType: 'department',
      recordId: d.id,
      changes: { path: { before: `${oldPath}${d.path.slice(newPath.length)}`, after: d.path } },
    })),
  );
  for (const d of moved)
    await writeOutboxEvent(ctx.trx, ctx.actor.tenantId, 'department.updated', { id: d.id, fields: ['path'] });
}

export const departmentSpec = defineResource({
  path: 'departments',
  recordType: 'department',
  table: 'departments',
  tag: 'Departments',
  titleField: 'name',
  // managed with the users
  access: { object: 'user' },
  fields: departmentFields,
  toColumns,
  writePermission: 'manageUsers',
  readableByAll: true,
  beforeDelete: async (ctx, row) => {
    const child = await ctx.trx
      .selectFrom('departments')
      .select('name')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('parent_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (child)
      throw new AppError('CONFLICT', `the department still has sub-department ${child.name}; move or delete it first`);
    const users = await ctx.trx
      .selectFrom('users')
      .select(sql<number>`count(*)`.as('n'))
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('department_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(users.n) > 0)
      throw new AppError('CONFLICT', `the department still has ${users.n} user(s); move them first`);
  },
  parent: { resource: 'departments', column: 'parent_id' },
  includes: {
    users: { resource: 'users', column: 'department_id' },
    children: { resource: 'departments', column: 'parent_id' },
  },
  defaultSort: 'path',
});
