// Writes server/db/schema.ts from the migrated database, or with --check fails when it differs.
// Usage: node bin/run-ts.mjs server/db/scripts/db-types.ts          (npm run gen:db-types)
//        node bin/run-ts.mjs server/db/scripts/db-types.ts --check  (npm run check:db-types)
import fs from 'node:fs';
import path from 'node:path';
import { dbTypesFile as target, generateDbTypes } from '../db-types.ts';

const shown = path.relative(process.cwd(), target);
const generated = await generateDbTypes();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== generated) {
    console.error(`${shown} differs from the migrated database: run npm run gen:db-types`);
    process.exit(1);
  }
  console.log(`${shown} matches the migrated database`);
} else {
  fs.writeFileSync(target, generated);
  console.log(`wrote ${shown}`);
}
