import { z } from 'zod';
import { customFieldObjects, customFieldTypes } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { uniqueKeyCheck } from '../../resources/duplicates.ts';
import { fieldError } from '../../errors.ts';

const options = z
  .array(z.string().trim().min(1).max(100))
  .max(200)
  .refine((list) => new Set(list).size === list.length, 'must not repeat an option');

const customFieldFields = {
  objectType: {
    column: 'object_type',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.enum(customFieldObjects),
    update: false,
  },
  key: {
    column: 'key',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'must start with a lower-case letter and use letters, digits or _ (max 40)'),
    update: false,
  },
  label: {
    column: 'label',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(100),
  },
  type: {
    column: 'type',
    kind: 'text',
    filter: true,
    required: true,
    input: z.enum(customFieldTypes),
    update: false,
  },
  options: {
    column: 'options',
    kind: 'textArray',
    input: options.optional().describe('Choices for singleSelect and multiSelect'),
    update: options,
    // stored as JSON
    writtenByHook: true,
  },
  required: {
    column: 'required',
    kind: 'bool',
    filter: true,
    required: true,
    input: z.boolean().default(false),
    update: z.boolean(),
  },
  sortOrder: {
    column: 'sort_order',
    kind: 'int',
    sort: true,
    required: true,
    input: z.number().int().min(0).max(10000).optional(),
    update: z.number().int().min(0).max(10000),
  },
} satisfies FieldDefinitions;

async function toColumns(
  _ctx: CommandContext,
  input: HookInput<typeof customFieldFields>,
  existing: TableRow<'custom_fields'> | undefined,
  columns: TableColumns<'custom_fields'>,
) {
  const type = existing?.type ?? input.type!;
  const isSelect = type === 'singleSelect' || type === 'multiSelect';
  if (input.options !== undefined) {
    if (!isSelect) throw fieldError('options', `only select fields have options, not ${type}`);
    columns.options = JSON.stringify(input.options);
  } else if (!existing) {
    if (isSelect) throw fieldError('options', 'a select field needs at least one option');
    columns.options = '[]';
  }
  if (isSelect && Array.isArray(input.options) && input.options.length === 0)
    throw fieldError('options', 'a select field needs at least one option');
  return columns;
}

export const customFieldSpec = defineResource({
  path: 'custom-fields',
  recordType: 'customField',
  table: 'custom_fields',
  tag: 'Custom fields',
  titleField: 'label',
  // custom-field definitions are tenant settings
  access: { object: 'settings' },
  fields: customFieldFields,
  duplicateCheck: uniqueKeyCheck({
    recordType: 'custom field',
    table: 'custom_fields',
    titleColumn: 'label',
    keys: [{ field: 'key', columns: ['object_type', 'key'] }],
  }),
  toColumns,
  readableByAll: true,
  defaultSort: 'sortOrder',
});
