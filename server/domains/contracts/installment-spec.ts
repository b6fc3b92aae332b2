import { defineResource } from '../../resources/define-resource.ts';

/** Installments are written through their contract's plan; this exposes them read-only. */
export const installmentSpec = defineResource({
  path: 'installments',
  recordType: 'installment',
  table: 'contract_installments',
  tag: 'Contracts',
  titleField: 'seq',
  // reached through their contract's scope
  access: { object: 'contract' },
  fields: {
    contractId: { column: 'contract_id', kind: 'uuid', filter: true, required: true },
    seq: { column: 'seq', kind: 'int', filter: true, sort: true, required: true },
    dueDate: { column: 'due_date', kind: 'date', filter: true, sort: true, required: true },
    // the installments add up to the contract amount, so they follow that field's rule
    amount: { column: 'amount', kind: 'decimal', filter: true, sort: true, required: true, ruleOf: 'amountInclTax' },
  },
  parent: { resource: 'contracts', column: 'contract_id' },
  scopeVia: { column: 'contract_id', resource: 'contracts' },
  operations: { create: false, update: false, delete: false },
  defaultSort: 'dueDate',
});
