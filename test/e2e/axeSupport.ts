/**
 * axe-core in the browser tests: injected through the DevTools protocol (which the page's CSP does not govern)
 * and run on the whole document. The rules the suite accepts, each with its reason, are in AXE_EXCEPTIONS: the
 * one place where an exception may be written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Rules axe may report that the browser tests accept, each with the reason. Empty: every rule is met on every
 * screen checked (test/e2e/axe.test.ts, test/e2e/languages.test.ts).
 */
export const AXE_EXCEPTIONS: Readonly<Record<string, string>> = {};

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Every violation axe finds on the page now, as `rule (impact): targets`, less the accepted exceptions. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => !(v.id in AXE_EXCEPTIONS)).map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
