// Accessibility of the Calculator's pages, checked by axe-core in the real browser: labelled
// fields and buttons, colour contrast (WCAG 2 AA), landmarks, and keyboard use.
import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/accessibility';
import { DEMO, signIn } from './support/sign-in';

test('sign-in, home and module pages have no WCAG A/AA violations', async ({ page }) => {
  await page.goto('/en');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expectNoViolations(page);
  await signIn(page, DEMO.principal);
  await expect(page.getByTestId('module-card-buildings')).toBeVisible();
  await expectNoViolations(page);
  await page.getByTestId('module-card-buildings').getByRole('link').click();
  await expect(page.getByTestId('entries-rooms')).toBeVisible();
  await expectNoViolations(page);
  await page.getByTestId('entries-rooms').getByRole('button', { name: 'Add a row' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page);
});

test('the row dialog is keyboard operable', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.getByTestId('module-card-process-emissions').getByRole('link').click();
  const add = page.getByTestId('entries-gases').getByRole('button', { name: 'Add a row' });
  await add.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a deep link opened signed out leads to sign-in, then back to the page', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.getByTestId('module-card-purchases').getByRole('link').click();
  await expect(page).toHaveURL(/\/modules\/purchases$/);
  const deepLink = new URL(page.url()).pathname;
  await page.context().clearCookies();
  await page.goto(deepLink);
  await expect(page).toHaveURL(/\/en\/sign-in\?redirect=/);
  await page.getByLabel('E-mail').fill(DEMO.principal);
  await page.getByLabel('Password').fill('demo-password-2025');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(deepLink);
  await expect(page.getByRole('heading', { name: 'Purchases', level: 1 })).toBeVisible();
});
