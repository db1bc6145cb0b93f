// The Calculator's results page against the demo institution: the principal of L01, whose
// 2025 report has headcount and professional travel validated (and six modules in progress).
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { Report, Results, Year } from '../src/shared/api/types';
import { formatPercent, formatTonnes } from '../src/shared/format/numbers';
import { apiAs } from './support/back-office-api';
import { setModuleStatus } from './support/demo-state';
import { DEMO, signIn } from './support/sign-in';

const SCREENSHOT = fileURLToPath(
  new URL('../../../docs/screenshots/calculator-results.png', import.meta.url),
);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// Charts drawn at once, without their entry animation: screenshots and PNGs show them whole.
test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

// The demo's starting point for L01 in 2025, whatever other tests changed since.
test.beforeEach(async ({ request }) => {
  for (const module of ['headcount', 'professional-travel']) {
    await setModuleStatus(request, DEMO.principal, 'L01', 2025, module, 'validated');
  }
  for (const module of ['buildings', 'equipment-electricity', 'purchases']) {
    await setModuleStatus(request, DEMO.principal, 'L01', 2025, module, 'in_progress');
  }
});

const apiPath = (page: string) => new RegExp(`/api/v1/units/[^/]+/years/2025/${page}$`);

/**
 * Signs in, goes to the results through the workspace's tab as a user does, and returns what
 * the page received from the API, to compare the page with.
 */
async function openResults(page: Page): Promise<{ results: Results; report: Report }> {
  await signIn(page, DEMO.principal);
  const resultsResponse = page.waitForResponse((r) => apiPath('results').test(r.url()));
  const reportResponse = page.waitForResponse((r) => apiPath('report').test(r.url()));
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(page).toHaveURL(/\/en\/units\/[^/]+\/2025\/results$/);
  const results = (await (await resultsResponse).json()) as Results;
  const report = (await (await reportResponse).json()) as Report;
  await expect(page.getByRole('heading', { name: 'Results', level: 1 })).toBeVisible();
  return { results, report };
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/** Two animation frames: the charts have painted what their options say. */
async function painted(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

test('the results show the validated modules’ totals, and a chart downloads as a PNG', async ({
  page,
}, testInfo) => {
  const { results, report } = await openResults(page);

  // The API's own arithmetic: results are the validated modules of the report, nothing else.
  const validated = report.modules.filter((m) => m.status === 'validated');
  expect([...results.validatedModules].sort()).toEqual(validated.map((m) => m.module).sort());
  expect(results.validatedModules.length).toBeGreaterThan(0);
  expect(results.totalKgCo2eq).toBeCloseTo(sum(validated.map((m) => m.totalKgCo2eq)), 6);
  expect(results.totalKgCo2eq).toBeCloseTo(report.validatedKgCo2eq, 6);
  expect(results.totalKgCo2eq).toBeCloseTo(sum(Object.values(results.byModule)), 6);
  expect(results.totalKgCo2eq).toBeCloseTo(sum(Object.values(results.byScope)), 6);
  expect(results.totalKgCo2eq).toBeCloseTo(sum(Object.values(results.byCategory)), 6);
  expect(results.totalKgCo2eq).toBeLessThan(report.totalKgCo2eq);

  // The big numbers, as the API gave them, written the English way.
  const value = (tile: string) => page.getByTestId(`big-${tile}`).getByTestId('value');
  await expect(value('total')).toHaveText(formatTonnes(results.totalKgCo2eq, 'en'));
  // Shown with 2 decimals below 10 t, 1 above: the text reads back to the total within that.
  const tonnes = results.totalKgCo2eq / 1000;
  const shown = Number((await value('total').textContent())!.replace(/,/g, ''));
  expect(Math.abs(shown - tonnes)).toBeLessThanOrEqual(tonnes < 10 ? 0.005 : 0.05);
  await expect(value('per-fte')).toHaveText(formatTonnes(results.perFteKgCo2eq!, 'en'));
  expect(results.previousYear).not.toBeNull();
  await expect(page.getByTestId('big-change')).toContainText(
    `Change from ${results.previousYear!.year}`,
  );
  await expect(value('change')).toHaveText(
    formatPercent(results.previousYear!.changePercent!, 'en'),
  );
  // A change always carries its sign: "+12.5%" or "-91.9%".
  await expect(value('change')).toHaveText(/^[+-]\d/);
  await expect(value('car-km')).toHaveText(
    new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(results.carKmEquivalent!),
  );
  await expect(value('it-focus')).toHaveText(formatTonnes(results.itFocusKgCo2eq, 'en'));

  // What the results leave out is said, with the report's figures.
  await expect(page.getByTestId('coverage')).toContainText('Results count validated modules only');
  await expect(page.getByTestId('coverage')).toContainText(
    `${report.completion.validated} of ${report.completion.enabled} modules validated`,
  );
  await expect(page.getByTestId('not-counted').getByRole('listitem')).toHaveCount(
    report.modules.length - validated.length,
  );

  // One section per validated module, with the report's total and its share of the results.
  for (const module of validated) {
    const section = page.getByTestId(`module-${module.module}`);
    await expect(section.getByTestId('module-total')).toHaveText(
      formatTonnes(module.totalKgCo2eq, 'en'),
    );
    const share = new Intl.NumberFormat('en', {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(module.totalKgCo2eq / results.totalKgCo2eq);
    await expect(section.getByTestId('module-share')).toHaveText(`${share} of the total`);
  }

  // Five charts, each with its data as a table for screen readers.
  const charts = ['by-scope', 'by-category', 'by-module', 'evolution', 'trajectory'];
  for (const chart of charts) {
    await expect(page.getByTestId(`chart-${chart}`).locator('canvas')).toHaveCount(1);
  }
  const categoryTable = page.getByRole('table', { name: 'Data of the chart “By category”' });
  await expect(categoryTable.locator('tbody tr')).toHaveCount(
    Object.keys(results.byCategory).length,
  );
  await expect(categoryTable).toContainText('Business travel');
  await expect(page.getByRole('img', { name: 'By scope' })).toBeVisible();

  // The PNG: the right name, a real PNG, drawn at twice the chart's size on screen.
  await painted(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG: By scope' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('co2-l01-2025-by-scope.png');
  const file = testInfo.outputPath('by-scope.png');
  await download.saveAs(file);
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(statSync(file).size).toBeGreaterThan(5_000);
  expect(statSync(file).size).toBeLessThan(2_000_000);
  const canvas = await page.getByTestId('chart-by-scope').locator('canvas').boundingBox();
  // IHDR: width then height, big-endian, from byte 16.
  expect(bytes.readUInt32BE(16)).toBeCloseTo(2 * canvas!.width, -1);
  expect(bytes.readUInt32BE(20)).toBeCloseTo(2 * canvas!.height, -1);

  // The picture in docs/screenshots, without the focus ring the download left.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await painted(page);
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  // Printed, the page is the report alone: no buttons, no app header.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeHidden();
  const downloads = page.getByRole('button', { name: /^Download PNG/, includeHidden: true });
  await expect(downloads).toHaveCount(5);
  for (const button of await downloads.all()) await expect(button).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('big-total')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // For printing, the charts are redrawn at the paper's width, then at the screen's again.
  const trajectoryWidth = () =>
    page
      .getByTestId('chart-trajectory')
      .locator('canvas')
      .evaluate((canvas) => canvas.getBoundingClientRect().width);
  const screenWidth = await trajectoryWidth();
  expect(screenWidth).toBeGreaterThan(1000);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  expect(await trajectoryWidth()).toBe(640);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  expect(await trajectoryWidth()).toBe(screenWidth);

  // "Save as PDF" gives A4 pages (595 × 842 pt), as the page's @page rule asks.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.length).toBeLessThanOrEqual(6);
  for (const [, width, height] of pages) {
    expect(Number(width)).toBeCloseTo(595, -1);
    expect(Number(height)).toBeCloseTo(842, -1);
  }
});

test('a module shows the uncertainty its year gives its data', async ({ page, request }) => {
  const admin = await apiAs(request, DEMO.admin);
  const year = await admin.get<Year>('/years/2025');
  const others = year.modules.filter((line) => line.module !== 'headcount');
  const headcount = year.modules.find((line) => line.module === 'headcount') ?? {
    module: 'headcount' as const,
    enabled: true,
    subModules: null,
    outlierThresholdKg: null,
    uncertainty: null,
  };
  const putYear = (modules: Year['modules']) =>
    admin.put('/years/2025', { open: year.open, reductionGoals: year.reductionGoals, modules });
  await putYear([...others, { ...headcount, uncertainty: 'medium' }]);
  try {
    await openResults(page);
    await expect(page.getByTestId('module-headcount').getByTestId('module-uncertainty')).toHaveText(
      'Uncertainty of its data: medium',
    );
    // A module the year gives no uncertainty shows none.
    await expect(
      page.getByTestId('module-professional-travel').getByTestId('module-uncertainty'),
    ).toHaveCount(
      others.some((line) => line.module === 'professional-travel' && line.uncertainty) ? 1 : 0,
    );
  } finally {
    await putYear(year.modules);
  }
});

test('the French page speaks French and writes numbers the French way', async ({ page }) => {
  const { results } = await openResults(page);
  const resultsResponse = page.waitForResponse((r) => apiPath('results').test(r.url()));
  await page.goto(page.url().replace('/en/', '/fr/'));
  await resultsResponse;

  await expect(page.getByRole('heading', { name: 'Résultats', level: 1 })).toBeVisible();
  await expect(page.getByTestId('coverage')).toContainText(
    'Les résultats ne comptent que les modules validés',
  );
  await expect(page.getByTestId('big-total').getByTestId('value')).toHaveText(
    formatTonnes(results.totalKgCo2eq, 'fr'),
  );
  // "7,72": a decimal comma, not the English point.
  await expect(page.getByTestId('big-total').getByTestId('value')).toHaveText(/^\d+,\d+$/);
  await expect(page.getByTestId('big-per-fte')).toContainText('Par ETP');
  await expect(page.getByRole('heading', { name: 'Par catégorie' })).toBeVisible();
  const categoryTable = page.getByRole('table', { name: 'Données du graphique « Par catégorie »' });
  await expect(categoryTable).toContainText('Déplacements professionnels');
  await expect(categoryTable).toContainText('Alimentation');
  await expect(page.getByTestId('module-professional-travel')).toContainText('Avion');
  await expect(page.getByRole('button', { name: 'Télécharger en PNG : Par scope' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer / Enregistrer en PDF' })).toBeVisible();
});

test('on a phone the page fits the screen and a PNG downloads from the keyboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openResults(page);
  await expect(page.getByTestId('chart-trajectory').locator('canvas')).toHaveCount(1);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  const button = page.getByRole('button', { name: 'Download PNG: Reduction trajectory' });
  await button.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloading).suggestedFilename()).toBe('co2-l01-2025-trajectory.png');
});

test('with nothing validated the page says so, and a failed load can be retried', async ({
  page,
}) => {
  // The demo has validated modules: the API's answer is replaced by one with none.
  await page.route(apiPath('results'), async (route) => {
    const real = (await (await route.fetch()).json()) as Results;
    await route.fulfill({
      json: {
        ...real,
        totalKgCo2eq: 0,
        totalTCo2eq: 0,
        perFteKgCo2eq: null,
        byScope: {},
        byCategory: {},
        byModule: {},
        byEmissionType: {},
        itFocusKgCo2eq: 0,
        carKmEquivalent: 0,
        validatedModules: [],
      } satisfies Results,
    });
  });
  await openResults(page);
  await expect(page.getByTestId('results-empty')).toContainText('No results yet');
  await expect(page.getByRole('link', { name: 'Go to the modules' })).toBeVisible();
  await expect(page.locator('canvas')).toHaveCount(0);

  // Then the API fails: the problem is shown as the API explains it, and "Try again" works.
  await page.unroute(apiPath('results'));
  await page.route(apiPath('results'), (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      json: {
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The database is not reachable.',
      },
    }),
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('The database is not reachable.');
  await page.unroute(apiPath('results'));
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('big-total')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'not reachable' })).toHaveCount(0);
});
