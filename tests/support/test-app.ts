import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../server/config.ts';
import { buildApp, API_VERSION } from '../../server/http/app.ts';
import { LocalFileStorage } from '../../server/storage/file-storage.ts';
import { seedDemo, DEMO_PASSWORD, type DemoSeedResult } from '../../server/seed/demo.ts';
import { newId } from '../../common/ids.ts';
import { testDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  storage: LocalFileStorage;
  filesDir: string;
}

let shared: Promise<TestApp> | undefined;

/** One Fastify app over the shared test database (no listening socket; tests use inject). */
export function testApp(): Promise<TestApp> {
  shared ??= (async () => {
    const database = await testDatabase();
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-test-files-'));
    const storage = new LocalFileStorage(filesDir);
    const config = { ...loadConfig({}), uploadLimitBytes: 2 * 1024 * 1024 };
    const app = await buildApp(
      { config, database, storage, version: API_VERSION, queueHealth: async () => ({ ok: true }) },
      { logger: false },
    );
    await app.ready();
    return { app, storage, filesDir };
  })();
  return shared;
}

export type DemoUser = 'admin' | 'manager' | 'sales1' | 'sales2' | 'intern' | 'legal' | 'finance';

export interface Company extends DemoSeedResult {
  /** Bearer headers by demo username. */
  as(user: DemoUser): Promise<Record<string, string>>;
}

/**
 * A fresh demo company (small by default) in the shared database. Each call makes a new
 * tenant, so tests that change data never see another test's changes.
 */
export async function demoCompany(options: { customers?: number; orders?: number } = {}): Promise<Company> {
  const database = await testDatabase();
  const { app, storage } = await testApp();
  const slug = `t-${newId().slice(-12)}`;
  const result = await seedDemo(database.db, {
    slug,
    tenantName: `测试公司 ${slug}`,
    customers: options.customers ?? 30,
    orders: options.orders ?? 40,
    storage,
  });
  const tokens = new Map<string, string>();
  return {
    ...result,
    async as(user) {
      let token = tokens.get(user);
      if (!token) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: user, password: DEMO_PASSWORD, tenant: slug },
        });
        if (res.statusCode !== 200) throw new Error(`login as ${user} failed: ${res.body}`);
        token = (res.json() as { token: string }).token;
        tokens.set(user, token);
      }
      return { authorization: `Bearer ${token}` };
    },
  };
}

/** inject + JSON parse, typed loosely for assertions. */
export async function call(
  options: InjectOptions,
): Promise<{ status: number; body: any; res: LightMyRequestResponse }> {
  const { app } = await testApp();
  const res = await app.inject(options);
  let body: unknown = undefined;
  try {
    body = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body, res };
}
