import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, transformWithEsbuild, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import {
  closure,
  developmentModules,
  entryKey,
  manifestOfBundle,
  routeOwnChunks,
  SHELL_MODULES,
} from './build/route-files.ts';
import { messageCatalogs } from './build/message-catalogs.ts';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
/** The app version sent in x-cairn-client (web/src/app/version.ts): the repository's release. */
const appVersion = (JSON.parse(fs.readFileSync(path.join(webRoot, '../package.json'), 'utf8')) as { version: string })
  .version;

/** Long-lived vendor code gets its own chunks so app deploys don't bust them; antd is left to Rollup so each route only pulls the components it uses. */
// `inEntry`: the entry itself imports the chunk, so every page has it before any lazy route starts.
const vendorChunks: Array<[name: string, pattern: RegExp, inEntry?: 'inEntry']> = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, 'inEntry'],
  ['query', /[\\/]node_modules[\\/]@tanstack[\\/]/, 'inEntry'],
  // The plain-React kit the phone screens share (and the desk reuses): one request instead of twenty tiny ones.
  [
    'kit',
    new RegExp(
      [
        String.raw`[\\/]web[\\/]src[\\/]app[\\/](`,
        String.raw`ui[\\/](states|ErrorState|Dialog|icons|EnumTags|BackLink)\.tsx`,
        String.raw`|format[\\/]|i18n[\\/]hooks|layout[\\/](Brand|navItems))`,
        String.raw`|[\\/]web[\\/]src[\\/]modules[\\/](auth[\\/](session\.ts|api[\\/])|users[\\/]api[\\/]|settings[\\/]api[\\/]`,
        String.raw`|customers[\\/]components[\\/]customerFields)`,
        String.raw`|[\\/]common[\\/]enums\.ts`,
      ].join(''),
    ),
    'inEntry',
  ],
  // The desk pages' error block travels with antd's Alert, which it wraps: no chunk of its own,
  // whose name the entry's preload list (in the phone's budget) would carry.
  ['antd-alert', /[\\/](node_modules[\\/]antd[\\/]es[\\/]alert[\\/]|web[\\/]src[\\/]app[\\/]ui[\\/]ErrorBlock\.tsx)/],
];
const entryChunkFile = new RegExp(
  `(^|/)(${vendorChunks
    .filter(([, , inEntry]) => inEntry)
    .map(([name]) => name)
    .join('|')})-[\\w-]+\\.js$`,
);

/** Rollup names shared chunks after their first module, often a bare "index"; say which antd part or package it is. */
function chunkLabel(chunk: { name: string; facadeModuleId: string | null; moduleIds: readonly string[] }): string {
  if (chunk.name !== 'index') return chunk.name;
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '';
  const match = /node_modules[\\/](?:antd[\\/]es[\\/]([^\\/]+)|((?:@[^\\/]+[\\/])?[^\\/]+))/.exec(id);
  if (match?.[1]) return `antd-${match[1]}`;
  if (match?.[2]) return match[2].replace(/[\\/@]/g, '-').replace(/^-/, '');
  return 'shared';
}

/**
 * Inlines web/boot.js into index.html with the phone routes' chunk lists, so a phone opening a
 * customer fetches the route's code and data while the entry chunk is still on its way.
 */
function bootScript(): Plugin {
  return {
    name: 'cairn-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!ctx.bundle) return html;
        const manifest = manifestOfBundle(ctx.bundle, webRoot);
        const source = fs
          .readFileSync(path.join(webRoot, 'boot.js'), 'utf8')
          .replace("['__CHUNKS_DETAIL__']", JSON.stringify(routeOwnChunks(manifest, 'mobile /customers/:id')))
          .replace("['__CHUNKS_LIST__']", JSON.stringify(routeOwnChunks(manifest, 'mobile /customers')));
        const { code } = await transformWithEsbuild(source, 'boot.js', { minify: true, target: 'es2017' });
        // Right after <meta name="viewport"> (before it a phone's layout viewport is 980 px wide and the media
        // query fails) and before the stylesheet (a pending stylesheet holds back inline scripts).
        const viewport = /<meta name="viewport"[^>]*>/;
        if (!viewport.test(html)) throw new Error('web/index.html needs <meta name="viewport">');
        return html.replace(viewport, (tag) => `${tag}\n    <script>${code.trim()}</script>`);
      },
    },
  };
}

/**
 * Emits dist/web/sw.js: the app shell (index.html, the entry and the phone's core chunks) is
 * precached under a cache named after a hash of the build's file names, so every build is a new
 * version and the old caches are dropped on activation. /api is never cached.
 */
function serviceWorker(): Plugin {
  return {
    name: 'cairn-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const manifest = manifestOfBundle(bundle, webRoot);
      const files = closure(manifest, [entryKey(manifest), ...SHELL_MODULES], { css: true });
      const version = createHash('sha256').update(Object.keys(bundle).sort().join('\n')).digest('hex').slice(0, 12);
      const precache = ['/index.html', ...[...files].sort().map((f) => `/${f}`)];
      const template = fs.readFileSync(path.join(webRoot, 'sw-template.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace('__VERSION__', version).replace("['__PRECACHE__']", JSON.stringify(precache)),
      });
    },
  };
}

/** Fails a build that bundled a development build of React (or of anything else): it must never be served. */
function productionOnly(): Plugin {
  return {
    name: 'cairn-production-only',
    apply: 'build',
    generateBundle(_options, bundle) {
      const found = developmentModules(bundle);
      if (found.length) this.error(`the web build bundled development code: ${found.join(', ')}`);
    },
  };
}

const config: UserConfig = {
  root: webRoot,
  base: '/',
  define: { 'import.meta.env.VITE_CAIRN_VERSION': JSON.stringify(appVersion) },
  plugins: [messageCatalogs(), react(), productionOnly(), serviceWorker(), bootScript()],
  resolve: {
    // React 18+ has useSyncExternalStore built in; wouter's CommonJS shim for older Reacts would only add bytes.
    alias: { 'use-sync-external-store/shim/index.js': path.join(webRoot, 'build/use-sync-external-store.ts') },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: path.resolve(webRoot, '../dist/web'),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: lets the size budget walk each route's chunk graph.
    manifest: true,
    // Every browser this app supports has <link rel="modulepreload">; the polyfill would cost the entry ~0.5 KB.
    modulePreload: {
      polyfill: false,
      // the entry's own imports (React, the query client, the kit) are loaded before any lazy
      // route can start: listing them again in every route's preload list only adds bytes to the entry
      resolveDependencies: (_file, deps, { hostType }) =>
        hostType === 'js' ? deps.filter((dep) => !entryChunkFile.test(dep)) : deps,
    },
    rollupOptions: {
      output: {
        entryFileNames: 'assets/app-[hash].js',
        chunkFileNames: (chunk) => `assets/${chunkLabel(chunk)}-[hash].js`,
        manualChunks(id) {
          for (const [name, pattern] of vendorChunks) if (pattern.test(id)) return name;
          return undefined;
        },
      },
    },
  },
};

export default defineConfig(({ command }) => {
  // A build is production code whoever starts it: vitest (NODE_ENV=test) and shells with NODE_ENV=development
  // would otherwise get React's development build, over the route budget and never to be served.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
