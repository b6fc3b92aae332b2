import { z } from 'zod';

export const idParams = z.object({ id: z.uuid({ error: 'must be an id (UUID)' }) });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'Error' });

export const errorResponses = {
  400: errorSchema.describe('Validation failed; details.fields names each offending field'),
  401: errorSchema.describe('Not signed in'),
  403: errorSchema.describe('Not allowed'),
  404: errorSchema.describe('Not found'),
  409: errorSchema.describe('Conflict: duplicate, stale version or deleted parent'),
};

export const listQuery = z.object({
  filter: z
    .string()
    .max(4000)
    .optional()
    .describe(
      'JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>"',
    ),
  sort: z.string().max(100).optional().describe('One field, "-" prefix for descending, e.g. -updatedAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional().describe('Opaque cursor from nextCursor'),
  fields: z
    .string()
    .max(1000)
    .optional()
    .describe('Sparse fieldset: comma-separated field names (id is always returned)'),
  include: z.string().max(200).optional().describe('Related lists to embed, comma-separated'),
  q: z.string().max(100).optional().describe('Quick search'),
});

export const getQuery = z.object({
  fields: listQuery.shape.fields,
  include: listQuery.shape.include,
});

/** A decimal amount as a string (numbers are accepted and converted); later checks see only valid text. */
export const decimalString = (max = 16) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => new RegExp(`^-?\\d{1,${max}}(\\.\\d{1,2})?$`).test(v), {
      message: 'must be a decimal amount with at most 2 decimals',
      abort: true,
    });

export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'is not a real calendar date');
/** The instants PostgreSQL stores and ISO 8601 writes with a four-digit year: years 1 to 9999, UTC. */
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');
export const isStorableInstant = (ms: number) => ms >= FIRST_INSTANT && ms <= LAST_INSTANT;
export const instantRangeMessage = 'must be a date-time between the years 1 and 9999 (UTC)';

/** An ISO 8601 date-time with a time zone, inside the storable years. */
export const isoTimestamp = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone', abort: true })
  .refine((v) => isStorableInstant(Date.parse(v)), instantRangeMessage);

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY');
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const versionField = z.number().int().min(1).describe('The version you read; a stale one answers 409');

/** True for a YYYY-MM-DD that exists in the calendar (2031-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
