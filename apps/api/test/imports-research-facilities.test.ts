import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { researchFacilities } from '../src/features/reference/table.js';
import { BackOfficeImports, excelCsv } from './support/back-office-imports.js';

const fx = new BackOfficeImports();
const body = { target: 'research-facilities', year: 2025 };
const HEADER = 'name,unitCode,declaredKg,useUnit,totalUse,computing';

beforeAll(() => fx.start(), 120_000);
afterAll(() => fx.stop());

async function facilities() {
  return fx.db
    .select({
      year: researchFacilities.year,
      name: researchFacilities.name,
      unitId: researchFacilities.unitId,
      declaredKg: researchFacilities.declaredKg,
      useUnit: researchFacilities.useUnit,
      totalUse: researchFacilities.totalUse,
      computing: researchFacilities.computing,
    })
    .from(researchFacilities)
    .orderBy(asc(researchFacilities.year), asc(researchFacilities.name));
}

describe('importing the research facilities of a year', () => {
  it('upserts on the name, finds units by code, and recalculates the facility shares', async () => {
    const jobs = await fx.importThrough(
      body,
      excelCsv([
        'name;unitCode;declaredKg;useUnit;totalUse;computing',
        'Cryo-EM platform;L01;;hours;3240;no',
        'Cluster;;125000,5;core-hours;1E+06;yes',
        'Animal house;NOPE;;cage-days;100;no',
        'Nothing;;;hours;10;no',
      ]),
    );
    expect(jobs.map((job) => job.kind)).toEqual(['import', 'recalculate', 'aggregate']);
    expect(jobs[0]!.state).toBe('warning');
    expect(jobs[0]!.counts).toMatchObject({ read: 4, inserted: 2, updated: 0, skipped: 2 });
    expect(await facilities()).toEqual([
      {
        year: 2025,
        name: 'Cluster',
        unitId: null,
        declaredKg: 125000.5,
        useUnit: 'core-hours',
        totalUse: 1e6,
        computing: true,
      },
      {
        year: 2025,
        name: 'Cryo-EM platform',
        unitId: fx.unitIds.get('L01'),
        declaredKg: null,
        useUnit: 'hours',
        totalUse: 3240,
        computing: false,
      },
    ]);
    const report = await fx.errorReport(jobs[0]!);
    expect(report).toHaveLength(3);
    expect(report[1]).toBe(
      'Animal house,NOPE,,cage-days,100,no,4,"unitCode: no unit has the code ""NOPE"""',
    );
    expect(report[2]).toMatch(/^Nothing,.*,5,"?declaredKg: give the unitCode of the facility/);
    const [recalculation] = await fx.db
      .select({ params: dataIngestionJobs.params })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.id, jobs[1]!.id));
    expect(recalculation!.params).toEqual({
      subModules: ['common-facilities', 'animal-facilities'],
    });
  });

  it('updates a facility listed again and keeps those a file leaves out', async () => {
    const job = await fx.importFile(body, `${HEADER}\nCryo-EM platform,L02,,hours,4000,no\n`);
    expect(job.state).toBe('succeeded');
    expect(job.counts).toMatchObject({ read: 1, inserted: 0, updated: 1 });
    const stored = await facilities();
    expect(stored.map((f) => f.name)).toEqual(['Cluster', 'Cryo-EM platform']);
    expect(stored[1]).toMatchObject({ unitId: fx.unitIds.get('L02'), totalUse: 4000 });
  });

  it('refuses non-administrators with 403 before any job exists, and a year that does not exist', async () => {
    await fx.expectRefusedToNonAdmins(body, `${HEADER}\n`);
    const before = await fx.jobCount();
    const unknownYear = await fx.request('admin', { ...body, year: 2040 }, `${HEADER}\n`);
    expect(unknownYear.statusCode).toBe(404);
    expect(await fx.jobCount()).toBe(before);
  });
});
