import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, signIn } from './support/sign-in';

async function travelPageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.getByTestId('module-card-professional-travel').getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Professional travel', level: 1 })).toBeVisible();
  return page;
}

test('a standard user sees and edits only their own trips, and is offered nothing else', async ({
  browser,
}) => {
  const principal = await travelPageAs(browser, DEMO.principal);
  const reopen = principal.getByRole('button', { name: 'Reopen for changes' });
  if (await reopen.isVisible()) await reopen.click();
  await expect(principal.getByTestId('module-status')).toHaveText('In progress');
  const colleagues = principal.getByTestId('entries-plane').getByRole('row');
  await expect(colleagues.nth(1)).toBeVisible();
  const colleagueTravellers = await principal
    .getByTestId('entries-plane')
    .locator('tbody tr td:nth-child(3)')
    .allInnerTexts();
  expect(colleagueTravellers.length).toBeGreaterThan(0);

  const member = await travelPageAs(browser, DEMO.member);
  const plane = member.getByTestId('entries-plane');
  await expect(plane).toContainText('No rows yet');
  for (const traveller of colleagueTravellers) await expect(plane).not.toContainText(traveller);
  // Standard users neither validate nor import.
  await expect(member.getByRole('button', { name: 'Validate module' })).toHaveCount(0);
  await expect(member.getByText('Import a CSV', { exact: true })).toHaveCount(0);
  await expect(member.getByTestId('module-total')).toHaveCount(0);

  await plane.getByRole('button', { name: 'Add a row' }).click();
  const dialog = member.getByRole('dialog');
  await dialog.getByLabel('Origin *').fill('GVA');
  await dialog.getByLabel('Destination *').fill('AMS');
  await dialog.getByLabel('Traveller *').fill('Member of L01');
  await dialog.getByLabel('Date *').fill('2025-05-04');
  await expect(dialog.getByTestId('emission-preview-kg')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(plane.getByRole('row', { name: /AMS/ })).toBeVisible();
  await expect(plane.locator('tbody tr')).toHaveCount(1);

  // The principal sees the member's trip among the others.
  await principal.reload();
  await expect(
    principal.getByTestId('entries-plane').getByRole('row', { name: /AMS/ }),
  ).toBeVisible();
});
