// axe-core's WCAG 2.0/2.1 A and AA checks in the real browser, for every spec that checks a
// page: each violation is summed up as its rule, impact and first nodes (with their markup),
// so a failure says what to fix.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** No WCAG A/AA violation on the page, or in the part of it `selector` names. */
export async function expectNoViolations(page: Page, selector?: string): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (selector) axe = axe.include(selector);
  const results = await axe.analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)}`)
        .join(', ')}`,
  );
  expect(summary).toEqual([]);
}
