/** A few demo attachments whose bytes really exist in file storage. */
import { createHash } from 'node:crypto';
import { newId } from '../../common/ids.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import type { SeededContract } from './demo-contracts.ts';
import type { SeededCustomer } from './demo-customers.ts';
import { shanghaiDate } from './random.ts';
import { csvFile, simplePdf, stripedPng, utf8Text } from './sample-files.ts';
import { baseColumns, type Row, type SeedContext } from './seed-context.ts';

interface PlannedFile {
  recordType: 'customer' | 'contract';
  recordId: string;
  customerId: string;
  name: string;
  mimeType: string;
  data: Buffer;
}

function planFiles(ctx: SeedContext, customer: SeededCustomer, contract: SeededContract): PlannedFile[] {
  const contractNumber = contract.number;
  const onCustomer = { recordType: 'customer', recordId: customer.id, customerId: customer.id } as const;
  const contact = customer.contactNames[0]!;
  const today = shanghaiDate(ctx.now);
  return [
    {
      ...onCustomer,
      name: `名片-${contact}.png`,
      mimeType: 'image/png',
      data: stripedPng(48, 32, [
        [92, 107, 115],
        [140, 155, 160],
        [188, 196, 199],
        [226, 230, 231],
      ]),
    },
    {
      ...onCustomer,
      name: '拜访纪要.txt',
      mimeType: 'text/plain',
      data: utf8Text([
        `拜访纪要 ${today}`,
        `客户：${customer.company.name}`,
        `对接人：${contact}`,
        '1. 客户销售团队目前用Excel管理线索，希望统一到CRM。',
        '2. 关注移动端跟进记录和企业微信集成。',
        '3. 下一步：一周内提交实施方案和报价。',
      ]),
    },
    {
      ...onCustomer,
      name: '报价单.csv',
      mimeType: 'text/csv',
      data: csvFile([
        ['SKU', '产品', '数量', '单价', '金额'],
        ['CRM-PRO-01', 'Cairn CRM 专业版（年/用户）', 30, '2400.00', '72000.00'],
        ['SVC-IMPL-01', '实施服务（基础包）', 1, '30000.00', '30000.00'],
      ]),
    },
    {
      recordType: 'contract',
      recordId: contract.id,
      customerId: contract.customer.id,
      name: `${contractNumber}-合同扫描件.pdf`,
      mimeType: 'application/pdf',
      data: simplePdf([
        `Contract ${contractNumber}`,
        'Cairn CRM demo data - scanned copy placeholder',
        `Generated ${today}`,
      ]),
    },
  ];
}

/** Writes the files to `storage` and returns their attachment rows. */
export async function buildAttachments(
  ctx: SeedContext,
  storage: FileStorage,
  customer: SeededCustomer,
  contract: SeededContract,
): Promise<Row<'attachments'>[]> {
  const rows: Row<'attachments'>[] = [];
  for (const file of planFiles(ctx, customer, contract)) {
    const id = newId();
    const storageKey = `${ctx.tenantId}/${id}`;
    await storage.put(storageKey, file.data);
    rows.push({
      ...baseColumns(ctx, ctx.now),
      id,
      record_type: file.recordType,
      record_id: file.recordId,
      customer_id: file.customerId,
      name: file.name,
      mime_type: file.mimeType,
      size_bytes: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      storage_key: storageKey,
    });
  }
  return rows;
}
