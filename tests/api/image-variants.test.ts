import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertAttachmentImage, imageQueueName } from '../../server/image-variants/image-jobs.ts';
import { topicQueues } from '../../server/jobs/register.ts';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { multipart } from '../support/resource-helpers.ts';
import { expectError, type Headers } from './guards-support.ts';

let company: Company;
let sales1: Headers;
let photo: Buffer;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany({ customers: 2, orders: 0 });
  sales1 = await company.as('sales1');
  const created = await call({
    method: 'POST',
    url: '/api/v1/customers',
    headers: sales1,
    payload: { name: '图片附件测试有限公司' },
  });
  customerId = created.body.data.id;
  // a 2400×1600 photo taken with the phone on its side (EXIF orientation 6), with its EXIF block
  photo = await sharp({
    create: {
      width: 2400,
      height: 1600,
      channels: 3,
      background: { r: 90, g: 140, b: 200 },
      noise: { type: 'gaussian', mean: 120, sigma: 20 },
    },
  })
    .jpeg({ quality: 70 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Cairn test', Make: 'PhoneMaker' } } })
    .toBuffer();
});

async function upload(name: string, type: string, data: Buffer) {
  const form = multipart({ recordType: 'customer', recordId: customerId }, { name, type, data });
  const res = await call({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: { ...sales1, 'content-type': form.contentType },
    payload: form.payload,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; processing: string | null };
}

const convert = async (id: string) =>
  convertAttachmentImage(await testDatabase(), (await testApp()).storage, {
    tenantId: company.tenantId,
    attachmentId: id,
  });
const read = async (id: string) =>
  (await call({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: sales1 })).body.data;
const download = (url: string) => call({ method: 'GET', url, headers: sales1 });
const setKeepOriginals = async (keepImageOriginals: boolean) =>
  expect(
    (
      await call({
        method: 'PATCH',
        url: '/api/v1/tenant',
        headers: await company.as('admin'),
        payload: { keepImageOriginals },
      })
    ).status,
  ).toBe(200);

describe('image uploads get WebP variants in a job', () => {
  it('answers the upload at once as pending, and the attachment.created event starts the job', async () => {
    const created = await upload('现场照片.jpg', 'image/jpeg', photo);
    expect(created.processing).toBe('pending');
    expect(topicQueues()['attachment.created']).toContain(imageQueueName);
  });

  it('turns the photo upright, fits it in 2048 px (thumbnail 256 px), drops its metadata, and replaces the original', async () => {
    const { id } = await upload('拜访合影.jpg', 'image/jpeg', photo);
    expect(await convert(id)).toBe('converted');
    const record = await read(id);
    expect(record.processing).toBe('done');
    // upright: the 2400×1600 sensor image on its side is 1600 wide and 2400 high
    expect(record.variants.web).toMatchObject({
      url: `/api/v1/attachments/${id}/variants/web`,
      width: 1365,
      height: 2048,
    });
    expect(record.variants.thumb).toMatchObject({ width: 171, height: 256 });
    expect(record.variants.kind).toBe('photo');

    const web = await download(record.variants.web.url);
    expect(web.status).toBe(200);
    expect(web.res.headers['content-type']).toBe('image/webp');
    const bytes = web.res.rawPayload;
    expect(bytes.length).toBe(record.variants.web.bytes);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1365, 2048]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    // without the company's say-so, the original is gone: the file is now the web variant
    expect(record.mimeType).toBe('image/webp');
    const file = await download(`/api/v1/attachments/${id}/download`);
    expect(file.res.rawPayload.equals(bytes)).toBe(true);
    expect(await convert(id)).toBe('skipped');
  });

  it('keeps the original when the company asks', async () => {
    await setKeepOriginals(true);
    try {
      const { id } = await upload('原图保留.jpg', 'image/jpeg', photo);
      expect(await convert(id)).toBe('converted');
      const record = await read(id);
      expect(record.mimeType).toBe('image/jpeg');
      expect((await download(`/api/v1/attachments/${id}/download`)).res.rawPayload.equals(photo)).toBe(true);
      expect((await download(record.variants.thumb.url)).res.headers['content-type']).toBe('image/webp');
    } finally {
      await setKeepOriginals(false);
    }
  });

  it('marks an undecodable file and a pixel bomb failed with the reason, keeping the upload', async () => {
    const broken = Buffer.from('this is not really a jpeg');
    const { id } = await upload('坏图.jpg', 'image/jpeg', broken);
    expect(await convert(id)).toBe('failed');
    const record = await read(id);
    expect(record.processing).toBe('failed');
    expect(record.processingError).toBeTruthy();
    expect((await download(`/api/v1/attachments/${id}/download`)).res.rawPayload.equals(broken)).toBe(true);
    expectError(await download(`/api/v1/attachments/${id}/variants/web`), 404, 'NOT_FOUND');

    const bomb = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const bombed = await upload('巨图.png', 'image/png', bomb);
    expect(await convert(bombed.id)).toBe('failed');
    expect((await read(bombed.id)).processingError).toContain('pixel limit');
  });

  it('tells a scanned page from a photo, and leaves files that are not images alone', async () => {
    const page = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#fafafa' } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="1000" height="200"><text x="10" y="100" font-size="60">营业执照 副本</text></svg>',
          ),
          top: 200,
          left: 100,
        },
      ])
      .png()
      .toBuffer();
    const scan = await upload('营业执照扫描.png', 'image/png', page);
    expect(await convert(scan.id)).toBe('converted');
    expect((await read(scan.id)).variants.kind).toBe('scan');

    const text = await upload('说明.txt', 'text/plain', Buffer.from('不是图片'));
    expect(text.processing).toBeNull();
    expect(await convert(text.id)).toBe('skipped');
    expect((await read(text.id)).variants).toBeNull();
  });
});
