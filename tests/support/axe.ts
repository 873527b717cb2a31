// axe-core in a real page: the serious and critical violations, described well enough to fix.
// Extension pages forbid inline scripts (CSP script-src 'self'), and addScriptTag inserts one, so axe
// is evaluated through the browser's automation protocol (CDP in Chromium, BiDi in Firefox), which
// the page's CSP does not govern.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's source, to evaluate in a page before axeProblems. */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs in the page (axe loaded): the serious and critical violations. Self-contained, for evaluate. */
export async function axeProblems(): Promise<AxeProblem[]> {
  interface AxeResults {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  }
  const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } })
    .axe;
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

export async function seriousA11yViolations(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(axeProblems);
}
