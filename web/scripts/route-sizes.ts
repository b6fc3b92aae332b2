// Gzipped JavaScript and CSS each route downloads on a cold load (static imports; lazily opened panels excluded),
// from the Vite manifest of `vite build --config web/vite.config.ts`; the routes are listed in web/build/route-files.ts.
// Usage: node bin/run-ts.mjs web/scripts/route-sizes.ts [--json]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest, routeModules, routeSize, type RouteName } from '../build/route-files.ts';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const manifest = readManifest(outDir);
const result = Object.fromEntries(
  (Object.keys(routeModules) as RouteName[]).map((route) => {
    const size = routeSize(outDir, route, manifest);
    return [route, { files: size.files.length, jsGzipBytes: size.jsGzipBytes, cssGzipBytes: size.cssGzipBytes }];
  }),
);
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else
  for (const [route, { files, jsGzipBytes, cssGzipBytes }] of Object.entries(result))
    console.log(
      `${route.padEnd(24)} JS ${(jsGzipBytes / 1024).toFixed(1).padStart(6)} KB gzip  CSS ${(cssGzipBytes / 1024).toFixed(1).padStart(5)} KB  (${files} files)`,
    );
