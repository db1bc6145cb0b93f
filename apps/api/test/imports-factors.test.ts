import { cellText, csvField, factorCsvFormat, type FactorRow } from '@co2-calculator/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataEntries } from '../src/features/entries/table.js';
import { factors } from '../src/features/factors/table.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { yearModules } from '../src/features/years/table.js';
import { auditLog } from '../src/platform/audit/table.js';
import { queryRows } from '../src/platform/db/query-rows.js';
import { BackOfficeImports, excelCsv } from './support/back-office-imports.js';
import { waitForPipeline } from './support/imports.js';

const fx = new BackOfficeImports();
const YEAR = 2025;
const format = factorCsvFormat('plane')!;
const body = { target: 'factors', year: YEAR, factorSet: 'plane' };

beforeAll(() => fx.start({ demo: true }), 180_000);
afterAll(() => fx.stop());

/** The plane factors of the year as stored (stale or not), in a stable order. */
async function planeFactors() {
  return fx.db
    .select()
    .from(factors)
    .where(and(eq(factors.factorSet, 'plane'), eq(factors.year, YEAR)))
    .orderBy(asc(factors.classificationKey));
}

type Factor = Awaited<ReturnType<typeof planeFactors>>[number];

const rowOf = (factor: Factor): FactorRow => ({
  emissionType: factor.emissionType as FactorRow['emissionType'],
  classification: factor.classification,
  values: factor.values,
  unit: factor.unit,
  source: factor.source,
  ...(factor.citation ? { citation: factor.citation } : {}),
});

/** A factor file of `rows` as a French-locale spreadsheet writes it: `;`, decimal commas. */
function factorFile(rows: FactorRow[]): string {
  const line = (cells: string[]) => cells.map(csvField).join(';');
  return excelCsv([
    line(format.columns.map((column) => column.name)),
    ...rows.map((row) => {
      const cells = format.cellsOf(row);
      return line(
        format.columns.map((column) => {
          const value = cells[column.name];
          return typeof value === 'number' ? cellText(value).replace('.', ',') : cellText(value);
        }),
      );
    }),
  ]);
}

const withKgPerKm = (row: FactorRow, factor: number): FactorRow => ({
  ...row,
  values: { ...row.values, kgCo2eqPerKm: row.values.kgCo2eqPerKm! * factor },
});

describe('importing a factor set', () => {
  it('updates the factors, recalculates the rows that read them and the unit’s results', async () => {
    // A lab whose travel is validated in the year (results count validated modules only).
    const [lab] = await queryRows<{ unit_id: string; entry_id: string; kg_co2eq: number }>(
      fx.db,
      sql`select r.unit_id, d.id as entry_id, d.kg_co2eq
            from reports r
            join report_modules m on m.report_id = r.id and m.module = 'professional-travel'
                                 and m.status = 'validated'
            join data_entries d on d.report_id = r.id and d.sub_module = 'plane'
           where r.year = ${YEAR} and r.kind = 'official' and d.kg_co2eq > 0
           order by d.id limit 1`,
    );
    expect(lab).toBeDefined();
    const resultsUrl = `/api/v1/units/${lab!.unit_id}/years/${YEAR}/results`;
    const before = (await fx.app.inject({ url: resultsUrl, headers: fx.as.admin.headers })).json();

    const doubled = (await planeFactors()).map((factor) => withKgPerKm(rowOf(factor), 2));
    const jobs = await fx.importThrough(body, factorFile(doubled));

    expect(jobs.map((job) => job.kind)).toEqual(['import', 'recalculate', 'aggregate']);
    expect(jobs[0]!.state).toBe('succeeded');
    expect(jobs[0]).toMatchObject({ factorSet: 'plane', sourceUrl: null });
    expect(jobs[0]!.counts).toMatchObject({ read: 6, inserted: 0, updated: 6, skipped: 0 });
    expect(jobs[0]!.counts.stale).toBe(0);
    const [recalculation] = await fx.db
      .select({ params: dataIngestionJobs.params, year: dataIngestionJobs.year })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.id, jobs[1]!.id));
    expect(recalculation).toEqual({ year: YEAR, params: { subModules: ['plane'] } });

    const [entry] = await fx.db
      .select({ kg: dataEntries.kgCo2eq })
      .from(dataEntries)
      .where(eq(dataEntries.id, lab!.entry_id));
    expect(entry!.kg).toBeCloseTo(lab!.kg_co2eq * 2, 6);
    const after = (await fx.app.inject({ url: resultsUrl, headers: fx.as.admin.headers })).json();
    expect(after.byModule['professional-travel']).toBeGreaterThan(
      before.byModule['professional-travel'] + lab!.kg_co2eq * 0.99,
    );

    const audits = await fx.db
      .select({ details: auditLog.details, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'import.applied'), eq(auditLog.targetId, jobs[0]!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ target: 'factors', factorSet: 'plane', year: YEAR });
  });

  it('flags the factors a file leaves out as stale, never deletes them, and un-stales them', async () => {
    const current = (await planeFactors()).map(rowOf);
    const isLongBusiness = (row: FactorRow) =>
      row.classification.haul === 'long' && row.classification.class === 'business';
    const first: FactorRow = {
      ...current.find(isLongBusiness)!,
      classification: { haul: 'long', class: 'first' },
    };

    const partial = await fx.importFile(
      body,
      factorFile([...current.filter((r) => !isLongBusiness(r)), first]),
    );
    expect(partial.state).toBe('succeeded');
    expect(partial.counts).toMatchObject({ read: 6, inserted: 1, updated: 0, stale: 1 });
    const stored = await planeFactors();
    expect(stored).toHaveLength(7);
    expect(stored.filter((f) => f.stale).map((f) => f.classificationKey)).toEqual([
      'class=business&haul=long',
    ]);

    const again = await fx.importFile(body, factorFile(current));
    expect(again.counts).toMatchObject({ read: 6, inserted: 0, updated: 1, stale: 1 });
    expect((await planeFactors()).filter((f) => f.stale).map((f) => f.classificationKey)).toEqual([
      'class=first&haul=long',
    ]);
  });

  it('reports rejected rows with their reason and loads the others', async () => {
    const current = (await planeFactors()).filter((f) => !f.stale).map(rowOf);
    const file = factorFile([...current, current[0]!])
      .trimEnd()
      .concat('\r\ntravel.plane;short;economy;abc;0;1000;1,9;;illustrative;\r\n');
    const job = await fx.importFile(body, file);
    expect(job.state).toBe('warning');
    expect(job.counts).toMatchObject({ read: 8, skipped: 2, inserted: 0, updated: 0, stale: 0 });
    const report = await fx.errorReport(job);
    expect(report[0]).toBe(`${format.columns.map((c) => c.name).join(',')},line,reason`);
    expect(report).toHaveLength(3);
    expect(report[1]).toMatch(/,8,.*is already on line 2; keep one of the two rows/);
    expect(report[2]).toMatch(/,9,"?kgCo2eqPerKm: /);
  });

  it('fails a file without one valid factor and changes nothing', async () => {
    const staleBefore = (await planeFactors()).filter((f) => f.stale).length;
    const file = excelCsv([
      format.columns.map((c) => c.name).join(';'),
      'travel.plane;short;economy;-1;0;1000;1,9;;illustrative;',
    ]);
    const job = await fx.importFile(body, file);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/no valid factor.*Nothing was changed/);
    expect(job.links.errorReport).not.toBeNull();
    expect((await planeFactors()).filter((f) => f.stale)).toHaveLength(staleBefore);
  });

  it('fails a file whose header is not the set’s, and changes nothing', async () => {
    const before = await planeFactors();
    const job = await fx.importFile(
      body,
      'fuel,unit,kgCo2eqPerUnit,source\nnatural-gas,kWh,0.2,x\n',
    );
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/header does not fit the CSV format "factors-plane"/);
    expect(await planeFactors()).toEqual(before);
  });
});

describe('recalculating on request', () => {
  /** Asks for a recalculation as an administrator; resolves with its finished pipeline. */
  async function recalculate(payload: Record<string, unknown>) {
    const response = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/factors/recalculate',
      headers: fx.as.admin.headers,
      payload,
    });
    expect(response.statusCode, response.body).toBe(202);
    return waitForPipeline(fx.app, fx.as.admin.headers, response.json().pipelineId);
  }

  it('recalculates a year’s rows with the factors as they are now, then its results', async () => {
    const [entry] = await queryRows<{ id: string; kg_co2eq: number }>(
      fx.db,
      sql`select d.id, d.kg_co2eq from data_entries d join reports r on r.id = d.report_id
           where r.year = ${YEAR} and d.sub_module = 'plane' and d.kg_co2eq > 0 and d.kg_override is null
           order by d.id limit 1`,
    );
    // A change the rows have not followed yet (as an administrator's correction in the database).
    await fx.db.execute(
      sql`update factors set "values" = jsonb_set("values", '{kgCo2eqPerKm}',
            to_jsonb(("values"->>'kgCo2eqPerKm')::float8 * 3))
          where factor_set = 'plane' and year = ${YEAR}`,
    );
    const jobs = await recalculate({ year: YEAR, subModule: 'plane' });
    expect(jobs.map((job) => [job.kind, job.state])).toEqual([
      ['recalculate', 'succeeded'],
      ['aggregate', 'succeeded'],
    ]);
    const [after] = await fx.db
      .select({ kg: dataEntries.kgCo2eq })
      .from(dataEntries)
      .where(eq(dataEntries.id, entry!.id));
    expect(after!.kg).toBeCloseTo(entry!.kg_co2eq * 3, 6);
    const audits = await fx.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'factors.recalculation_requested'));
    expect(audits.at(-1)!.details).toMatchObject({ subModule: 'plane', jobId: jobs[0]!.id });
    // Back to the factors as they were, rows included, for the tests after this one.
    await fx.db.execute(
      sql`update factors set "values" = jsonb_set("values", '{kgCo2eqPerKm}',
            to_jsonb(("values"->>'kgCo2eqPerKm')::float8 / 3))
          where factor_set = 'plane' and year = ${YEAR}`,
    );
    await recalculate({ year: YEAR });
  });

  it('flags the rows above their sub-module’s own outlier threshold, not the module’s', async () => {
    const [entry] = await queryRows<{ id: string; kg_co2eq: number }>(
      fx.db,
      sql`select d.id, d.kg_co2eq from data_entries d join reports r on r.id = d.report_id
           where r.year = ${YEAR} and d.sub_module = 'plane' and d.kg_co2eq > 0
             and d.kg_override is null
           order by d.id limit 1`,
    );
    const [before] = await fx.db
      .select()
      .from(yearModules)
      .where(and(eq(yearModules.year, YEAR), eq(yearModules.module, 'professional-travel')));
    const flagsOf = async () =>
      (
        await fx.db
          .select({ flags: dataEntries.flags })
          .from(dataEntries)
          .where(eq(dataEntries.id, entry!.id))
      )[0]!.flags as { code: string }[];
    // The module's threshold far above the row; the plane's own, half of it.
    const setting = {
      outlierThresholdKg: entry!.kg_co2eq * 1000,
      subModuleThresholdsKg: { plane: entry!.kg_co2eq / 2 },
    };
    await fx.db
      .insert(yearModules)
      .values({ year: YEAR, module: 'professional-travel', ...setting })
      .onConflictDoUpdate({ target: [yearModules.year, yearModules.module], set: setting });
    try {
      await recalculate({ year: YEAR, subModule: 'plane' });
      expect((await flagsOf()).map((flag) => flag.code)).toContain('outlier');
    } finally {
      if (before) {
        await fx.db
          .update(yearModules)
          .set(before)
          .where(and(eq(yearModules.year, YEAR), eq(yearModules.module, 'professional-travel')));
      } else {
        await fx.db
          .delete(yearModules)
          .where(and(eq(yearModules.year, YEAR), eq(yearModules.module, 'professional-travel')));
      }
      await recalculate({ year: YEAR, subModule: 'plane' });
    }
    expect((await flagsOf()).map((flag) => flag.code)).not.toContain('outlier');
  });

  it('needs a year that exists', async () => {
    const response = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/factors/recalculate',
      headers: fx.as.admin.headers,
      payload: { year: 2031 },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('who may import factors, and for what', () => {
  it('refuses non-administrators with 403, before any job exists', async () => {
    await fx.expectRefusedToNonAdmins(body, factorFile([]));
  });

  it('needs a year that exists and a factor set', async () => {
    const csv = factorFile([]);
    const before = await fx.jobCount();
    const unknownYear = await fx.request('admin', { ...body, year: 2031 }, csv);
    expect(unknownYear.statusCode, unknownYear.body).toBe(404);
    const noSet = await fx.request('admin', { target: 'factors', year: YEAR }, csv);
    expect(noSet.statusCode).toBe(400);
    expect(noSet.json().errors[0].path).toBe('body.factorSet');
    const severalSets = await fx.request(
      'admin',
      { target: 'factors', year: YEAR, subModule: 'rooms' },
      csv,
    );
    expect(severalSets.statusCode).toBe(400);
    expect(await fx.jobCount()).toBe(before);
  });

  it('takes a sub-module that reads one set for that set', async () => {
    const current = (await planeFactors()).filter((f) => !f.stale).map(rowOf);
    const response = await fx.request(
      'admin',
      { target: 'factors', year: YEAR, subModule: 'plane' },
      factorFile(current),
    );
    expect(response.statusCode, response.body).toBe(202);
    await waitForPipeline(fx.app, fx.as.admin.headers, response.json().pipelineId);
    const [job] = await fx.db
      .select({ target: dataIngestionJobs.target, params: dataIngestionJobs.params })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.id, response.json().jobId));
    expect(job).toEqual({ target: 'factors', params: { factorSet: 'plane' } });
  });
});
