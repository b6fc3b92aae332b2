/**
 * Gzipped JavaScript of the phone customer-detail route, from the Vite manifest of
 * `npm run build:web`: the entry (index.html) plus the chunks the route's modules import,
 * with the module list taken from web/scripts/route-sizes.mjs so both count the same route.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestEntry {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export const ROUTE = 'mobile /customers/:id';

/** The route's manifest keys as web/scripts/route-sizes.mjs lists them (its `routes` table). */
export function routeKeys(repoRoot: string, route = ROUTE): string[] {
  const script = fs.readFileSync(path.join(repoRoot, 'web/scripts/route-sizes.mjs'), 'utf8');
  const escaped = route.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`['"]${escaped}['"]\\s*:\\s*\\[([^\\]]*)\\]`).exec(script);
  if (!match) throw new Error(`web/scripts/route-sizes.mjs has no "${route}" route`);
  return [...match[1]!.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

export interface RouteJs {
  route: string;
  files: string[];
  jsBytesGzip: number;
  cssBytesGzip: number;
}

const gzipSize = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** `outDir`: the web build to measure (default dist/web; the bench passes the snapshot its server serves). */
export function routeJsSize(repoRoot: string, route = ROUTE, outDir = path.join(repoRoot, 'dist/web')): RouteJs {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestEntry
  >;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry) ?? 'index.html';
  const seen = new Set<string>();
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const entry = manifest[key];
    if (!entry)
      throw new Error(
        `${key} is not in dist/web/.vite/manifest.json (route list in web/scripts/route-sizes.mjs out of date?)`,
      );
    seen.add(key);
    if (entry.file.endsWith('.js')) js.add(entry.file);
    for (const file of entry.css ?? []) css.add(file);
    for (const dep of entry.imports ?? []) visit(dep); // static imports only: what the route needs before it renders
  };
  [entryKey, ...routeKeys(repoRoot, route)].forEach(visit);
  const sum = (files: Set<string>) => [...files].reduce((total, file) => total + gzipSize(path.join(outDir, file)), 0);
  return { route, files: [...js].sort(), jsBytesGzip: sum(js), cssBytesGzip: sum(css) };
}
