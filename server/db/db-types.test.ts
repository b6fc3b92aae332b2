import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dbTypesFile, generateDbTypes } from './db-types.ts';

describe('server/db/schema.ts', () => {
  it('is what kysely-codegen generates from the migrated database (npm run gen:db-types)', async () => {
    const generated = await generateDbTypes();
    expect(generated).toContain('export interface DB {');
    expect(generated).toContain('settings: JsonColumn<TenantSettings>;');
    expect(fs.readFileSync(dbTypesFile, 'utf8')).toBe(generated);
  }, 120_000);
});
