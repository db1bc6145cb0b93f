import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support/sign-in';

test('a principal signs in, lands on their lab and year, and stays signed in after a reload', async ({
  page,
}) => {
  await signIn(page, DEMO.principal);
  await expect(page.getByRole('heading', { name: 'Modules' })).toBeVisible();
  await expect(page.getByTestId('workspace-unit')).toContainText('L01');
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('module-card-professional-travel')).toBeVisible();
});

test('the access token is renewed before it expires, without the user noticing', async ({
  page,
}) => {
  // The page's clock is ours to move: ten minutes pass in an instant.
  await page.clock.install();
  await signIn(page, DEMO.principal);
  await expect(page.getByTestId('module-card-buildings')).toBeVisible();
  const renewed = page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/auth/refresh') && response.status() === 200,
  );
  await page.clock.fastForward('09:40');
  await renewed;
  // The next request carries the new token and is answered.
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(page.getByRole('heading', { name: 'Results', level: 1 })).toBeVisible();
});

test('signing out ends the session: a reload does not sign back in', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.getByRole('button', { name: 'Head of L01' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).or(page.getByText('Sign out')).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await page.reload();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
});
