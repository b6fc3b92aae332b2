/** Importing a small CSV through the import page: upload, preview, run, live progress to the end; axe finds nothing. */
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, apiLogin, need, openContext, uniqueName } from './support/app.ts';
import importsZh from '../web/src/modules/imports/i18n/zh-CN.ts';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/**
 * axe-core (WCAG 2.1 A/AA rules) on the import page's content, evaluated through the DevTools
 * protocol so the page's CSP does not apply. The app shell around it is not this page's to judge.
 */
async function axeViolations(page: Page): Promise<string[]> {
  const results = (await page.evaluate(`${axeSource}
    axe.run({ include: [['.imports-page']] }, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`)) as {
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }>;
  };
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

test('import a small CSV through the page and watch the progress finish', async () => {
  const session = await apiLogin('admin');
  const api = apiClient(session.token);
  const names = [uniqueName('E2E 导入甲公司'), uniqueName('E2E 导入乙公司')];
  const csv = [
    '公司名称,联系电话,行业',
    `${names[0]},13900001111,软件`,
    `${names[1]},,制造`,
    '电话错误公司,0512-1,软件',
  ].join('\n');

  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/integrations/imports');
  await need(page.getByRole('heading', { name: importsZh.title, level: 1 }), 'the import page heading');
  await need(page.getByRole('combobox', { name: importsZh.upload.channel }), 'the import channel select');
  await page.getByLabel(importsZh.upload.file, { exact: true }).setInputFiles({
    name: 'e2e-客户.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: importsZh.upload.submit }).click();
  await need(page.getByTestId('imports-uploaded').filter({ hasText: 'e2e-客户.csv' }), 'the uploaded file summary');

  // the dry-run preview: two new customers, one row whose phone the mapping refuses
  await page.getByRole('button', { name: importsZh.preview.run.replace('{count}', '50') }).click();
  const summary = await need(page.getByTestId('imports-preview-summary'), 'the preview summary');
  await expect.poll(() => summary.textContent()).toContain('新建 2');
  await expect.poll(() => summary.textContent()).toContain('错误 1');
  expect(
    await api.request('GET', `/customers?filter=${encodeURIComponent(JSON.stringify({ name: names[0] }))}`),
  ).toMatchObject({
    body: { data: [] },
  });

  await page.getByRole('button', { name: importsZh.run.start }).click();
  const progress = await need(page.getByTestId('imports-progress'), 'the import progress bar');
  await expect.poll(() => progress.getAttribute('data-status'), { timeout: 45_000 }).toBe('finished');
  await expect.poll(() => page.getByTestId('imports-counts').textContent()).toContain('新建 2');
  await need(page.getByRole('progressbar', { name: importsZh.run.progress }), 'the named progress bar');
  await need(page.getByRole('button', { name: importsZh.run.report }), 'the error report download');

  const found = await api.get<{ data: Array<{ name: string; mainPhone: string | null }> }>(
    `/customers?filter=${encodeURIComponent(JSON.stringify({ name: { in: names } }))}`,
  );
  expect(found.data.map((c) => c.name).sort()).toEqual([...names].sort());

  expect(await axeViolations(page)).toEqual([]);
});
