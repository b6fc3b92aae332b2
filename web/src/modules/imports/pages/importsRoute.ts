import { loadImportsMessages } from '../i18n/catalog.ts';

/** The import page with its messages, for the route table (which keeps the catalog out of the entry chunk). */
export default async function importsRoute() {
  const [page] = await Promise.all([import('./ImportsPage.tsx'), loadImportsMessages()]);
  return page;
}
