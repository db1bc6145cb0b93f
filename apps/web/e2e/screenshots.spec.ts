// The key pages, photographed for the README from the same run as the other browser tests;
// each step also checks the page it photographs.
import { expect, test } from '@playwright/test';
import { saveScreenshot } from './support/screenshots';
import { DEMO, signIn } from './support/sign-in';

test('sign-in, home, module page and row dialog on a desktop', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/en');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await saveScreenshot(page, 'sign-in');
  await signIn(page, DEMO.principal);
  await expect(page.getByTestId('module-card-purchases')).toBeVisible();
  await saveScreenshot(page, 'calculator-home');
  await page.getByTestId('module-card-professional-travel').getByRole('link').click();
  await expect(page.getByTestId('entries-plane').getByRole('row').nth(1)).toBeVisible();
  await saveScreenshot(page, 'calculator-module', true);
  await page.getByTestId('module-card-professional-travel').count(); // keeps the page loaded
  await page.goto(page.url().replace('professional-travel', 'equipment-electricity'));
  await page.getByTestId('entries-it').getByRole('button', { name: 'Add a row' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name *').fill('Workstation 42');
  await dialog.getByLabel('Class *').click();
  await page.getByRole('option', { name: 'workstation', exact: true }).click();
  await expect(dialog.getByTestId('emission-preview-kg')).toBeVisible();
  await saveScreenshot(page, 'calculator-row-dialog');
});

test('the home page on a 390 px phone, in French', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.principal, '/fr', 'fr');
  await expect(page.getByRole('heading', { name: 'Modules' })).toBeVisible();
  await expect(page.getByText('Déplacements professionnels')).toBeVisible();
  // Nothing wider than the phone: no horizontal scrolling.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'calculator-home-phone-fr', true);
});
