// "Sign in with <institution>": the authorisation-code flow with PKCE against a real OpenID
// provider (deploy/oidc, started beside the server by serve-demo.ts), whose released roles the
// API maps to a principal of L01.
import { expect, test } from '@playwright/test';

test('a principal signs in through the institution’s provider and lands on their lab', async ({
  page,
}) => {
  await page.goto('/en');
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await page.getByRole('link', { name: 'Sign in with the test provider' }).click();

  // The provider's own pages: its development login form, then consent.
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill('principal@oidc.localhost');
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();

  // Back in the app, signed in with the role the provider released.
  await expect(page.getByTestId('workspace-unit')).toContainText('L01');
  await expect(page.getByRole('button', { name: 'Paul Principal' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('workspace-unit')).toContainText('L01');
});
