import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { fieldError } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import type { InputOnlyDefinitions } from '../resources/define-resource.ts';

/** The body key of a resource with custom fields: their values, checked against the definitions. */
export const customValuesInput = {
  custom: { input: z.record(z.string(), z.unknown()).optional() },
} satisfies InputOnlyDefinitions;

/** The users found active in a transaction (a batch of intake sets the same owner on many records). */
const activeIn = new WeakMap<object, Set<string>>();

export async function assertActiveUser(ctx: CommandContext, userId: string, path: string) {
  // the request's own user was found active and not deleted by this request's session or key lookup
  if (userId === ctx.actor.userId && (ctx.actor.sessionId || ctx.actor.apiKeyId)) return;
  if (activeIn.get(ctx.trx)?.has(userId)) return;
  const user = await ctx.trx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!user) throw fieldError(path, 'is not an active user of this company');
  const known = activeIn.get(ctx.trx) ?? new Set<string>();
  activeIn.set(ctx.trx, known.add(userId));
}

type ReferencedTable =
  'customers' | 'opportunities' | 'contracts' | 'products' | 'departments' | 'contract_installments';

/** Loads a live record a new record refers to, typed by its table, or answers 400 naming the field. */
export async function requireLive<T extends ReferencedTable>(
  ctx: CommandContext,
  table: T,
  id: string,
  path: string,
): Promise<Selectable<DB[T]>> {
  const row = await ctx.trx
    .selectFrom(table as 'customers')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError(path, 'refers to a record that does not exist or is in the recycle bin');
  // Kysely cannot type a query over a table chosen by a type parameter: the row is read with
  // `selectAll()` from `table`, so it is that table's row.
  return row as unknown as Selectable<DB[T]>;
}
