import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { railwayStations } from '../src/features/reference/table.js';
import { BackOfficeImports, excelCsv } from './support/back-office-imports.js';

const fx = new BackOfficeImports();
const body = { target: 'railway-stations' };
const HEADER = 'name,country,latitude,longitude';

beforeAll(() => fx.start(), 120_000);
afterAll(() => fx.stop());

async function stored() {
  return fx.db
    .select({
      name: railwayStations.name,
      country: railwayStations.country,
      latitude: railwayStations.latitude,
    })
    .from(railwayStations)
    .orderBy(asc(railwayStations.country), asc(railwayStations.name));
}

describe('importing railway stations', () => {
  it('loads them, reports rejected rows, and recalculates train journeys', async () => {
    const jobs = await fx.importThrough(
      body,
      excelCsv([
        'name;country;latitude;longitude',
        'Lausanne;CH;46,5167;6,6291',
        'Paris Gare de Lyon;fr;48,8443;2,3743',
        'Nowhere;Switzerland;1;1',
        'LAUSANNE;CH;46,5;6,6',
      ]),
    );
    expect(jobs.map((job) => job.kind)).toEqual(['import', 'recalculate', 'aggregate']);
    expect(jobs[0]!.counts).toMatchObject({ read: 4, inserted: 2, skipped: 2 });
    expect(await stored()).toEqual([
      { name: 'Lausanne', country: 'CH', latitude: 46.5167 },
      { name: 'Paris Gare de Lyon', country: 'FR', latitude: 48.8443 },
    ]);
    const report = await fx.errorReport(jobs[0]!);
    expect(report).toHaveLength(3);
    expect(report[1]).toMatch(/^Nowhere,Switzerland,1,1,4,"?country: must be a two-letter/);
    expect(report[2]).toBe(
      'LAUSANNE,CH,"46,5","6,6",5,the station LAUSANNE (CH) is already on line 2; keep one of the two rows',
    );
  });

  it('upserts on (name, country) and keeps the stations a file leaves out', async () => {
    const job = await fx.importFile(
      body,
      `${HEADER}\nLausanne,CH,46.5168,6.6292\nBern,CH,46.949,7.439\n`,
    );
    expect(job.state).toBe('succeeded');
    expect(job.counts).toMatchObject({ read: 2, inserted: 1, updated: 1 });
    expect(await stored()).toEqual([
      { name: 'Bern', country: 'CH', latitude: 46.949 },
      { name: 'Lausanne', country: 'CH', latitude: 46.5168 },
      { name: 'Paris Gare de Lyon', country: 'FR', latitude: 48.8443 },
    ]);
  });

  it('refuses non-administrators with 403 before any job exists', async () => {
    await fx.expectRefusedToNonAdmins(body, `${HEADER}\n`);
  });
});
