import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../domains/register-all.ts';
import { demoCompany, type Company } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { expectFieldError, get, ok, post, qs, type Headers } from '../../tests/support/resource-helpers.ts';
import { fetchAndStoreRates, httpRateProvider } from './fx-provider.ts';
import { sha256 } from './definition-schema.ts';

let company: Company;
let admin: Headers;
let server: http.Server;
let feedUrl: string;
const requests: string[] = [];
const feedBody = JSON.stringify({
  date: '2026-05-06',
  publishedAt: '2026-05-06T01:15:00Z',
  rates: [
    { base: 'USD', quote: 'CNY', rate: '7.1012' },
    { base: 'EUR', quote: 'CNY', rate: 7.7531 },
  ],
});

beforeAll(async () => {
  company = await demoCompany({ customers: 0, orders: 0 });
  admin = await company.as('admin');
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.includes('2026-05-06')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(feedBody);
    } else if (req.url?.includes('broken')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"date":"x"}');
    } else res.writeHead(503).end('unavailable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/midpoint?date={date}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const rates = async (rateSet: string) => ok(await get(`/api/v1/fx-rates${qs({ rateSet })}`, admin));

describe('exchange rates', () => {
  it('manual entry needs a reason and keeps it with the rate', async () => {
    const body = { rateSet: 'MANUAL', rates: [{ base: 'USD', quote: 'CNY', rateDate: '2026-05-04', rate: '7.1' }] };
    expectFieldError(await post('/api/v1/fx-rates', admin, body), 'reason');
    expectFieldError(
      await post('/api/v1/fx-rates', admin, { ...body, reason: 'x', rates: [{ ...body.rates[0], rate: '-1' }] }),
      'rates.0.rate',
    );
    ok(await post('/api/v1/fx-rates', admin, { ...body, reason: '财务补录' }), 201);
    expect(await rates('MANUAL')).toEqual([
      expect.objectContaining({
        base: 'USD',
        quote: 'CNY',
        rateDate: '2026-05-04',
        rate: '7.1',
        source: 'manual',
        reason: '财务补录',
      }),
    ]);
    expect((await post('/api/v1/fx-rates', await company.as('sales1'), { ...body, reason: 'x' })).status).toBe(403);
  });

  it('imports a CSV table, all rows or none, with the hash of the upload', async () => {
    const csv = 'date,base,quote,rate\n2026-05-04,USD,CNY,7.1001\n2026-05-05,usd,CNY,7.1002\n';
    const res = ok(
      await post('/api/v1/fx-rates/import', admin, {
        rateSet: 'CSV',
        source: '中国外汇交易中心',
        format: 'csv',
        content: csv,
      }),
      201,
    );
    expect(res).toEqual({ stored: 2, payloadHash: sha256(Buffer.from(csv)) });
    expect((await rates('CSV')).map((r: any) => [r.rateDate, r.rate, r.payloadHash])).toEqual([
      ['2026-05-05', '7.1002', res.payloadHash],
      ['2026-05-04', '7.1001', res.payloadHash],
    ]);
    const bad = await post('/api/v1/fx-rates/import', admin, {
      rateSet: 'CSV-BAD',
      source: 'x',
      format: 'csv',
      content: 'date,base,quote,rate\n2026-05-04,USD,CNY,7.1\n2026-02-30,USD,CNY,7.1\n',
    });
    expectFieldError(bad, 'content.rows.3.rateDate');
    expect(await rates('CSV-BAD')).toEqual([]);
    expectFieldError(
      await post('/api/v1/fx-rates/import', admin, { rateSet: 'X', source: 'x', format: 'csv', content: 'a,b\n1,2' }),
      'content',
    );
  });

  it('imports an xlsx workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('rates');
    sheet.addRow(['date', 'base', 'quote', 'rate']);
    sheet.addRow(['2026-05-04', 'EUR', 'CNY', '7.7501']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    ok(
      await post('/api/v1/fx-rates/import', admin, { rateSet: 'XLSX', source: 'upload', format: 'xlsx', content }),
      201,
    );
    expect((await rates('XLSX')).map((r: any) => [r.base, r.rate])).toEqual([['EUR', '7.7501']]);
    expectFieldError(
      await post('/api/v1/fx-rates/import', admin, {
        rateSet: 'XLSX',
        source: 'u',
        format: 'xlsx',
        content: 'bm90IGEgemlw',
      }),
      'content',
    );
  });

  it('the scheduled fetch reads the midpoint feed over HTTP and stores each rate with its source and payload hash', async () => {
    const provider = httpRateProvider({ url: feedUrl, source: 'CFETS 中间价', rateSet: 'FEED' });
    const database = await testDatabase();
    const result = await fetchAndStoreRates(database, provider, '2026-05-06', [company.tenantId]);
    expect(result).toEqual({ date: '2026-05-06', rates: 2, companies: 1 });
    expect(requests.at(-1)).toBe('/midpoint?date=2026-05-06');
    expect((await rates('FEED')).map((r: any) => [r.base, r.rate, r.source, r.publishedAt, r.payloadHash])).toEqual([
      ['EUR', '7.7531', 'CFETS 中间价', '2026-05-06T01:15:00.000Z', sha256(feedBody)],
      ['USD', '7.1012', 'CFETS 中间价', '2026-05-06T01:15:00.000Z', sha256(feedBody)],
    ]);
    await expect(provider.fetchRates('2026-05-07')).rejects.toThrow(/503/);
    await expect(
      httpRateProvider({ url: `${feedUrl}&broken=1`, source: 's', rateSet: 'r' }).fetchRates('2026-05-08'),
    ).rejects.toThrow(/does not fit/);
  });
});
