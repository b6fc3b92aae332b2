import { sql } from 'kysely';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../../resources/context.ts';

type Candidate = Record<string, unknown> & {
  name?: unknown;
  credit_code?: unknown;
  main_phone_e164?: unknown;
};

/**
 * The same customer must not be created twice: a match on the credit code, the normalised
 * main phone or the exact name answers 409 with the existing record's id. When two requests
 * pass this check at once, the partial unique indexes refuse the second write and the check
 * runs again to name the record that won (see resources/duplicates.ts).
 */
async function findDuplicateCustomer(ctx: CommandContext, candidate: Candidate, selfId?: string) {
  const checks: Array<[string, string, unknown]> = [
    ['creditCode', 'credit_code', candidate.credit_code],
    ['mainPhone', 'main_phone_e164', candidate.main_phone_e164],
    ['name', 'name', candidate.name],
  ];
  for (const [field, column, value] of checks) {
    if (typeof value !== 'string' || value === '') continue;
    const match = await ctx.trx
      .selectFrom('customers')
      .select(['id', 'name', 'owner_id'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('deleted_at', 'is', null)
      .where(sql.ref(column), '=', value)
      .$if(Boolean(selfId), (q) => q.where('id', '<>', selfId!))
      .executeTakeFirst();
    if (match) {
      throw new AppError('DUPLICATE_RECORD', `a customer with the same ${field} already exists: ${match.name}`, {
        field,
        existingId: match.id,
        existingName: match.name,
        existingOwnerId: match.owner_id,
      });
    }
  }
}

/** The check, with the columns its partial unique indexes cover (credit code, main phone, name). */
export const assertNoDuplicateCustomer = Object.assign(findDuplicateCustomer, {
  columns: ['credit_code', 'main_phone_e164', 'name'] as const,
});
