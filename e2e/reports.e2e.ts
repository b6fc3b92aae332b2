/**
 * 报表 on the desk, on the demo data: 销售业绩口径 over this year (V1.0 until March, V2.0 from
 * April) as a chart and a table, each with its stamp; a drill-down from a cell to the records
 * behind it; the xlsx export carries the stamp; the definitions, rates and snapshot pages open.
 * Every page passes axe-core's WCAG 2 AA rules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { need, openContext } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { label, reportsLabel } from './support/labels.ts';

const settled = async (page: Page, what: string) => {
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), { message: `${what} loaded` }).toBe(0);
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
};

test('a report with its stamp under chart and table, a drill-down, and the xlsx export with the stamp', async () => {
  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/customers');
  await page.getByRole('link', { name: label('nav.reports') }).click();
  await need(page.getByRole('heading', { level: 1, name: reportsLabel('tabs.run') }), 'the report page');
  await need(page.getByRole('combobox', { name: reportsLabel('run.definition') }), 'the definition picker');
  // 销售业绩口径: this year spans V1.0 (to March) and V2.0 (from April)
  // typing into a focused select opens it (its selected value covers the input for clicks)
  await page.getByRole('combobox', { name: reportsLabel('run.definition') }).focus();
  await page.keyboard.type('销售业绩');
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: /^销售业绩口径$/ });
  await need(option, 'the 销售业绩口径 option');
  await option.click();
  await expect.poll(() => page.locator('.ant-select-selection-item').first().textContent()).toBe('销售业绩口径');

  await page.getByLabel(reportsLabel('run.from')).fill('2026-01-01');
  await page.getByLabel(reportsLabel('run.to')).fill('2026-06-30');
  const ran = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/reports/run');
  await page.getByRole('button', { name: reportsLabel('run.submit') }).click();
  const response = await ran;
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { stamp: { text: string; hash: string }; rows: unknown[] } };
  // a period across the version boundary names both versions
  expect(data.stamp.text).toBe(
    '本数据依据口径 销售业绩口径 V1.0 生成,生效日期 2026-01-01;本数据依据口径 销售业绩口径 V2.0 生成,生效日期 2026-04-01',
  );
  expect(data.rows.length).toBeGreaterThan(0);

  await need(page.getByTestId('report-chart').locator('svg'), 'the ECharts chart');
  for (const testId of ['chart-stamp', 'report-stamp']) {
    const stamp = page.getByTestId(testId);
    await need(stamp, `the stamp (${testId})`);
    expect(await stamp.getByTestId('stamp-text').textContent()).toContain(data.stamp.text);
    expect(await stamp.textContent()).toContain(data.stamp.hash);
  }
  await need(page.getByTestId('report-split'), 'the split between the two definition versions');
  await settled(page, 'the report');
  await expectAccessible(page, 'the report page');

  // Drill-down: the records behind the first amount, with the same stamp.
  const drilled = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/reports/drill');
  await page.getByTestId('drill-cell').first().click();
  expect((await drilled).status()).toBe(200);
  await need(page.getByTestId('drill-panel'), 'the drill-down panel');
  await need(page.getByTestId('drill-record'), 'a record behind the cell');
  expect(await page.getByTestId('drill-record').count()).toBeGreaterThan(0);
  await need(page.getByTestId('drill-stamp'), 'the stamp under the drill-down');
  await settled(page, 'the drill-down');
  await expectAccessible(page, 'the drill-down');

  // Export: the server's workbook, with the stamp under the table.
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export').click();
  // the browser runs out of process: save a local copy of the download
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-report-')), 'report.xlsx');
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toBe('销售业绩口径.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => void cells.push(typeof cell.value === 'string' ? cell.value : ''))),
  );
  expect(cells).toContain(data.stamp.text);
  expect(cells.some((text) => text.includes(data.stamp.hash))).toBe(true);
}, 180_000);

test('definitions with their versions, the rates and the sealed snapshots with a restatement', async () => {
  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/reports/definitions');
  await need(page.getByRole('heading', { level: 1, name: reportsLabel('tabs.definitions') }), 'the definitions');
  const sales = page.getByTestId('definition-row').filter({ hasText: '销售业绩口径' });
  await need(sales, 'the 销售业绩口径 row');
  await settled(page, 'the definitions');
  await expectAccessible(page, 'the definitions');

  await sales.getByRole('link').click();
  await need(page.getByRole('heading', { level: 1, name: '销售业绩口径' }), 'the definition page');
  const versions = page.getByTestId('version-row');
  await need(versions.filter({ hasText: 'V2.0' }), 'version 2.0');
  await need(versions.filter({ hasText: 'V1.0' }), 'version 1.0');
  // the newest version shows its change against 1.0
  await need(page.getByText('document.basis', { exact: true }), 'the diff of V2.0 against V1.0');
  await settled(page, 'the definition page');
  await expectAccessible(page, 'the definition page');

  await page.getByRole('link', { name: reportsLabel('tabs.rates') }).click();
  await need(page.getByRole('heading', { level: 1, name: reportsLabel('tabs.rates') }), 'the rates page');
  await need(page.getByTestId('fx-rate-row').filter({ hasText: 'USD/CNY' }), 'a demo USD/CNY rate');
  await settled(page, 'the rates');
  await expectAccessible(page, 'the rates page');

  await page.getByRole('link', { name: reportsLabel('tabs.snapshots') }).click();
  await need(page.getByRole('heading', { level: 1, name: reportsLabel('tabs.snapshots') }), 'the snapshots');
  await need(page.getByTestId('snapshot-chain'), 'the hash chain status');
  const march = page.getByTestId('snapshot-row').filter({ hasText: '2026-03' }).filter({ hasText: '销售业绩口径' });
  await need(march, 'the sealed March 2026 of 销售业绩口径');
  await settled(page, 'the snapshots');
  await expectAccessible(page, 'the snapshots');

  await march.getByRole('link').click();
  await need(page.getByTestId('restatement-delta'), 'the restatement of March under V2.0');
  await need(page.getByTestId('report-stamp'), 'the stamp of the restatement');
  expect(await page.getByTestId('stamp-text').textContent()).toContain('V2.0');
  await settled(page, 'the restatement');
  await expectAccessible(page, 'the restatement');
}, 180_000);
