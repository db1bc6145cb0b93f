// The Back office's years, factor sets, imports console and system pages, as an administrator
// uses them: a new year created and opened to unit users, a changed factor set uploaded and its
// pipeline (import → recalculate → totals) followed live until a lab's results follow it, jobs
// of the history opened, their files downloaded and a failed one run again, the system's
// health. Whatever a test changes that other tests read (the plane factors, an open 2026) is
// put back at its end.
import { readFile } from 'node:fs/promises';
import { type Download, expect, type Locator, type Page, test } from '@playwright/test';
import type { CsvTemplate, Factor, Job, Report, Year } from '../src/shared/api/types';
import { expectNoViolations } from './support/accessibility';
import { type Api, apiAs } from './support/back-office-api';
import { saveScreenshot } from './support/screenshots';
import { DEMO, signIn } from './support/sign-in';

const NEW_YEAR = 2026;
const YEAR = 2025;

test.use({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });

async function unitId(api: Api, code: string): Promise<string> {
  const units = await api.get<{ items: { id: string; code: string }[] }>('/units', {
    q: code,
    level: 4,
  });
  const unit = units.items.find((candidate) => candidate.code === code);
  expect(unit, `unit ${code}`).toBeDefined();
  return unit!.id;
}

async function travelKg(api: Api, lab: string): Promise<number> {
  const report = await api.get<Report>(`/units/${lab}/years/${YEAR}/report`);
  return report.modules.find((m) => m.module === 'professional-travel')!.totalKgCo2eq;
}

// ---------------------------------------------------------------------------------------------
// CSV files built from a set's template columns and the factors the API holds.

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function factorCsv(columns: string[], factors: Factor[], scale = 1, main?: string): string {
  const line = (factor: Factor) =>
    columns
      .map((column) => {
        if (column in factor.classification) return cell(factor.classification[column]);
        if (column in factor.values) {
          const value = factor.values[column] ?? null;
          return cell(column === main && value !== null ? value * scale : value);
        }
        if (column === 'emissionType') return cell(factor.emissionType);
        if (column === 'factorUnit') return cell(factor.unit);
        if (column === 'source') return cell(factor.source);
        if (column === 'citation') return cell(factor.citation);
        return '';
      })
      .join(',');
  return [columns.join(','), ...factors.map(line)].join('\r\n') + '\r\n';
}

async function columnsOf(api: Api, name: string): Promise<string[]> {
  const { items } = await api.get<{ items: CsvTemplate[] }>('/templates');
  return items.find((template) => template.name === name)!.columns.map((column) => column.name);
}

async function factorsOf(api: Api, factorSet: string): Promise<Factor[]> {
  const list = await api.get<{ items: Factor[] }>('/factors', {
    year: YEAR,
    factorSet,
    pageSize: 1000,
  });
  expect(list.items.length).toBeGreaterThan(0);
  return list.items;
}

// ---------------------------------------------------------------------------------------------
// Page helpers.

async function textOf(download: Download): Promise<string> {
  return (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
}

async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

/** Picks `option` in the Quasar select labelled `label` inside `scope`. */
async function choose(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string,
): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Ready to be photographed: no pointer hovering, no notification left on the screen. */
async function still(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await expect(page.locator('.q-notification')).toHaveCount(0);
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

// ---------------------------------------------------------------------------------------------

test('an admin creates a year copying the previous one, opens it and sets its modules', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, DEMO.admin);
  const principal = await apiAs(request, DEMO.principal);
  const previous = await admin.get<Year>(`/years/${YEAR}`);
  try {
    await signIn(page, DEMO.admin, '/it-manager/en/years');
    await expect(page.getByRole('heading', { name: 'Years', level: 1 })).toBeVisible();
    await expect(page.getByTestId(`year-item-${YEAR}`)).toBeVisible();

    // A new year: the one after the latest, starting from the latest's configuration.
    await page.getByTestId('year-new').click();
    const dialog = page.getByTestId('create-year-dialog');
    await expect(dialog.getByLabel('Year', { exact: true })).toHaveValue(String(NEW_YEAR));
    await expect(dialog.getByLabel('Start from')).toHaveValue(`The configuration of ${YEAR}`);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText(`Year ${NEW_YEAR} created`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/it-manager/en/years\\?year=${NEW_YEAR}$`));

    // Created closed, with the previous year's goals; unit users do not see it yet.
    const editor = page.getByTestId(`year-editor-${NEW_YEAR}`);
    await expect(editor.getByTestId(`year-state-${NEW_YEAR}`)).toHaveAttribute(
      'data-open',
      'false',
    );
    await expect(editor.getByTestId('year-goal-0')).toBeVisible();
    const closedYears = await principal.get<{ items: Year[] }>('/years');
    expect(closedYears.items.map((y) => y.year)).not.toContain(NEW_YEAR);

    // Open it; process emissions not in use, AI not in use, a purchases threshold, buildings'
    // uncertainty.
    await editor.getByTestId('year-open').click();
    await editor.getByTestId('year-module-process-emissions-enabled').click();
    await expect(editor.getByTestId('year-module-process-emissions')).toContainText(
      'Not in use this year.',
    );
    const cloud = editor.getByTestId('year-module-external-cloud-ai');
    await cloud.getByRole('checkbox', { name: 'AI', exact: true }).click();
    const purchases = editor.getByTestId('year-module-purchases');
    await purchases.getByLabel('Outlier threshold per row').fill('50000');
    // Services, costly by nature, get a threshold of their own.
    await purchases.getByText('A threshold of its own for a sub-module').click();
    await purchases.getByTestId('year-threshold-services').fill('200000');
    await choose(page, editor.getByTestId('year-module-buildings'), 'Uncertainty', 'Medium');
    await expect(editor.getByText('Unsaved changes')).toBeVisible();
    await editor.getByTestId('year-save').click();
    await expect(page.getByText(`Year ${NEW_YEAR} saved`)).toBeVisible();
    await expect(editor.getByTestId(`year-state-${NEW_YEAR}`)).toHaveAttribute('data-open', 'true');
    await expect(page.getByTestId(`year-item-${NEW_YEAR}`)).toContainText('7 modules in use');

    // The principal of L01 is now offered the year, with exactly those settings.
    const opened = await principal.get<{ items: Year[] }>('/years');
    const year = opened.items.find((y) => y.year === NEW_YEAR);
    expect(year?.open).toBe(true);
    expect(year?.reductionGoals).toEqual(previous.reductionGoals);
    const setting = (module: string) => year!.modules.find((m) => m.module === module);
    expect(setting('process-emissions')?.enabled).toBe(false);
    expect(setting('external-cloud-ai')?.subModules).toEqual(['cloud']);
    expect(setting('purchases')?.outlierThresholdKg).toBe(50000);
    expect(setting('purchases')?.subModuleThresholdsKg).toEqual({ services: 200000 });
    expect(setting('buildings')?.uncertainty).toBe('medium');
    expect(setting('headcount')).toMatchObject({ enabled: true, subModules: null });

    // The Calculator offers it to them too.
    const calculator = await page.context().browser()!.newPage();
    await signIn(calculator, DEMO.principal, '/en/?change');
    const yearSelect = calculator.getByLabel('Year', { exact: true });
    await yearSelect.click();
    await expect(calculator.getByRole('option', { name: String(NEW_YEAR) })).toBeVisible();
    await calculator.close();

    await still(page);
    await saveScreenshot(page, 'back-office-years');
    await expectNoViolations(page);
  } finally {
    // The other tests expect the demo's latest open year to be 2025.
    const created = (await admin.get<{ items: Year[] }>('/years')).items.find(
      (y) => y.year === NEW_YEAR,
    );
    if (created?.open) {
      await admin.put(`/years/${NEW_YEAR}`, {
        open: false,
        reductionGoals: created.reductionGoals,
        modules: created.modules,
      });
    }
  }
});

test('an admin uploads a changed factor set and follows its recalculation into a lab’s results', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, DEMO.admin);
  const lab = await unitId(admin, 'L01');
  const columns = await columnsOf(admin, 'factors-plane');
  const original = await factorsOf(admin, 'plane');
  const before = await travelKg(admin, lab);
  // Every flight factor doubled, and one band left out: it becomes stale (its flights fall back
  // to the economy factor of their band).
  const left = original.find(
    (f) => f.classification.haul === 'long' && f.classification.class === 'business',
  )!;
  const changed = factorCsv(
    columns,
    original.filter((f) => f !== left),
    2,
    'kgCo2eqPerKm',
  );

  try {
    await signIn(page, DEMO.admin, `/it-manager/en/factors?year=${YEAR}`);
    await expect(page.getByRole('heading', { name: 'Factor sets', level: 1 })).toBeVisible();
    await expect(page.getByTestId('stale-summary')).toHaveCount(0);

    // Browse: the flights of the year, through the sub-module that reads them.
    await choose(page, page, 'Read by', 'Plane');
    const table = page.getByTestId('factors-table');
    await expect(table.locator('tbody tr')).toHaveCount(original.length);
    await page.getByTestId('factors-search').fill('business');
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await page.getByTestId('factors-search').fill('');
    await expect(table.locator('tbody tr')).toHaveCount(original.length);

    // Upload: the sub-module chosen above narrows the sets to the one it reads.
    const upload = page.getByTestId('factor-upload');
    await upload.getByText('Upload a factor set').click();
    await expect(upload.getByTestId('bo-import-factor-set')).toHaveValue('Flights');
    const template = await downloadBy(page, () =>
      upload.getByRole('button', { name: 'Download the template' }).click(),
    );
    expect(template.suggestedFilename()).toBe('factors-plane.csv');
    expect((await textOf(template)).split(/\r?\n/).find((l) => !l.startsWith('#'))).toBe(
      columns.join(','),
    );
    await upload
      .getByTestId('bo-import-file')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'e2e-plane-doubled.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(changed),
      });
    await upload.getByRole('button', { name: 'Upload and import' }).click();

    // The pipeline, live to its end: the import, then the recalculation and the totals.
    const pipeline = page.getByTestId('factors-pipeline');
    await expect(pipeline).toContainText('Import: Factor set');
    await expect(pipeline.getByTestId('pipeline')).toHaveAttribute('data-settled', 'true', {
      timeout: 45_000,
    });
    const progress = pipeline.getByTestId('job-progress');
    await expect(progress.getByTestId('job-state')).toHaveAttribute('data-state', 'succeeded');
    await expect(progress.locator('[data-count="read"] dd')).toHaveText(
      String(original.length - 1),
    );
    await expect(progress.locator('[data-count="stale"] dd')).toHaveText('1');
    const followUps = pipeline.getByTestId('pipeline-follow-ups');
    await expect(followUps.locator('[data-kind="recalculate"]')).toHaveAttribute(
      'data-state',
      'succeeded',
    );
    await expect(followUps.locator('[data-kind="aggregate"]')).toHaveAttribute(
      'data-state',
      'succeeded',
    );
    for (const phase of ['upload', 'parse', 'load', 'calculate', 'aggregate']) {
      await expect(progress.locator(`[data-step="${phase}"]`)).toHaveAttribute(
        'data-step-state',
        'done',
      );
    }

    // The table and the stale count were read again: the left-out factor stands out.
    await expect(page.getByTestId('stale-summary')).toContainText(`1 stale factor in ${YEAR}`);
    await expect(table.locator('[data-stale="true"]')).toHaveCount(1);
    const doubled = original.find(
      (f) => f.classification.haul === 'short' && f.classification.class === 'economy',
    )!;
    await expect(table.locator(`[data-factor="${doubled.id}"]`).locator('..')).toContainText(
      String(doubled.values.kgCo2eqPerKm! * 2),
    );
    await still(page);
    await saveScreenshot(page, 'back-office-factors');
    await page.getByTestId('stale-summary').getByRole('button', { name: 'Show them' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table.getByTestId('stale-badge')).toBeVisible();

    // L01's flights now weigh about twice as much.
    const after = await travelKg(admin, lab);
    expect(after).toBeGreaterThan(before * 1.8);
  } finally {
    // The original set again: every factor back, none stale, the results as they were.
    const jobs = await admin.importCsv(
      { target: 'factors', year: YEAR, factorSet: 'plane', mode: 'replace' },
      'e2e-plane-original.csv',
      factorCsv(columns, original),
    );
    expect(jobs.map((job) => job.state)).not.toContain('failed');
    const stale = await admin.get<{ total: number }>('/factors/stale', { year: YEAR });
    expect(stale.total).toBe(0);
    expect(await travelKg(admin, lab)).toBeCloseTo(before, 6);
  }
});

test('an admin recalculates a year’s flights and follows the pipeline to its totals', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, DEMO.admin);
  const lab = await unitId(admin, 'L01');
  const before = await travelKg(admin, lab);

  await signIn(page, DEMO.admin, `/it-manager/en/factors?year=${YEAR}`);
  const card = page.getByTestId('factor-recalculate');
  await card.getByText('Recalculate', { exact: true }).click();
  await choose(page, card, 'Rows to recalculate', 'Plane');
  await card.getByRole('button', { name: `Recalculate ${YEAR}` }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`Recalculate the emissions of Plane for ${YEAR}?`);
  await confirm.getByRole('button', { name: `Recalculate ${YEAR}` }).click();

  const pipeline = page.getByTestId('factors-pipeline');
  await expect(pipeline).toContainText('Recalculation');
  await expect(pipeline.getByTestId('pipeline')).toHaveAttribute('data-settled', 'true', {
    timeout: 45_000,
  });
  await expect(pipeline.getByTestId('job-state')).toHaveAttribute('data-state', 'succeeded');
  await expect(
    pipeline.getByTestId('pipeline-follow-ups').locator('[data-kind="aggregate"]'),
  ).toHaveAttribute('data-state', 'succeeded');
  for (const phase of ['calculate', 'aggregate']) {
    await expect(pipeline.locator(`[data-step="${phase}"]`)).toHaveAttribute(
      'data-step-state',
      'done',
    );
  }
  // The factors did not change: neither did the results.
  expect(await travelKg(admin, lab)).toBeCloseTo(before, 6);
});

test('the imports console: a job opened, its files downloaded, a failed one run again', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, DEMO.admin);
  // The car-km equivalent: a set no calculation reads, so this test changes no figure.
  const columns = await columnsOf(admin, 'factors-equivalents');
  const equivalents = await factorsOf(admin, 'equivalents');
  const withBadRow =
    factorCsv(columns, equivalents) + 'bus,-1,,E2E rejected row (negative factor),\r\n';
  const broken = 'equivalent,kgCo2eqPerKm,colour\r\ncar-km,0.2,red\r\n';

  await signIn(page, DEMO.admin, '/it-manager/en/imports');
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
  const panel = page.getByTestId('bo-import-panel');
  const history = page.getByTestId('job-history');

  // A factor set with one rejected row: done with a warning, the rejected row in a report.
  await choose(page, panel, 'What the file holds', 'Factor set');
  await choose(page, panel, 'Year', String(YEAR));
  await choose(page, panel, 'Factor set', 'Equivalents');
  await expect(panel.getByText('Template factors-equivalents.csv')).toBeVisible();
  const fileInput = panel.getByTestId('bo-import-file').locator('input[type=file]');
  await fileInput.setInputFiles({
    name: 'e2e-equivalents.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(withBadRow),
  });
  await panel.getByRole('button', { name: 'Upload and import' }).click();
  const live = panel.getByTestId('console-pipeline');
  await expect(live.getByTestId('job-state')).toHaveAttribute('data-state', 'warning', {
    timeout: 30_000,
  });
  await expect(live.locator('[data-count="skipped"] dd')).toHaveText('1');

  // It heads the history, which the job events kept current.
  const firstRow = history.locator('tbody tr').first();
  await expect(firstRow).toContainText('e2e-equivalents.csv');
  await expect(firstRow.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'warning');

  // Its details: the rejected rows and the source file as uploaded.
  await firstRow.getByRole('button', { name: /^Details of/ }).click();
  await expect(page).toHaveURL(/[?&]job=[0-9a-f-]{36}/);
  const detail = page.getByTestId('job-detail');
  await expect(detail.getByRole('heading', { name: 'Import: Factor set' })).toBeVisible();
  await expect(detail.locator('[data-fact="by"]')).toContainText('You');
  const report = await downloadBy(page, () =>
    detail.getByRole('button', { name: 'Download the rejected rows' }).click(),
  );
  expect(report.suggestedFilename()).toBe('e2e-equivalents-errors.csv');
  const reportLines = (await textOf(report)).trim().split(/\r?\n/);
  expect(reportLines[0]).toBe(`${columns.join(',')},line,reason`);
  expect(reportLines).toHaveLength(2);
  expect(reportLines[1]).toContain('E2E rejected row');
  const source = await downloadBy(page, () =>
    detail.getByRole('button', { name: 'Download the source file' }).click(),
  );
  expect(source.suggestedFilename()).toBe('e2e-equivalents.csv');
  expect(await textOf(source)).toBe(withBadRow);
  await detail.getByRole('button', { name: 'Close' }).click();
  await expect(page).not.toHaveURL(/[?&]job=/);

  // A file whose header has an unknown column fails as a whole…
  await fileInput.setInputFiles({
    name: 'e2e-broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(broken),
  });
  await panel.getByRole('button', { name: 'Upload and import' }).click();
  await expect(live.getByTestId('job-state')).toHaveAttribute('data-state', 'failed', {
    timeout: 30_000,
  });
  await expect(live.getByTestId('job-message')).toContainText('colour');

  // …found with the history's filters, and run again from its details.
  await choose(page, history, 'State', 'Failed');
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await expect(history.locator('tbody tr').first()).toContainText('e2e-broken.csv');
  await history
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^Details of/ })
    .click();
  const jobId = new URL(page.url()).searchParams.get('job')!;
  const failedOnce = await admin.get<Job>(`/jobs/${jobId}`);
  await expect(detail.getByTestId('job-state')).toHaveAttribute('data-state', 'failed');
  await detail.getByTestId('job-retry').click();
  await expect(page.getByText('The job runs again')).toBeVisible();
  await expect
    .poll(async () => (await admin.get<Job>(`/jobs/${jobId}`)).finishedAt, { timeout: 30_000 })
    .not.toBe(failedOnce.finishedAt);
  // The same file fails the same way; the dialog followed the new run to its end.
  await expect(detail.getByTestId('job-state')).toHaveAttribute('data-state', 'failed');
  await expect(detail.getByTestId('job-retry')).toBeVisible();
  await detail.getByRole('button', { name: 'Close' }).click();

  // The registry sync, where none is configured, says so.
  await page.getByTestId('registry-sync').click();
  await expect(page.getByTestId('registry-sync-problem')).toContainText(
    'No registry is configured for this platform',
  );

  await history.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(history.locator('tbody tr')).not.toHaveCount(1);
  // The form folded away, the history in view.
  await panel.getByText('New import', { exact: true }).click();
  await expect(panel.getByTestId('bo-import-form')).toBeHidden();
  await still(page);
  await saveScreenshot(page, 'back-office-imports');
  await expectNoViolations(page);
});

test('the system page shows the database and storage ready and the job queues', async ({
  page,
}) => {
  await signIn(page, DEMO.admin, '/it-manager/en/system');
  await expect(page.getByRole('heading', { name: 'System', level: 1 })).toBeVisible();
  const checks = page.getByTestId('system-checks');
  for (const name of ['database', 'storage']) {
    await expect(checks.locator(`[data-check="${name}"]`)).toHaveAttribute('data-ok', 'true');
    await expect(checks.locator(`[data-check="${name}"]`)).toContainText('Ready');
  }
  const queues = page.getByTestId('system-queues');
  for (const kind of ['Import', 'Recalculation', 'Totals', 'Registry sync']) {
    await expect(queues.getByRole('rowheader', { name: kind, exact: true })).toBeVisible();
  }
  // Read again every few seconds.
  const updated = page.getByTestId('system-updated');
  const first = await updated.textContent();
  await expect(updated).not.toHaveText(first!, { timeout: 12_000 });
  await saveScreenshot(page, 'back-office-system');
  await expectNoViolations(page);
});

test('a back-office officer sees the imports console read-only and no years', async ({ page }) => {
  await signIn(page, DEMO.officer, '/it-manager/en/imports');
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Back-office sections' });
  await expect(tabs.getByRole('tab', { name: 'Imports' })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Years' })).toHaveCount(0);
  await expect(tabs.getByRole('tab', { name: 'System' })).toHaveCount(0);
  await expect(page.getByText('Imports are made by administrators.')).toBeVisible();
  await expect(page.getByTestId('bo-import-panel')).toHaveCount(0);
  await expect(page.getByTestId('job-history')).toBeVisible();
  // Factor sets: browsed, not changed.
  await tabs.getByRole('tab', { name: 'Factor sets' }).click();
  await expect(page.getByTestId('factors-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('factor-upload')).toHaveCount(0);
  await expect(page.getByTestId('factor-recalculate')).toHaveCount(0);
});

test('in French on a 390 px phone: the years and the imports console fit the screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.admin, '/it-manager/fr/years', 'fr');
  await expect(page.getByRole('heading', { name: 'Années', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nouvelle année' })).toBeVisible();
  await expect(page.getByText('Ouverte aux utilisateurs des unités')).toBeVisible();
  await expect(page.getByText('Objectifs de réduction')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.goto('/it-manager/fr/imports');
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
  await expect(page.getByText('Historique des tâches')).toBeVisible();
  await expect(page.getByLabel('Contenu du fichier')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.goto('/it-manager/fr/factors');
  await expect(page.getByRole('heading', { name: 'Jeux de facteurs', level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.goto('/it-manager/fr/system');
  await expect(page.getByText('Base de données')).toBeVisible();
  await expect(page.getByText('Disponible', { exact: true }).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
});
