import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { currencies } from '../../common/enums.ts';
import { newId } from '../../common/ids.ts';
import { validationError, type FieldIssue } from '../errors.ts';
import { dateString } from '../http/common-schemas.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { sha256 } from './definition-schema.ts';

/** A rate as given: 1 `base` = `rate` `quote` on `rateDate`. */
export interface RateInput {
  base: string;
  quote: string;
  rateDate: string;
  rate: string;
  publishedAt?: string | null;
}

export interface RateOrigin {
  rateSet: string;
  source: string;
  reason?: string | null;
  payloadHash?: string | null;
  createdBy?: string | null;
}

export const rateValue = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine(
    (v) => /^\d{1,10}(\.\d{1,10})?$/.test(v) && new Decimal(v).gt(0),
    'must be a positive decimal with at most 10 decimals',
  );

export const rateRow = z.object({
  base: z.enum(currencies),
  quote: z.enum(currencies),
  rateDate: dateString,
  rate: rateValue,
  publishedAt: z.iso.datetime({ offset: true }).nullish(),
});

/** Stores rates (one per set, pair and date: a later entry replaces the earlier one with its own source). */
export async function storeRates(trx: Trx, tenantId: string, origin: RateOrigin, rates: RateInput[]) {
  const now = new Date();
  for (let i = 0; i < rates.length; i += 500) {
    await trx
      .insertInto('fx_rates')
      .values(
        rates.slice(i, i + 500).map((r) => ({
          tenant_id: tenantId,
          id: newId(),
          rate_set: origin.rateSet,
          base: r.base,
          quote: r.quote,
          rate_date: r.rateDate,
          rate: r.rate,
          source: origin.source,
          published_at: r.publishedAt ?? null,
          fetched_at: now,
          payload_hash: origin.payloadHash ?? null,
          reason: origin.reason ?? null,
          created_by: origin.createdBy ?? null,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'rate_set', 'base', 'quote', 'rate_date']).doUpdateSet((eb) => ({
          rate: eb.ref('excluded.rate'),
          source: eb.ref('excluded.source'),
          published_at: eb.ref('excluded.published_at'),
          fetched_at: eb.ref('excluded.fetched_at'),
          payload_hash: eb.ref('excluded.payload_hash'),
          reason: eb.ref('excluded.reason'),
          created_by: eb.ref('excluded.created_by'),
        })),
      )
      .execute();
  }
  return rates.length;
}

export async function listRates(
  trx: Trx,
  tenantId: string,
  q: { rateSet?: string; base?: string; quote?: string; from?: string; to?: string; limit: number },
) {
  let query = trx.selectFrom('fx_rates').selectAll().where('tenant_id', '=', tenantId);
  if (q.rateSet) query = query.where('rate_set', '=', q.rateSet);
  if (q.base) query = query.where('base', '=', q.base);
  if (q.quote) query = query.where('quote', '=', q.quote);
  if (q.from) query = query.where('rate_date', '>=', q.from);
  if (q.to) query = query.where('rate_date', '<=', q.to);
  const rows = await query.orderBy('rate_date', 'desc').orderBy('base').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    rateSet: r.rate_set,
    base: r.base,
    quote: r.quote,
    rateDate: String(r.rate_date).slice(0, 10),
    rate: new Decimal(r.rate).toString(),
    source: r.source,
    publishedAt: r.published_at?.toISOString() ?? null,
    fetchedAt: r.fetched_at.toISOString(),
    payloadHash: r.payload_hash,
    reason: r.reason,
  }));
}

const header = ['date', 'base', 'quote', 'rate'] as const;

/** The rows of an uploaded table (CSV text or an xlsx workbook): columns date, base, quote, rate[, publishedAt]. */
export async function parseRateFile(format: 'csv' | 'xlsx', content: Buffer): Promise<RateInput[]> {
  const table = format === 'csv' ? csvTable(content.toString('utf8')) : await xlsxTable(content);
  const [head, ...body] = table;
  const names = (head ?? []).map((h) => h.trim().toLowerCase());
  const missing = header.filter((h) => !names.includes(h));
  if (missing.length)
    throw validationError([
      { path: 'content', message: `needs the columns ${header.join(', ')}; missing ${missing.join(', ')}` },
    ]);
  const col = (name: string) => names.indexOf(name.toLowerCase());
  const issues: FieldIssue[] = [];
  const rows: RateInput[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const parsed = rateRow.safeParse({
      rateDate: cells[col('date')]?.trim(),
      base: cells[col('base')]?.trim().toUpperCase(),
      quote: cells[col('quote')]?.trim().toUpperCase(),
      rate: cells[col('rate')]?.trim(),
      publishedAt: col('publishedat') >= 0 ? cells[col('publishedat')]?.trim() || null : null,
    });
    if (parsed.success) rows.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        issues.push({ path: `content.rows.${i + 2}.${issue.path.join('.')}`, message: issue.message });
  });
  if (issues.length) throw validationError(issues.slice(0, 50));
  if (rows.length === 0) throw validationError([{ path: 'content', message: 'has no rate rows' }]);
  return rows;
}

function csvTable(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
}

async function xlsxTable(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw validationError([{ path: 'content', message: 'is not an xlsx workbook' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw validationError([{ path: 'content', message: 'has no worksheet' }]);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    table.push(
      values.map((v) =>
        v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v),
      ),
    );
  });
  return table;
}

export const payloadHash = (content: Buffer | string) => sha256(content);
