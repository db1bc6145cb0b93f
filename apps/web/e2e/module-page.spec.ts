import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support/sign-in';

test('a principal adds, edits and deletes a row with a live preview, then validates the module', async ({
  page,
}) => {
  await signIn(page, DEMO.principal);
  const card = page.getByTestId('module-card-equipment-electricity');
  await card.getByRole('link', { name: /Open/ }).click();
  await expect(
    page.getByRole('heading', { name: 'Equipment electricity', level: 1 }),
  ).toBeVisible();
  const total = page.getByTestId('module-total');
  const totalBefore = await total.innerText();
  // Where the total comes from: the module's emissions by type, a chart with its data table.
  const chart = page.getByTestId('chart-module-emission-types');
  await expect(chart.locator('canvas')).toHaveCount(1);
  const chartData = chart.locator('table');
  await expect(chartData).toContainText('Scientific equipment');
  const chartBefore = (await chartData.textContent())!;

  // Add a row: the preview is computed in the browser as the fields are filled.
  const scientific = page.getByTestId('entries-scientific');
  await scientific.getByRole('button', { name: 'Add a row' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('emission-preview')).toContainText('Fill in the required fields');
  await dialog.getByLabel('Name *').fill('Confocal microscope E2E');
  await dialog.getByLabel('Class *').click();
  await page.getByRole('option', { name: 'microscope', exact: true }).click();
  const preview = dialog.getByTestId('emission-preview-kg');
  await expect(preview).toBeVisible();
  const previewText = await preview.innerText();
  expect(Number.parseFloat(previewText.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The stored row carries the emissions the preview announced, and the total moved.
  const row = scientific.getByRole('row', { name: /Confocal microscope E2E/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText(previewText.replace(/\s*kg.*$/, ''));
  await expect(total).not.toHaveText(totalBefore);
  await expect(chartData).not.toHaveText(chartBefore);

  // Edit it: more hours in use, more emissions.
  await row.getByRole('button', { name: 'Edit the row' }).click();
  await dialog.getByLabel('Active hours per week').fill('100');
  await expect(preview).not.toHaveText(previewText);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(row).not.toContainText(previewText.replace(/\s*kg.*$/, ''));

  // Search finds it; delete asks first.
  await scientific.getByLabel('Search in the rows').fill('confocal microscope e2e');
  await expect(scientific.getByRole('row')).toHaveCount(2); // header + the row
  await row.getByRole('button', { name: 'Delete the row' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(row).toBeHidden();
  await expect(total).toHaveText(totalBefore);

  // Validate: the rows become read-only and the home page shows it.
  await page.getByRole('button', { name: 'Validate module' }).click();
  await expect(page.getByTestId('module-status')).toHaveText('Validated');
  await expect(scientific.getByRole('button', { name: 'Add a row' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Reopen for changes' }).click();
  await expect(page.getByTestId('module-status')).toHaveText('In progress');
});

test('field rules of the shared schema show before anything is sent', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.getByTestId('module-card-equipment-electricity').getByRole('link').click();
  await page.getByTestId('entries-scientific').getByRole('button', { name: 'Add a row' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Active hours per week').fill('200');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/168/).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
