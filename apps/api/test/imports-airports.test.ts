import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { airports } from '../src/features/reference/table.js';
import { BackOfficeImports, excelCsv } from './support/back-office-imports.js';

const fx = new BackOfficeImports();
const body = { target: 'airports' };
const HEADER = 'iata,name,city,country,latitude,longitude';

beforeAll(() => fx.start(), 120_000);
afterAll(() => fx.stop());

async function stored() {
  return fx.db
    .select({
      iata: airports.iata,
      name: airports.name,
      city: airports.city,
      latitude: airports.latitude,
    })
    .from(airports)
    .orderBy(asc(airports.iata));
}

describe('importing airports', () => {
  it('loads them, reports rejected rows, and recalculates flights in the open years', async () => {
    const jobs = await fx.importThrough(
      body,
      excelCsv([
        'IATA;Name;City;Country;Latitude;Longitude',
        'gva;Geneva Airport;Geneva;ch;46,2381;6,1089',
        'CDG;Paris Charles de Gaulle;Paris;FR;49,0097;2,5479',
        'ZZZZ;Nowhere;;CH;0;0',
        'JFK;John F. Kennedy;New York;US;140,6;-73,8',
        'GVA;Genève Aéroport;Genève;CH;46,2381;6,1089',
      ]),
    );
    // 2025 is the one open year.
    expect(jobs.map((job) => [job.kind, job.state])).toEqual([
      ['import', 'warning'],
      ['recalculate', 'succeeded'],
      ['aggregate', 'succeeded'],
    ]);
    expect(jobs[0]!.counts).toMatchObject({ read: 5, inserted: 2, updated: 0, skipped: 3 });
    const [recalculation] = await fx.db
      .select({ year: dataIngestionJobs.year, params: dataIngestionJobs.params })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.id, jobs[1]!.id));
    expect(recalculation).toEqual({ year: 2025, params: { subModules: ['plane'] } });
    expect(await stored()).toEqual([
      { iata: 'CDG', name: 'Paris Charles de Gaulle', city: 'Paris', latitude: 49.0097 },
      { iata: 'GVA', name: 'Geneva Airport', city: 'Geneva', latitude: 46.2381 },
    ]);
    const report = await fx.errorReport(jobs[0]!);
    expect(report[0]).toBe('IATA,Name,City,Country,Latitude,Longitude,line,reason');
    expect(report.slice(1).map((line) => line.split(',').at(-1))).toEqual([
      expect.stringContaining('three-letter IATA'),
      expect.stringContaining('latitude: must be at most 90'),
      'the airport GVA is already on line 2; keep one of the two rows',
    ]);
  });

  it('upserts on the IATA code and keeps the airports a file leaves out', async () => {
    const job = await fx.importFile(
      body,
      `${HEADER}\nGVA,Genève Aéroport,Genève,CH,46.2381,6.1089\nZRH,Zurich Airport,,CH,47.4647,8.5492\n`,
    );
    expect(job.state).toBe('succeeded');
    expect(job.counts).toMatchObject({ read: 2, inserted: 1, updated: 1, skipped: 0 });
    expect(await stored()).toEqual([
      { iata: 'CDG', name: 'Paris Charles de Gaulle', city: 'Paris', latitude: 49.0097 },
      { iata: 'GVA', name: 'Genève Aéroport', city: 'Genève', latitude: 46.2381 },
      { iata: 'ZRH', name: 'Zurich Airport', city: null, latitude: 47.4647 },
    ]);
    const unchanged = await fx.importFile(
      body,
      `${HEADER}\nZRH,Zurich Airport,,CH,47.4647,8.5492\n`,
    );
    expect(unchanged.counts).toMatchObject({ read: 1, inserted: 0, updated: 0 });
  });

  it('needs no year, and refuses non-administrators with 403 before any job exists', async () => {
    await fx.expectRefusedToNonAdmins(body, `${HEADER}\n`);
    const header = await fx.importFile(body, `${HEADER}\n`);
    expect(header.state).toBe('warning');
    expect(header.error).toMatch(/header but no rows/);
  });
});
