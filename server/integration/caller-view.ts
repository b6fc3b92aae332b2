import type { AccessContext } from '../access/access-context.ts';
import { accessPlan, type FieldView } from '../access/access-plan.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { AppError } from '../errors.ts';
import { presentById } from '../resources/record-queries.ts';
import { getResource } from '../resources/registry.ts';

/**
 * What the integration routes may show of customers: the caller's own view (scope and field
 * rules), never the service identity's. Managing channels does not open the customers' data.
 */
export function customerFieldView(access: AccessContext): (field: string) => FieldView {
  const plan = accessPlan(access).of(getResource('customers'));
  return (field) => plan.view(field);
}

/** The caller's view of a contact field (named as the contact resource names it). */
export function contactFieldView(access: AccessContext): (field: string) => FieldView {
  const plan = accessPlan(access).of(getResource('contacts'));
  return (field) => plan.view(field);
}

/** A customer field, or a primary-contact field as a mapping names it (`contact.<field>`). */
function intakeFieldView(access: AccessContext): (field: string) => FieldView {
  const customer = customerFieldView(access);
  const contact = contactFieldView(access);
  return (field) => (field.startsWith('contact.') ? contact(field.slice(8)) : customer(field));
}

/** The customer as the caller may see it, or undefined when it is out of their scope. */
export async function customerAsSeen(trx: Trx, access: AccessContext, id: string) {
  try {
    return (await presentById(trx, access, getResource('customers'), id)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/** Field changes as the caller may see them: hidden fields left out, masked values shown as ***. */
export function changesAsSeen<T extends { field: string; before: unknown; after: unknown }>(
  access: AccessContext,
  changes: T[],
): T[] {
  const view = intakeFieldView(access);
  return changes.flatMap((c) => {
    const seen = view(c.field);
    if (seen === 'hidden') return [];
    if (seen === 'masked')
      return [{ ...c, before: c.before === null ? null : '***', after: c.after === null ? null : '***' }];
    return [c];
  });
}
