import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { exchangeRates } from '../src/features/reference/table.js';
import { BackOfficeImports, excelCsv } from './support/back-office-imports.js';

const fx = new BackOfficeImports();
const body = { target: 'exchange-rates', year: 2025 };

beforeAll(() => fx.start(), 120_000);
afterAll(() => fx.stop());

async function rates() {
  return fx.db
    .select({
      year: exchangeRates.year,
      currency: exchangeRates.currency,
      unitsPerEur: exchangeRates.unitsPerEur,
      source: exchangeRates.source,
    })
    .from(exchangeRates)
    .orderBy(asc(exchangeRates.year), asc(exchangeRates.currency));
}

describe('importing exchange rates', () => {
  it('loads a year’s rates, reports rejected rows, and recalculates what converts currencies', async () => {
    const jobs = await fx.importThrough(
      body,
      excelCsv([
        'currency;unitsPerEur;source',
        'chf;0,9526;ECB reference rates, 2025 average',
        'USD;1,08;ECB',
        'EUR;2;wrong',
        'EURO;1;wrong',
        'USD;1,09;twice',
      ]),
    );
    expect(jobs.map((job) => job.kind)).toEqual(['import', 'recalculate', 'aggregate']);
    const [job] = jobs;
    expect(job!.state).toBe('warning');
    expect(job!.counts).toMatchObject({ read: 5, inserted: 2, updated: 0, skipped: 3 });
    expect(await rates()).toEqual([
      {
        year: 2025,
        currency: 'CHF',
        unitsPerEur: 0.9526,
        source: 'ECB reference rates, 2025 average',
      },
      { year: 2025, currency: 'USD', unitsPerEur: 1.08, source: 'ECB' },
    ]);
    const report = await fx.errorReport(job!);
    expect(report).toEqual([
      'currency,unitsPerEur,source,line,reason',
      'EUR,2,wrong,4,unitsPerEur: one EUR is 1 EUR',
      expect.stringMatching(/^EURO,1,wrong,5,"?currency: must be a three-letter ISO 4217/),
      'USD,"1,09",twice,6,the currency USD is already on line 3; keep one of the two rows',
    ]);
    const [recalculation] = await fx.db
      .select({ year: dataIngestionJobs.year, params: dataIngestionJobs.params })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.id, jobs[1]!.id));
    expect(recalculation!.year).toBe(2025);
    expect(recalculation!.params.subModules).toEqual(
      expect.arrayContaining(['it-equipment', 'other-purchases', 'cloud']),
    );
  });

  it('upserts on (year, currency): changes and adds, keeps the rates a file leaves out', async () => {
    const job = await fx.importFile(
      body,
      'currency,unitsPerEur,source\nCHF,0.94,ECB reference rates, revised\nGBP,0.85,\n',
    );
    expect(job.state).toBe('warning'); // the comma in the source shifts a cell: refused
    expect(job.counts).toMatchObject({ read: 2, inserted: 1, skipped: 1 });
    const fixed = await fx.importFile(
      body,
      'currency,unitsPerEur,source\nCHF,0.94,"ECB reference rates, revised"\nGBP,0.85,\n',
    );
    expect(fixed.state).toBe('succeeded');
    expect(fixed.counts).toMatchObject({ read: 2, inserted: 0, updated: 1, skipped: 0 });
    expect(await rates()).toEqual([
      { year: 2025, currency: 'CHF', unitsPerEur: 0.94, source: 'ECB reference rates, revised' },
      { year: 2025, currency: 'GBP', unitsPerEur: 0.85, source: null },
      { year: 2025, currency: 'USD', unitsPerEur: 1.08, source: 'ECB' },
    ]);
  });

  it('keeps each year apart', async () => {
    const job = await fx.importFile({ ...body, year: 2024 }, 'currency,unitsPerEur\nCHF,0.95\n');
    expect(job.counts).toMatchObject({ inserted: 1 });
    expect((await rates()).filter((rate) => rate.currency === 'CHF')).toHaveLength(2);
  });

  it('refuses non-administrators with 403 before any job exists, and an unknown year', async () => {
    await fx.expectRefusedToNonAdmins(body, 'currency,unitsPerEur\nCHF,1\n');
    const before = await fx.jobCount();
    const unknownYear = await fx.request(
      'admin',
      { ...body, year: 2030 },
      'currency,unitsPerEur\n',
    );
    expect(unknownYear.statusCode).toBe(404);
    const noYear = await fx.request(
      'admin',
      { target: 'exchange-rates' },
      'currency,unitsPerEur\n',
    );
    expect(noYear.statusCode).toBe(400);
    expect(await fx.jobCount()).toBe(before);
  });
});
