import { z } from 'zod';
import { followupKinds, followupSources, followupStatuses } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import { registerResource } from '../../resources/registry.ts';
import type { Input, ResourceSpec, Row } from '../../resources/resource-spec.ts';
import { fieldError } from '../../errors.ts';
import { isoTimestamp, optionalText, versionField } from '../../http/common-schemas.ts';
import { pick, requireLive } from '../shared-rules.ts';
import { enforceFollowupEditWindow } from '../../amendments/followup-edit-window.ts';

const createSchema = z
  .object({
    customerId: z.uuid(),
    opportunityId: z.uuid().nullable().optional(),
    kind: z.enum(followupKinds),
    status: z.enum(followupStatuses).default('initial_contact'),
    content: z.string().trim().min(1, 'is required').max(10000),
    nextStep: optionalText(500),
    nextStepAt: isoTimestamp.nullable().optional(),
    source: z.enum(followupSources).default('manual'),
    occurredAt: isoTimestamp.optional().describe('When it happened; defaults to now'),
  })
  .meta({ id: 'FollowupCreate' });

const updateSchema = z
  .object({
    opportunityId: createSchema.shape.opportunityId,
    kind: z.enum(followupKinds),
    status: z.enum(followupStatuses),
    content: createSchema.shape.content,
    nextStep: createSchema.shape.nextStep,
    nextStepAt: createSchema.shape.nextStepAt,
    occurredAt: isoTimestamp,
  })
  .partial()
  .extend({ version: versionField })
  .meta({ id: 'FollowupUpdate' });

async function toColumns(ctx: CommandContext, input: Input, existing: Row | undefined) {
  const columns = pick(input, {
    customerId: 'customer_id',
    opportunityId: 'opportunity_id',
    kind: 'kind',
    status: 'status',
    content: 'content',
    nextStep: 'next_step',
    nextStepAt: 'next_step_at',
    source: 'source',
    occurredAt: 'occurred_at',
  });
  const customerId = (existing?.customer_id ?? input.customerId) as string;
  if (!existing) {
    await requireLive(ctx, 'customers', customerId, 'customerId');
    columns.author_id = ctx.actor.userId;
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

export const followupSpec: ResourceSpec = registerResource({
  path: 'followups',
  recordType: 'followup',
  table: 'followups',
  tag: 'Follow-ups',
  titleField: 'content',
  fields: {
    customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true },
    opportunityId: { column: 'opportunity_id', kind: 'uuid', filter: true },
    kind: { column: 'kind', kind: 'text', filter: true, sort: true, required: true },
    status: { column: 'status', kind: 'text', filter: true, sort: true, required: true },
    content: { column: 'content', kind: 'text', filter: true },
    nextStep: { column: 'next_step', kind: 'text' },
    nextStepAt: { column: 'next_step_at', kind: 'timestamp', filter: true, sort: true },
    source: { column: 'source', kind: 'text', filter: true, required: true },
    authorId: { column: 'author_id', kind: 'uuid', filter: true },
    occurredAt: { column: 'occurred_at', kind: 'timestamp', filter: true, sort: true, required: true },
  },
  createSchema,
  updateSchema,
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  beforeUpdate: enforceFollowupEditWindow,
  includes: { attachments: { resource: 'attachments', column: 'record_id', where: { record_type: 'followup' } } },
  auditAliases: { amendment: 'content' },
  cascade: [{ resource: 'attachments', column: 'record_id', where: { record_type: 'followup' } }],
  defaultSort: '-occurredAt',
});
