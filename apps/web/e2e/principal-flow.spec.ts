// The principal's year, end to end, in each language: import a travel CSV with a bad row and
// follow it live to its error report, edit an imported row, validate the module, and see the
// results take it in.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { setModuleStatus } from './support/demo-state';
import { DEMO, signIn } from './support/sign-in';

const LABELS = {
  en: {
    travel: 'Professional travel',
    importTitle: 'Import a CSV file',
    data: 'Data',
    plane: 'Plane',
    append: 'Keep them and add the rows of this file',
    upload: 'Upload and import',
    warning: 'Done, with warnings',
    errorReport: 'Download the rejected rows',
    edit: 'Edit the row',
    trips: 'Trips',
    save: 'Save',
    validate: 'Validate module',
    validated: 'Validated',
    results: 'Results',
  },
  fr: {
    travel: 'Déplacements professionnels',
    importTitle: 'Importer un fichier CSV',
    data: 'Données',
    plane: 'Avion',
    append: 'Les garder et ajouter les lignes de ce fichier',
    upload: 'Envoyer et importer',
    warning: 'Terminé, avec des avertissements',
    errorReport: 'Télécharger les lignes rejetées',
    edit: 'Modifier la ligne',
    trips: 'Trajets',
    save: 'Enregistrer',
    validate: 'Valider le module',
    validated: 'Validé',
    results: 'Résultats',
  },
} as const;

for (const language of ['en', 'fr'] as const) {
  test(`a principal imports, corrects and validates travel, and the results change (${language})`, async ({
    page,
    request,
  }) => {
    const t = LABELS[language];
    const traveller = `Flow traveller ${language}`;
    await setModuleStatus(
      request,
      DEMO.principal,
      'L01',
      2025,
      'professional-travel',
      'in_progress',
    );
    await signIn(page, DEMO.principal, `/${language}`, language);
    await expect(page).toHaveURL(/\/units\/[0-9a-f-]{36}\/2025$/);
    const home = new URL(page.url()).pathname;

    // The results before: travel is not validated, so it does not count.
    await page.getByRole('tab', { name: t.results }).click();
    const total = page.getByTestId('big-total').getByTestId('value');
    await expect(total).toBeVisible();
    const totalBefore = await total.innerText();

    await page.goto(`${home}/modules/professional-travel`);
    await expect(page.getByRole('heading', { name: t.travel, level: 1 })).toBeVisible();

    // Import: two trips and one with an airport code that is not one.
    const panel = page.getByTestId('import-panel');
    await panel.getByText(t.importTitle, { exact: true }).click();
    await panel.getByLabel(t.data).click();
    await page.getByRole('option', { name: t.plane, exact: true }).click();
    const csv = [
      'origin,destination,traveller,date,trips,roundTrip',
      `GVA,LHR,${traveller},2025-02-03,1,yes`,
      `GVA,FCO,${traveller},2025-04-07,1,no`,
      `GENEVA,FCO,${traveller},2025-04-08,1,no`,
    ].join('\r\n');
    await panel.getByRole('radio', { name: t.append }).click();
    await panel
      .getByTestId('import-file')
      .locator('input[type=file]')
      .setInputFiles({
        name: `flow-${language}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
    await panel.getByRole('button', { name: t.upload }).click();
    const progress = panel.getByTestId('job-progress');
    await expect(progress.getByTestId('job-state')).toHaveText(t.warning);
    await expect(progress.locator('[data-count="inserted"] dd')).toHaveText('2');
    await expect(progress.locator('[data-count="skipped"] dd')).toHaveText('1');
    await expect(progress.getByTestId('job-finishing')).toHaveCount(0);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      progress.getByRole('button', { name: t.errorReport }).click(),
    ]);
    const reportText = (await readFile(await report.path())).toString('utf8');
    expect(reportText).toContain('GENEVA');
    expect(reportText.trim().split(/\r?\n/)).toHaveLength(2);

    // The imported rows are in the table (reloaded when the import ended); edit one.
    const plane = page.getByTestId('entries-plane');
    const row = plane.getByRole('row', { name: new RegExp(`LHR.*${traveller}`) });
    await expect(row).toBeVisible();
    const kgBefore = await row.locator('td').nth(5).innerText();
    await row.getByRole('button', { name: t.edit }).click();
    const dialog = page.getByRole('dialog');
    // A date of another year is refused before it reaches the server.
    const date = dialog.getByLabel('Date *');
    const dateBefore = await date.inputValue();
    await date.fill('2019-05-01');
    await dialog.getByRole('button', { name: t.save }).click();
    await expect(dialog.getByText('2019-05-01 is outside the year 2025')).toBeVisible();
    await date.fill(dateBefore);
    await dialog.getByLabel(t.trips).fill('3');
    await dialog.getByRole('button', { name: t.save }).click();
    await expect(dialog).toBeHidden();
    await expect(row.locator('td').nth(5)).not.toHaveText(kgBefore);

    // Validate: the module counts in the results from now on.
    await page.getByRole('button', { name: t.validate }).click();
    await expect(page.getByTestId('module-status')).toHaveText(t.validated);
    await page.getByRole('tab', { name: t.results }).click();
    await expect(total).toBeVisible();
    await expect(total).not.toHaveText(totalBefore);
  });
}
