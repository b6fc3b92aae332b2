// The web app's API types, generated from the server's OpenAPI document with openapi-typescript
// (types only: nothing reaches the bundle). Builds the Fastify app in-process over an in-memory
// PGlite, takes app.swagger() and writes web/src/app/api/schema.d.ts.
// Usage: node bin/run-ts.mjs web/scripts/api-types.ts          (npm run gen:api-types)
//        node bin/run-ts.mjs web/scripts/api-types.ts --check  (npm run check:api-types: fails on drift)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { API_VERSION, buildApp } from '../../server/http/app.ts';
import { LocalFileStorage } from '../../server/storage/file-storage.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const target = path.join(repoRoot, 'web/src/app/api/schema.d.ts');
const HEADER = "// Generated from the server's OpenAPI document by `npm run gen:api-types`; do not edit.\n";

/** The OpenAPI document exactly as GET /api/openapi.json serves it. */
async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ memory: true });
  const app = await buildApp(
    {
      config: loadConfig({}),
      database,
      storage: new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-api-types-'))),
      version: API_VERSION,
      queueHealth: async () => ({ ok: true }),
    },
    { logger: false },
  );
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}

export async function generateApiTypes(): Promise<string> {
  const document = await openApiDocument();
  const source = HEADER + astToString(await openapiTS(document as never));
  const options = (await prettier.resolveConfig(target)) ?? {};
  return prettier.format(source, { ...options, filepath: target });
}

const generated = await generateApiTypes();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== generated) {
    console.error(
      `${path.relative(repoRoot, target)} differs from the server's OpenAPI document: run npm run gen:api-types`,
    );
    process.exit(1);
  }
  console.log(`${path.relative(repoRoot, target)} matches the server's OpenAPI document`);
} else {
  fs.writeFileSync(target, generated);
  console.log(`wrote ${path.relative(repoRoot, target)}`);
}
