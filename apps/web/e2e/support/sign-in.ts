import { expect, type Page } from '@playwright/test';

/** Every demo account has this password (see the README's quick start). */
export const DEMO_PASSWORD = 'demo-password-2025';

export const DEMO = {
  admin: 'admin@demo.example',
  officer: 'officer.sci@demo.example',
  principal: 'pi.l01@demo.example',
  member: 'member.l01@demo.example',
} as const;

/** Signs in through the form of the page at `path` (which redirects to sign-in first). */
export async function signIn(page: Page, email: string, path = '/en', language = 'en') {
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`/${language}/sign-in`));
  const labels =
    language === 'fr'
      ? ['Adresse e-mail', 'Mot de passe', 'Se connecter']
      : ['E-mail', 'Password', 'Sign in'];
  await page.getByLabel(labels[0]!).fill(email);
  await page.getByLabel(labels[1]!).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: labels[2], exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}
