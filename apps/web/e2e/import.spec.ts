import { readFile } from 'node:fs/promises';
import { expect, type Download, type Page, type Route, test } from '@playwright/test';
import { DEMO, signIn } from './support/sign-in';

// L01's professional travel is validated in the demo's 2025 (imports are then refused with
// 409); its equipment electricity is in progress, and has several sub-modules to pick from.
const MODULE = 'equipment-electricity';
const SUB_MODULE_LABEL = 'Scientific equipment';
const HEADER =
  'unitCode,inventoryId,name,class,subclass,activeHoursPerWeek,standbyHoursPerWeek,quantity,kgCo2eq,note';

async function textOf(download: Download): Promise<string> {
  return (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
}

/** Clicks what starts a download and returns the saved file. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

test('a principal imports a CSV into a module, follows it live and downloads the rejected rows', async ({
  page,
}) => {
  await signIn(page, DEMO.principal);
  await expect(page.getByTestId('workspace-unit')).toContainText('L01');
  const home = new URL(page.url()).pathname.replace(/\/$/, '');
  expect(home).toMatch(/^\/en\/units\/[0-9a-f-]{36}\/2025$/);

  // Reads of the job are held unanswered: its progress and end can then only come through the
  // live job events (and polling, were they not working, would not help).
  const JOB_READ = /\/api\/v1\/jobs\/[0-9a-f-]{36}$/;
  const heldReads: Route[] = [];
  await page.route(JOB_READ, (route) =>
    route.request().method() === 'GET' ? void heldReads.push(route) : route.continue(),
  );
  const stream = page.waitForRequest((request) => request.url().endsWith('/api/v1/jobs/events'));

  await page.goto(`${home}/modules/${MODULE}`);
  const panel = page.getByTestId('import-panel');
  await panel.getByText('Import a CSV file', { exact: true }).click();

  // The job events are read with the bearer token (EventSource could not send it).
  const streamRequest = await stream;
  expect(streamRequest.headers()['authorization']).toMatch(/^Bearer \S+/);
  expect(streamRequest.headers()['accept']).toBe('text/event-stream');

  // The sub-module, then its template: comment lines with the rules, then the header.
  await panel.getByLabel('Data').click();
  await page.getByRole('option', { name: SUB_MODULE_LABEL, exact: true }).click();
  await expect(panel.getByLabel('Data')).toHaveValue(SUB_MODULE_LABEL);
  const template = await downloadBy(page, () =>
    panel.getByRole('button', { name: 'Download the template' }).click(),
  );
  expect(template.suggestedFilename()).toBe('scientific.csv');
  const templateText = await textOf(template);
  expect(templateText.startsWith('# CO₂ Calculator CSV template "scientific"')).toBe(true);
  const templateLines = templateText.split(/\r?\n/);
  expect(templateLines.find((line) => !line.startsWith('#'))).toBe(HEADER);

  // Three valid rows and one with 200 active hours a week (at most 168).
  const columns = HEADER.split(',');
  const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? '').join(',');
  const csv = [
    HEADER,
    row({ name: 'E2E confocal A', class: 'microscope', activeHoursPerWeek: '40' }),
    row({ name: 'E2E freezer B', class: 'freezer', quantity: '2' }),
    row({ name: 'E2E fume hood C', class: 'fume-hood', activeHoursPerWeek: '10' }),
    row({ name: 'E2E overworked D', class: 'microscope', activeHoursPerWeek: '200' }),
  ].join('\r\n');

  await panel.getByRole('radio', { name: 'Keep them and add the rows of this file' }).click();
  await panel
    .getByTestId('import-file')
    .locator('input[type=file]')
    .setInputFiles({ name: 'e2e-scientific.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await panel.getByRole('button', { name: 'Upload and import' }).click();

  // The job's progress, to its end: 4 rows read, 3 imported, 1 rejected, a warning.
  const progress = panel.getByTestId('job-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('e2e-scientific.csv');
  const state = progress.getByTestId('job-state');
  await expect(state).toHaveAttribute('data-state', 'warning');
  await expect(state).toHaveText('Done, with warnings');
  await expect(progress.getByTestId('job-rows')).toHaveText('4 of 4 rows');
  await expect(progress.locator('[data-count="read"] dd')).toHaveText('4');
  await expect(progress.locator('[data-count="inserted"] dd')).toHaveText('3');
  await expect(progress.locator('[data-count="skipped"] dd')).toHaveText('1');
  await expect(progress.getByTestId('job-message')).toContainText('1 of 4 rows were rejected');
  // Once the totals' follow-up job is done, every step is.
  await expect(progress.getByTestId('job-finishing')).toHaveCount(0);
  for (const phase of ['upload', 'parse', 'load', 'calculate', 'aggregate']) {
    await expect(progress.locator(`[data-step="${phase}"]`)).toHaveAttribute(
      'data-step-state',
      'done',
    );
  }
  // The panel did ask for the job (and is still waiting): let those reads through now.
  expect(heldReads.length).toBeGreaterThan(0);
  await Promise.all(heldReads.map((route) => route.continue()));
  await page.unroute(JOB_READ);

  // The rejected row, with its line and the reason naming the faulty column.
  const report = await downloadBy(page, () =>
    progress.getByRole('button', { name: 'Download the rejected rows' }).click(),
  );
  expect(report.suggestedFilename()).toBe('e2e-scientific-errors.csv');
  const reportLines = (await textOf(report)).trim().split(/\r?\n/);
  expect(reportLines[0]).toBe(`${HEADER},line,reason`);
  expect(reportLines).toHaveLength(2);
  expect(reportLines[1]).toContain('E2E overworked D');
  expect(reportLines[1]).toMatch(/,5,.*activeHoursPerWeek/);
  expect(reportLines.join('\n')).not.toContain('E2E confocal A');

  // The import heads the module's recent imports.
  const recent = panel.getByTestId('recent-imports');
  await expect(recent.getByRole('listitem').first()).toContainText('e2e-scientific.csv');
  await expect(recent.locator('[data-state]').first()).toHaveAttribute('data-state', 'warning');
});
