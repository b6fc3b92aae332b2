/**
 * Message catalogs compiled at build time. The message files (web/src/app/i18n/messages/*.ts,
 * web/src/modules/access/i18n/*.ts) are plain typed objects of ICU MessageFormat strings; importing
 * one with `?lingui` (or `?lingui=<namespace>`) yields a Lingui catalog instead: flat ids
 * (`customer.fields.name`, `access.title.roles`) → messages compiled by @lingui/message-utils, so the
 * browser ships no message parser. A message that does not parse fails the build.
 */
import fs from 'node:fs';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { transformWithEsbuild, type Plugin } from 'vite';

export type MessageTree = { readonly [key: string]: string | MessageTree };
export type CompiledMessage = ReturnType<typeof compileMessageOrThrow>;
export type CompiledCatalog = Record<string, CompiledMessage>;

/** Flattens a message tree into ids (`a.b.c`, prefixed `namespace.`) and compiles every message. */
export function compileCatalog(tree: MessageTree, namespace = ''): CompiledCatalog {
  const catalog: CompiledCatalog = {};
  const walk = (node: MessageTree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const id = `${prefix}${key}`;
      if (typeof value === 'object') walk(value, `${id}.`);
      else {
        try {
          catalog[id] = compileMessageOrThrow(value);
        } catch (error) {
          throw new Error(`message ${id} is not valid ICU MessageFormat (${(error as Error).message}): ${value}`);
        }
      }
    }
  };
  walk(tree, namespace ? `${namespace}.` : '');
  return catalog;
}

const QUERY = /\?lingui(?:=([\w-]+))?$/;

/** Evaluates a message file (TypeScript whose only imports are types) and returns its default export. */
async function loadMessageFile(file: string): Promise<MessageTree> {
  const { code } = await transformWithEsbuild(fs.readFileSync(file, 'utf8'), file, { loader: 'ts', format: 'esm' });
  if (/^\s*import\s/m.test(code)) throw new Error(`${file}: a message file may import types only`);
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    default?: MessageTree;
  };
  if (!module.default) throw new Error(`${file}: a message file exports its messages as default`);
  return module.default;
}

/** Vite plugin: `import catalog from './zh-CN.core.ts?lingui'` gives the compiled catalog. */
export function messageCatalogs(): Plugin {
  return {
    name: 'cairn-message-catalogs',
    enforce: 'pre',
    async load(id) {
      const match = QUERY.exec(id);
      if (!match) return null;
      const file = id.slice(0, match.index);
      this.addWatchFile(file);
      const catalog = compileCatalog(await loadMessageFile(file), match[1] ?? '');
      return `export default ${JSON.stringify(catalog)};`;
    },
  };
}
