import { describe, expect, it } from 'vitest';
import '../domains/register-all.ts';
import { allResources } from '../resources/registry.ts';
import { accessObjects, inheritsFromCustomer, objectOfResource, ownerColumnOf, resourceOfObject } from './model.ts';

// The access maps are derived from the resource definitions; these are the values they held
// when they were written out by hand, so moving them into the definitions changed nothing.
describe('access maps derived from the resource definitions', () => {
  it('names the governing object of every resource', () => {
    expect(Object.fromEntries(allResources().map((spec) => [spec.path, objectOfResource(spec.path)]))).toEqual({
      customers: 'customer',
      contacts: 'contact',
      opportunities: 'opportunity',
      followups: 'followup',
      contracts: 'contract',
      installments: 'contract',
      payments: 'payment',
      attachments: 'attachment',
      orders: 'order',
      products: 'product',
      users: 'user',
      departments: 'user',
      'custom-fields': 'settings',
      'followup-templates': 'settings',
    });
    expect(objectOfResource('reports')).toBeUndefined();
  });

  it("finds each object's own resource, owner column and inheritance", () => {
    const of = <T>(f: (o: (typeof accessObjects)[number]) => T) =>
      Object.fromEntries(accessObjects.map((o) => [o, f(o)]).filter(([, v]) => v !== undefined && v !== false));
    expect(of(resourceOfObject)).toEqual({
      customer: 'customers',
      contact: 'contacts',
      opportunity: 'opportunities',
      followup: 'followups',
      contract: 'contracts',
      payment: 'payments',
      attachment: 'attachments',
      order: 'orders',
      product: 'products',
      user: 'users',
    });
    expect(of(ownerColumnOf)).toEqual({
      customer: 'owner_id',
      opportunity: 'owner_id',
      order: 'owner_id',
      contract: 'owner_id',
      followup: 'author_id',
      contact: 'created_by',
      payment: 'created_by',
      attachment: 'created_by',
      product: 'created_by',
      user: 'id',
    });
    expect(Object.keys(of(inheritsFromCustomer)).sort()).toEqual(
      ['attachment', 'contact', 'contract', 'followup', 'payment'].sort(),
    );
  });
});
