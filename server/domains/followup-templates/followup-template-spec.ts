import { z } from 'zod';
import { followupKinds, followupStatuses } from '../../../common/enums.ts';
import { defineResource, type FieldDefinitions } from '../../resources/define-resource.ts';
import { uniqueKeyCheck } from '../../resources/duplicates.ts';

const followupTemplateFields = {
  title: {
    column: 'title',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(40),
    description: 'Unique in the company (case-insensitive)',
  },
  body: {
    column: 'body',
    kind: 'text',
    filter: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(2000),
    description: 'The follow-up text the template fills in',
  },
  status: {
    column: 'status',
    kind: 'text',
    filter: true,
    input: z.enum(followupStatuses).nullable().optional().describe('The follow-up status it records; null: unchanged'),
  },
  kind: {
    column: 'kind',
    kind: 'text',
    filter: true,
    input: z.enum(followupKinds).nullable().optional().describe('The follow-up kind it records; null: unchanged'),
  },
} satisfies FieldDefinitions;

/**
 * The company's follow-up templates: texts a rep picks in the composer. They are company
 * settings (writes need the `settings` grants administrators hold); every signed-in user reads
 * them. The list a rep sees, their most recently used first, is GET /api/v1/followup-templates
 * (followup-template-routes.ts), so the generic list route is left out.
 */
export const followupTemplateSpec = defineResource({
  path: 'followup-templates',
  recordType: 'followupTemplate',
  table: 'followup_templates',
  tag: 'Follow-ups',
  titleField: 'title',
  access: { object: 'settings' },
  fields: followupTemplateFields,
  duplicateCheck: uniqueKeyCheck({
    recordType: 'follow-up template',
    table: 'followup_templates',
    titleColumn: 'title',
    keys: [{ field: 'title', columns: ['title'], caseInsensitive: true }],
  }),
  readableByAll: true,
  operations: { list: false },
  defaultSort: 'title',
});
