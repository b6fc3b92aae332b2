import { z } from 'zod';
import { customFieldObjects, customFieldTypes } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import { registerResource } from '../../resources/registry.ts';
import { uniqueKeyCheck } from '../../resources/duplicates.ts';
import type { Input, ResourceSpec, Row } from '../../resources/resource-spec.ts';
import { fieldError } from '../../errors.ts';
import { versionField } from '../../http/common-schemas.ts';

const options = z
  .array(z.string().trim().min(1).max(100))
  .max(200)
  .refine((list) => new Set(list).size === list.length, 'must not repeat an option');

const createSchema = z
  .object({
    objectType: z.enum(customFieldObjects),
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'must start with a lower-case letter and use letters, digits or _ (max 40)'),
    label: z.string().trim().min(1, 'is required').max(100),
    type: z.enum(customFieldTypes),
    options: options.optional().describe('Choices for singleSelect and multiSelect'),
    required: z.boolean().default(false),
    sortOrder: z.number().int().min(0).max(10000).optional(),
  })
  .meta({ id: 'CustomFieldCreate' });

const updateSchema = z
  .object({
    label: createSchema.shape.label,
    options,
    required: z.boolean(),
    sortOrder: z.number().int().min(0).max(10000),
  })
  .partial()
  .extend({ version: versionField })
  .meta({ id: 'CustomFieldUpdate' });

async function toColumns(_ctx: CommandContext, input: Input, existing: Row | undefined) {
  const type = (existing?.type ?? input.type) as string;
  const isSelect = type === 'singleSelect' || type === 'multiSelect';
  const columns: Record<string, unknown> = {};
  if (!existing) Object.assign(columns, { object_type: input.objectType, key: input.key, type: input.type });
  if (input.label !== undefined) columns.label = input.label;
  if (input.required !== undefined) columns.required = input.required;
  if (input.sortOrder !== undefined) columns.sort_order = input.sortOrder;
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

export const customFieldSpec: ResourceSpec = registerResource({
  path: 'custom-fields',
  recordType: 'customField',
  table: 'custom_fields',
  tag: 'Custom fields',
  titleField: 'label',
  fields: {
    objectType: { column: 'object_type', kind: 'text', filter: true, sort: true, required: true },
    key: { column: 'key', kind: 'text', filter: true, sort: true, required: true },
    label: { column: 'label', kind: 'text', filter: true, sort: true, required: true },
    type: { column: 'type', kind: 'text', filter: true, required: true },
    options: { column: 'options', kind: 'textArray' },
    required: { column: 'required', kind: 'bool', filter: true, required: true },
    sortOrder: { column: 'sort_order', kind: 'int', sort: true, required: true },
  },
  createSchema,
  updateSchema,
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
