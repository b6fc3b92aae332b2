/**
 * The access-control pages load through the app's one `/access/*?` route (the phone's route table
 * carries a single entry for them): each opens its own page, never the not-found page, and
 * /access still lands on the matrix.
 */
import { expect, test } from 'vitest';
import { need, openContext, pathOf } from './support/app.ts';
import { label } from './support/labels.ts';

test('the access pages open through their one route', async () => {
  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/access');
  await expect.poll(() => pathOf(page)).toBe('/access/matrix');
  for (const [key, path] of [
    ['nav.accessMatrix', '/access/matrix'],
    ['nav.accessRoles', '/access/roles'],
    ['nav.accessInheritance', '/access/inheritance'],
    ['nav.accessSimulate', '/access/simulate'],
  ] as const) {
    await page.getByRole('link', { name: label(key) }).click();
    await expect.poll(() => pathOf(page)).toBe(path);
    const heading = page.getByRole('heading', { level: 1 });
    await need(heading, `the heading of ${path}`);
    await expect.poll(() => heading.first().textContent()).not.toMatch(label('notFound.title'));
  }
}, 120_000);
