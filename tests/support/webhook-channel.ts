import { expect } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { runIntakeBatch } from '../../server/integration/intake-batch.ts';
import { post, type Headers } from './resource-helpers.ts';
import { call, demoCompany, type Company } from './test-app.ts';
import { testDatabase } from './test-database.ts';

export interface WebhookWorld {
  database: Database;
  company: Company;
  admin: Headers;
  /** The channel's secret, shown once at creation. */
  secret: string;
  channelId: string;
}

/** A fresh demo company with one web-form channel (no retries) acting as its admin. */
export async function webhookChannelWorld(options: {
  customers: number;
  key: string;
  name: string;
  mapping: unknown;
}): Promise<WebhookWorld> {
  const database = await testDatabase();
  const company = await demoCompany({ customers: options.customers, orders: 0 });
  const admin = await company.as('admin');
  const res = await post('/api/v1/channels', admin, {
    key: options.key,
    name: options.name,
    kind: 'webhook',
    serviceUserId: company.users.admin,
    mapping: options.mapping,
    retryLimit: 0,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { database, company, admin, secret: res.body.secret as string, channelId: res.body.data.id as string };
}

/** Stores records through a channel's intake endpoint (queued, not applied: no job runner here). */
export async function storeIntake(key: string, secret: string, payloads: object[]): Promise<string[]> {
  const ids: string[] = [];
  for (const payload of payloads) {
    const res = await call({
      method: 'POST',
      url: `/api/v1/intake/${key}`,
      payload,
      headers: { 'x-cairn-channel-secret': secret },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    ids.push(res.body.data.id);
  }
  return ids;
}

/** Applies stored records at their first attempt as one set-based batch (intake-batch.ts). */
export const applyBatch = (database: Database, tenantId: string, ids: string[]) =>
  runIntakeBatch(
    database,
    tenantId,
    ids.map((intakeId) => ({ intakeId, attempt: 0 })),
  );
