import { defineCatalog } from '../../../app/i18n/index.ts';

type Catalog = Record<string, unknown>;
const both = async (parts: Array<Promise<{ default: Catalog }>>) => ({
  default: Object.assign({}, ...(await Promise.all(parts)).map((part) => part.default)) as Catalog,
});

/** The access pages' catalog (ids under `access.`, two files per language); the route table loads it with those pages. */
export const loadAccessMessages = defineCatalog({
  'zh-CN': () => both([import('./zh-CN.roles.ts?lingui=access'), import('./zh-CN.workflows.ts?lingui=access')]),
  'en-US': () => both([import('./en-US.roles.ts?lingui=access'), import('./en-US.workflows.ts?lingui=access')]),
});
