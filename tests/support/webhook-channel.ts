import { expect } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { post, type Headers } from './resource-helpers.ts';
import { demoCompany, type Company } from './test-app.ts';
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
