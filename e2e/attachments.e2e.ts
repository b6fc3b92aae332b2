/** Uploading an image to a customer's attachments, and seeing it listed. */
import { expect, test } from 'vitest';
import { apiClient, apiLogin, createCustomer, need, openContext, pngOf, uniqueName } from './support/app.ts';
import { label } from './support/labels.ts';

test('upload an image attachment to a customer', async () => {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const customer = await createCustomer(api, uniqueName('E2E 附件客户'));
  const fileName = `e2e-名片-${Date.now().toString(36)}.png`;

  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail');
  const image = await pngOf(page);

  const tab = page.getByRole('tab', { name: label('detail.tabs.attachments') });
  await need(tab, 'an "附件 / Attachments" tab on the customer detail');
  await tab.click();

  const upload = page.getByTestId('attachment-upload');
  await need(upload, 'the attachment upload control (data-testid="attachment-upload")', { state: 'attached' });
  const file = { name: fileName, mimeType: 'image/png', buffer: image };
  const uploaded = page.waitForResponse(
    (r) => r.url().includes('/api/v1/attachments') && r.request().method() === 'POST',
  );
  await upload.setInputFiles(file);
  const response = await uploaded;
  expect(response.status(), `upload answered ${response.status()}`).toBe(201);
  // the upload answers at once with the file as sent; the image job converts it afterwards
  const created = (await response.json()) as { data: { name: string; mimeType: string; sizeBytes: number } };
  expect(created.data).toMatchObject({ name: fileName, mimeType: 'image/png', sizeBytes: image.length });

  await need(page.getByText(fileName), 'the uploaded file listed under the attachments tab');
  const filter = encodeURIComponent(JSON.stringify({ customerId: customer.id }));
  type Stored = { name: string; mimeType: string; processing: string; variants: Record<string, { width: number }> };
  const stored = async () =>
    (await api.get<{ data: Stored[] }>(`/attachments?filter=${filter}`)).data.find((a) => a.name === fileName);
  await expect
    .poll(async () => (await stored())?.processing, { message: 'the image job converts the upload' })
    .toBe('done');
  expect(await stored()).toMatchObject({
    mimeType: 'image/webp',
    variants: { web: { width: 160 }, thumb: expect.objectContaining({ width: 160 }) },
  });

  // Images preview in place.
  const preview = page.getByRole('button', { name: label('attachment.preview', { after: fileName }) });
  await need(preview, `a "预览 / Preview" button for ${fileName}`);
  await preview.click();
  const img = page.getByRole('img', { name: fileName });
  await need(img, 'the image preview');
  await expect
    .poll(() => img.first().evaluate((el) => (el as HTMLImageElement).naturalWidth))
    .toBe(160 * (await page.evaluate(() => devicePixelRatio)));
});
