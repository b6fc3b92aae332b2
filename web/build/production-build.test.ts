import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from 'vite';
import type { OutputBundle, OutputChunk } from 'rollup';
import { developmentModules } from './route-files.ts';

const configFile = path.resolve(import.meta.dirname, '../vite.config.ts');
const nodeEnv = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = nodeEnv;
});

describe('the web build is production code whoever starts it', () => {
  for (const callerEnv of ['test', 'development', undefined]) {
    it(`NODE_ENV=${callerEnv ?? '(unset)'} still builds for production`, async () => {
      if (callerEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = callerEnv;
      const config = await resolveConfig({ configFile, logLevel: 'silent' }, 'build');
      expect(config.isProduction).toBe(true);
      expect(process.env.NODE_ENV).toBe('production'); // what Vite's define writes for process.env.NODE_ENV
    });
  }

  it('the build check names the development modules a bundle contains', () => {
    const chunk = (moduleIds: string[]) => ({ type: 'chunk', moduleIds }) as unknown as OutputChunk;
    const production: OutputBundle = {
      'react.js': chunk(['/repo/node_modules/react-dom/cjs/react-dom-client.production.js', '/repo/web/src/main.tsx']),
    };
    const development: OutputBundle = {
      'react.js': chunk(['/repo/node_modules/react-dom/cjs/react-dom-client.development.js']),
      'app.js': chunk(['/repo/node_modules/react/cjs/react-jsx-runtime.development.js']),
    };
    expect(developmentModules(production)).toEqual([]);
    expect(developmentModules(development)).toEqual([
      '/repo/node_modules/react-dom/cjs/react-dom-client.development.js',
      '/repo/node_modules/react/cjs/react-jsx-runtime.development.js',
    ]);
  });
});
