// A back-office import from a URL: the administrator names where the year's exchange rates are
// published instead of uploading them, and the server fetches the file itself. The publisher is
// a small file server of this test on E2E_PORT + 200, the one host e2e/serve-demo.ts lists in
// IMPORT_SOURCE_HOSTS; a URL elsewhere is refused by the server, and the form says so. The
// year's rates are put back at the end.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoViolations } from './support/accessibility';
import { type Api, apiAs, finishedPipeline } from './support/back-office-api';
import { DEMO, signIn } from './support/sign-in';

const YEAR = 2025;
/** The same port as serve-demo.ts allows: E2E_PORT + 200. */
const SOURCE_PORT = Number(process.env.E2E_PORT ?? '3210') + 200;
const SOURCE = `http://127.0.0.1:${SOURCE_PORT}`;
const RATES = 'currency,unitsPerEur,source\r\nCHF,0.93,ECB\r\nUSD,1.07,ECB\r\n';
/** A sub-module whose calculation converts amounts to euros: its data carries the rates. */
const READS_RATES = 'other-purchases';

test.use({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });

// ---------------------------------------------------------------------------------------------
// The publisher: serves the files of `files` by path, and remembers what was asked.

const files = new Map<string, string>([['/rates-2025.csv', RATES]]);
const requested: string[] = [];
let publisher: Server;

test.beforeAll(async () => {
  publisher = createServer((request, response) => {
    requested.push(request.url ?? '');
    const body = files.get(request.url ?? '');
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    publisher.once('error', reject);
    publisher.listen(SOURCE_PORT, '127.0.0.1', resolve);
  });
  expect((publisher.address() as AddressInfo).port).toBe(SOURCE_PORT);
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => publisher.close(() => resolve()));
});

/**
 * The year's rates per euro, as the calculations read them: no route lists them, but the data
 * of a purchases sub-module's live preview carries them (read by whoever edits rows, here the
 * principal of L01).
 */
async function ratesOf(api: Api): Promise<Record<string, number> | undefined> {
  const data = await api.tryGet<{ unitsPerEur: Record<string, number> }>(
    `/years/${YEAR}/calculation-data`,
    { subModule: READS_RATES },
  );
  return data?.unitsPerEur;
}

/** Picks `option` in the Quasar select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// ---------------------------------------------------------------------------------------------

test('an admin imports a year’s exchange rates from a URL, and a URL elsewhere is refused', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, DEMO.admin);
  const principal = await apiAs(request, DEMO.principal);
  const before = await ratesOf(principal);
  expect(before?.CHF).toBeDefined();
  expect(before?.USD).toBeDefined();

  try {
    await signIn(page, DEMO.admin, '/it-manager/en/imports');
    await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
    const panel = page.getByTestId('bo-import-panel');
    const form = panel.getByTestId('bo-import-form');
    const history = page.getByTestId('job-history');

    // Module data for all units is uploaded only: no choice of source.
    await choose(page, form, 'What the file holds', 'Module data, all units');
    await expect(form.getByTestId('bo-import-file')).toBeVisible();
    await expect(form.getByTestId('bo-import-source')).toHaveCount(0);

    // Exchange rates: a file of this computer by default, or a URL.
    await choose(page, form, 'What the file holds', 'Exchange rates');
    await choose(page, form, 'Year', String(YEAR));
    const source = form.getByTestId('bo-import-source');
    await expect(source.getByRole('radio', { name: 'A file from this computer' })).toBeChecked();
    await source.getByRole('radio', { name: 'A URL' }).click();
    await expect(form.getByTestId('bo-import-file')).toHaveCount(0);
    const url = form.getByLabel('URL of the CSV file');
    await expect(form.getByTestId('bo-import-url')).toContainText(
      'The server fetches the file itself, only from the hosts its settings allow',
    );
    const submit = form.getByRole('button', { name: 'Fetch and import' });
    await expect(submit).toBeDisabled();
    await expectNoViolations(page, '[data-testid="bo-import-form"]');

    // Only http(s) is checked here; nothing is sent otherwise.
    await url.fill(`ftp://127.0.0.1:${SOURCE_PORT}/rates-2025.csv`);
    await submit.click();
    await expect(form.getByTestId('bo-import-url')).toContainText(
      'A URL starting with http:// or https://',
    );
    await expect(panel.getByTestId('console-pipeline')).toHaveCount(0);

    // The publisher's file: fetched by the server, imported, recalculated, totalled.
    await url.fill(`${SOURCE}/rates-2025.csv`);
    await submit.click();
    const live = panel.getByTestId('console-pipeline');
    await expect(live).toContainText('Import: Exchange rates');
    await expect(live.getByTestId('pipeline')).toHaveAttribute('data-settled', 'true', {
      timeout: 45_000,
    });
    await expect(live.getByTestId('job-state')).toHaveAttribute('data-state', 'succeeded');
    await expect(live.locator('[data-count="read"] dd')).toHaveText('2');
    expect(requested).toContain('/rates-2025.csv');
    // The form is ready for another import.
    await expect(url).toHaveValue('');

    // The import is in the history (under its recalculation and totals) by the URL's file
    // name, its source file downloadable.
    const importRow = history.locator('tbody tr').filter({ hasText: 'rates-2025.csv' });
    await expect(importRow).toHaveCount(1);
    await expect(importRow).toContainText('Import: Exchange rates');
    await expect(importRow.locator('[data-job-state]')).toHaveAttribute(
      'data-job-state',
      'succeeded',
    );
    await importRow.getByRole('button', { name: /^Details of/ }).click();
    const detail = page.getByTestId('job-detail');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByRole('button', { name: 'Download the source file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rates-2025.csv');
    const text = (await readFile(await download.path())).toString('utf8');
    expect(text.replace(/^\uFEFF/, '')).toBe(RATES);

    // A sync: the same URL fetched again, as a new import that the dialog then follows.
    await expect(detail.locator('[data-fact="sourceUrl"] dd')).toHaveText(
      `${SOURCE}/rates-2025.csv`,
    );
    const fetches = () => requested.filter((path) => path === '/rates-2025.csv').length;
    const fetchedBefore = fetches();
    await detail.getByRole('button', { name: 'Fetch the URL again' }).click();
    await expect.poll(fetches, { timeout: 15_000 }).toBe(fetchedBefore + 1);
    await expect(detail.getByTestId('job-state')).toHaveAttribute('data-state', 'succeeded', {
      timeout: 45_000,
    });
    await expect(history.locator('tbody tr').filter({ hasText: 'rates-2025.csv' })).toHaveCount(2);
    await detail.getByRole('button', { name: 'Close' }).click();

    // The calculations now read the new rates.
    await expect
      .poll(async () => ratesOf(principal), { timeout: 15_000 })
      .toMatchObject({ CHF: 0.93, USD: 1.07 });

    // A URL on a host IMPORT_SOURCE_HOSTS does not list: the server's refusal, in the form.
    const fetched = requested.length;
    await url.fill('http://data.example.org/rates-2025.csv');
    await submit.click();
    await expect(
      form.getByRole('alert').filter({
        hasText: `Imports may fetch from 127.0.0.1:${SOURCE_PORT}, not from data.example.org.`,
      }),
    ).toBeVisible();
    // Refused before any job: nothing was fetched, the URL stays to be corrected.
    await expect(url).toHaveValue('http://data.example.org/rates-2025.csv');
    expect(requested).toHaveLength(fetched);
  } finally {
    // The year's rates as they were (the demo's are illustrative), imported the same way.
    if (before) {
      const csv = ['currency,unitsPerEur,source']
        .concat(
          Object.entries(before).map(([currency, rate]) => `${currency},${rate},illustrative`),
        )
        .join('\r\n');
      files.set('/rates-restore.csv', `${csv}\r\n`);
      const { pipelineId } = await admin.post<{ pipelineId: string }>('/imports', {
        target: 'exchange-rates',
        year: YEAR,
        mode: 'replace',
        sourceUrl: `${SOURCE}/rates-restore.csv`,
      });
      const jobs = await finishedPipeline(admin, pipelineId);
      expect(jobs.map((job) => job.state)).not.toContain('failed');
      expect(await ratesOf(principal)).toEqual(before);
    }
  }
});
