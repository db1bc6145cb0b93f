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
