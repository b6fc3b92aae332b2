/** An image attachment shows its WebP thumbnail once the conversion job is done, and previews its web variant. */
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { apiClient, apiLogin, baseURL, createCustomer, need, openContext, uniqueName } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { label } from './support/labels.ts';

test('image attachments show their thumbnail and web variant', async () => {
  const session = await apiLogin('sales1');
  const customer = await createCustomer(apiClient(session.token), uniqueName('E2E 图片客户'));
  const fileName = `e2e-门头照-${Date.now().toString(36)}.jpg`;
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3a7d6b' } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('recordType', 'customer');
  form.append('recordId', customer.id);
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), fileName);
  const uploaded = await fetch(`${baseURL}/api/v1/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}` },
    body: form,
  });
  expect(uploaded.status).toBe(201);
  expect(((await uploaded.json()) as { data: { processing: string } }).data.processing).toBe('pending');

  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail');
  await page.getByRole('tab', { name: label('detail.tabs.attachments') }).click();
  await need(page.getByText(fileName), 'the image listed under the attachments tab');

  // the list asks again while the job converts it; then the 256 px WebP thumbnail shows
  const thumb = page.getByTestId('attachment-thumb');
  await need(thumb, 'the thumbnail of the converted image', { timeout: 30_000 });
  await expect.poll(() => thumb.first().evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(256);
  expect(await page.getByTestId('attachment-processing').count()).toBe(0);
  await expectAccessible(page, 'attachments with thumbnails');

  await page.getByRole('button', { name: label('attachment.preview', { after: fileName }) }).click();
  const web = page.getByTestId('attachment-web-variant');
  await need(web, 'the web variant in the preview');
  await expect.poll(() => web.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(900);
});
