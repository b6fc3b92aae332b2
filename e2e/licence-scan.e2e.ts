/**
 * The desk customer form's "扫描营业执照": a photo goes to POST /api/v1/ocr/business-licence, the
 * server asks the configured provider (a loopback double started by the global setup, see
 * e2e/support/ocr-double.ts), and the rep checks the four fields before they fill the form.
 */
import { expect, test } from 'vitest';
import { need, openContext, pngOf } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { label } from './support/labels.ts';
import { OCR_FIELDS } from './support/ocr-double.ts';

test('scan a business licence into the new-customer form', async () => {
  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto('/customers/new');
  const input = page.getByTestId('licence-scan-input');
  await need(input, 'the 扫描营业执照 file input on the customer form', { state: 'attached' });
  await need(page.getByText(label('licenceScan.scan')), 'the 扫描营业执照 button');
  const scanned = page.waitForResponse((r) => r.url().includes('/api/v1/ocr/business-licence'));
  await input.setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: await pngOf(page) });
  expect((await scanned).status(), 'the OCR route answers').toBe(200);

  const sheet = page.getByTestId('licence-scan');
  await need(sheet, 'the dialog to check the recognised fields');
  expect(await sheet.getByTestId('licence-name').innerText()).toContain(OCR_FIELDS.name);
  expect(await sheet.getByTestId('licence-creditCode').innerText()).toContain(OCR_FIELDS.creditCode);
  expect(await sheet.getByTestId('licence-legalRepresentative').innerText()).toContain(OCR_FIELDS.legalRepresentative);
  expect(await sheet.getByTestId('licence-address').innerText()).toContain(OCR_FIELDS.address);
  await expectAccessible(page, 'customer form with the licence check dialog');

  await sheet.getByRole('button', { name: label('licenceScan.apply') }).click();
  await expect.poll(() => page.getByLabel(label('customer.fields.name')).inputValue()).toBe(OCR_FIELDS.name);
  expect(await page.getByLabel(label('customer.fields.creditCode')).inputValue()).toBe(OCR_FIELDS.creditCode);
  // nothing is saved until the rep saves the form
  expect(new URL(page.url()).pathname).toBe('/customers/new');
});
