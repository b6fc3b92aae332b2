/**
 * Accessibility check with axe-core (its WCAG 2.0 A and AA rules) on the page as it is now. axe is
 * evaluated through the DevTools protocol, so the app's Content-Security-Policy stays as it is.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Fails with every WCAG 2 A/AA violation axe finds on `page` (rule, impact, the elements). Running
 * CSS animations (a toast fading in) finish first: a half-faded element is not what a user reads.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await settleAnimations(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
    })) as { violations: unknown[] };
    return result.violations;
  });
  const found = violations as AxeViolation[];
  if (found.length === 0) return;
  const lines = found.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`)
        .join('\n')}`,
  );
  throw new Error(`${what}: ${found.length} accessibility violation(s) (axe-core, WCAG 2 AA)\n${lines.join('\n')}`);
}

/** Waits (at most 3 s) until the page's finite CSS animations and transitions have finished. */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0) return;
      await Promise.race([
        Promise.allSettled(running.map((a) => a.finished)),
        new Promise((resolve) => setTimeout(resolve, 200)),
      ]);
    }
  });
}
