import { z } from 'zod';
import { dateString } from '../http/common-schemas.ts';
import { definitionDocument, metricDimensions, semverString } from './definition-schema.ts';

export const versionSchema = z
  .object({
    id: z.string(),
    definitionId: z.string(),
    semver: z.string(),
    validFrom: z.string(),
    document: definitionDocument,
    hash: z.string().describe('sha256 of the canonical document'),
    status: z.enum(['draft', 'approved']),
    changeNote: z.string(),
    diff: z.unknown().describe('{from: semver, changes: [{path, from, to}]} against the version it was based on'),
    basedOn: z.string().nullable(),
    rolledBackTo: z.string().nullable().describe('for a rollback, the version whose document it republishes'),
    authorId: z.string().nullable(),
    approverId: z.string().nullable(),
    approvedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MetricDefinitionVersion' });

export const definitionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    createdAt: z.string(),
    versions: z.array(versionSchema),
  })
  .meta({ id: 'MetricDefinition' });

export const newVersionBody = z.object({
  semver: semverString,
  validFrom: dateString,
  document: definitionDocument,
  changeNote: z.string().trim().min(1, 'is required').max(500),
});

export const createDefinitionBody = newVersionBody.extend({
  name: z.string().trim().min(1, 'is required').max(100),
  description: z.string().trim().max(500).nullish(),
});

export const rollbackBody = z.object({
  toVersion: semverString.describe('the approved version whose document is republished'),
  validFrom: dateString.optional().describe('default: today'),
  changeNote: z.string().trim().min(1).max(500).optional(),
});

export const runBody = z.object({
  definitionId: z.uuid({ error: 'must be an id (UUID)' }),
  version: semverString.optional().describe('run the whole period under this approved version'),
  from: dateString,
  to: dateString,
  groupBy: z.array(z.enum(metricDimensions)).max(4).default([]).describe("default: the definition's dimensions"),
  restateUnder: semverString.optional().describe('restate the whole period under this approved version'),
});

export const drillBody = runBody.extend({
  cell: z
    .partialRecord(z.enum(metricDimensions), z.string().max(200).nullable())
    .default({})
    .describe('the group keys of the cell (row.group); {} for the totals'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const measureValue = z.union([z.string(), z.number()]);
const measures = {
  sum: measureValue.optional(),
  count: measureValue.optional(),
  distinctCustomers: measureValue.optional(),
  averageDealSize: measureValue.optional(),
};

const rateSourceSchema = z.object({
  rateSet: z.string(),
  source: z.string(),
  currency: z.string(),
  quote: z.string(),
  firstRateDate: z.string(),
  lastRateDate: z.string(),
});

export const stampSchema = z
  .object({
    text: z.string().describe('zh-CN: 本数据依据口径 <name> V<version> 生成,生效日期 <validFrom>'),
    definitionName: z.string(),
    version: z.string(),
    versionId: z.string(),
    validFrom: z.string(),
    hash: z.string(),
    rateSources: z.array(rateSourceSchema),
    computedAt: z.string(),
    restated: z.boolean(),
  })
  .meta({ id: 'ReportStamp' });

export const reportResultSchema = z
  .object({
    rows: z.array(
      z.object({
        version: z.string(),
        from: z.string(),
        to: z.string(),
        group: z.record(z.string(), z.string().nullable()),
        labels: z.record(z.string(), z.string().nullable()),
        ...measures,
      }),
    ),
    totals: z.object(measures),
    measures: z.array(z.string()),
    groupBy: z.array(z.string()),
    segments: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        version: z.string(),
        versionId: z.string(),
        validFrom: z.string(),
        hash: z.string(),
        basis: z.string(),
        totals: z.object(measures),
        substitutions: z.array(z.object({ currency: z.string(), date: z.string(), usedRateDate: z.string() })),
      }),
    ),
    stamp: stampSchema,
  })
  .meta({ id: 'ReportResult' });

export const drillResultSchema = z.object({
  records: z.array(
    z.object({
      version: z.string(),
      recordType: z.string(),
      id: z.string(),
      date: z.string(),
      customerId: z.string().nullable(),
      contractId: z.string().nullable(),
      sku: z.string().nullable(),
      currency: z.string(),
      amount: z.string(),
      rate: z.string().nullable(),
      value: z.string(),
      dealKey: z.string(),
    }),
  ),
  deals: z.array(z.object({ version: z.string(), dealKey: z.string(), records: z.number(), value: z.string() })),
  truncated: z.boolean(),
  stamp: stampSchema,
});
