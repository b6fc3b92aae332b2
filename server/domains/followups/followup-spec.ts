import { sql } from 'kysely';
import { z } from 'zod';
import { followupKinds, followupSources, followupStatuses } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type InputOnlyDefinitions,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { fieldError } from '../../errors.ts';
import { isoTimestamp, optionalText } from '../../http/common-schemas.ts';
import { requireLive } from '../shared-rules.ts';
import { enforceFollowupEditWindow } from '../../amendments/followup-edit-window.ts';
import { recordTemplateUse, requireLiveTemplate } from '../followup-templates/followup-template-uses.ts';
import { followupSourceField } from './followup-source.ts';

const followupFields = {
  customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true, input: z.uuid(), update: false },
  opportunityId: { column: 'opportunity_id', kind: 'uuid', filter: true, input: z.uuid().nullable().optional() },
  kind: {
    column: 'kind',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.enum(followupKinds),
    update: z.enum(followupKinds),
  },
  status: {
    column: 'status',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.enum(followupStatuses).default('initial_contact'),
    update: z.enum(followupStatuses),
  },
  content: {
    column: 'content',
    kind: 'text',
    filter: true,
    input: z.string().trim().min(1, 'is required').max(10000),
  },
  nextStep: { column: 'next_step', kind: 'text', input: optionalText(500) },
  nextStepAt: {
    column: 'next_step_at',
    kind: 'timestamp',
    filter: true,
    sort: true,
    input: isoTimestamp.nullable().optional(),
  },
  source: {
    column: 'source',
    kind: 'text',
    required: true,
    // how it was captured; presented (derived below) as the event it came from
    internal: true,
    input: z
      .enum(followupSources)
      .default('manual')
      .describe('How it was captured; the record presents `source` as the event it was recorded from'),
    update: false,
  },
  authorId: { column: 'author_id', kind: 'uuid', filter: true },
  summary: { column: 'summary', kind: 'text', description: 'A meeting transcript’s summary (read-only)' },
  occurredAt: {
    column: 'occurred_at',
    kind: 'timestamp',
    filter: true,
    sort: true,
    required: true,
    input: isoTimestamp.optional().describe('When it happened; defaults to now'),
    update: isoTimestamp,
  },
} satisfies FieldDefinitions;

const followupInputOnly = {
  templateId: {
    input: z
      .uuid({ error: 'must be an id (UUID)' })
      .optional()
      .describe('The follow-up template it was written from: recorded as your use of it (your recent templates)'),
    update: false,
  },
} satisfies InputOnlyDefinitions;

async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof followupFields, typeof followupInputOnly>,
  existing: TableRow<'followups'> | undefined,
  columns: TableColumns<'followups'>,
) {
  const customerId = existing?.customer_id ?? input.customerId!;
  if (!existing) {
    await requireLive(ctx, 'customers', customerId, 'customerId');
    columns.author_id = ctx.actor.userId;
    if (input.templateId) await requireLiveTemplate(ctx, input.templateId);
  }
  if (typeof input.opportunityId === 'string') {
    const opportunity = await requireLive(ctx, 'opportunities', input.opportunityId, 'opportunityId');
    if (opportunity.customer_id !== customerId) throw fieldError('opportunityId', 'belongs to another customer');
  }
  if (typeof input.occurredAt === 'string' && Date.parse(input.occurredAt) > Date.now() + 5 * 60_000) {
    throw fieldError('occurredAt', 'cannot be in the future');
  }
  return columns;
}

export const followupSpec = defineResource({
  path: 'followups',
  recordType: 'followup',
  table: 'followups',
  tag: 'Follow-ups',
  titleField: 'content',
  access: { object: 'followup', owner: 'author_id', inheritsFrom: 'customer' },
  fields: followupFields,
  inputOnly: followupInputOnly,
  derived: {
    source: followupSourceField,
    // found in a meeting transcript; governed by the summary's field rule
    objections: {
      kind: 'json',
      schema: z
        .array(z.object({ kind: z.string(), text: z.string(), speaker: z.string(), at: z.string() }))
        .nullable()
        .describe(
          'The customer objections a meeting transcript showed: kind price, competitor, timing, authority or feature_gap (read-only)',
        ),
      select: (table) => sql`${sql.ref(`${table}.objections`)}`,
      ruleOf: 'summary',
    },
  },
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  afterWrite: async (ctx, _row, input, created) => {
    if (created && input.templateId) await recordTemplateUse(ctx, input.templateId);
  },
  beforeUpdate: enforceFollowupEditWindow,
  includes: { attachments: { resource: 'attachments', column: 'record_id', where: { record_type: 'followup' } } },
  auditAliases: { amendment: 'content' },
  cascade: [{ resource: 'attachments', column: 'record_id', where: { record_type: 'followup' } }],
  defaultSort: '-occurredAt',
});
