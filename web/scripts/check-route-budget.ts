// Fails the web build when the phone customer-detail route's JavaScript is over budget.
// Counts what a cold visit to /customers/:id on a phone executes: the entry chunk and its static
// imports, the phone layout and the detail page chunk (and theirs), each gzipped at level 9.
// Usage (after `vite build --config web/vite.config.ts`): node bin/run-ts.mjs web/scripts/check-route-budget.ts [--json]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGET_BYTES, BUDGET_ROUTE, routeSize } from '../build/route-files.ts';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const size = routeSize(outDir, BUDGET_ROUTE);
const js = size.files.filter((f) => f.file.endsWith('.js'));
const total = size.jsGzipBytes;
const ok = total <= BUDGET_BYTES;

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({ route: BUDGET_ROUTE, gzipBytes: total, budgetBytes: BUDGET_BYTES, ok, files: js }, null, 2),
  );
} else {
  console.log(`\n${BUDGET_ROUTE} JavaScript (gzip -9):`);
  for (const { file, gzipBytes } of js) console.log(`  ${(gzipBytes / 1024).toFixed(1).padStart(6)} KB  ${file}`);
  console.log(
    `  ${(total / 1024).toFixed(1).padStart(6)} KB  total (${total} bytes) — budget ${(BUDGET_BYTES / 1024).toFixed(0)} KB: ${ok ? 'OK' : 'OVER BUDGET'}\n`,
  );
}
if (!ok) {
  console.error(`${BUDGET_ROUTE} is ${total - BUDGET_BYTES} bytes over its ${BUDGET_BYTES}-byte gzip budget`);
  process.exit(1);
}
