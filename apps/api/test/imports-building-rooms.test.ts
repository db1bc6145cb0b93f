import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildingRooms } from '../src/features/reference/table.js';
import { BackOfficeImports, excelCsv } from './support/back-office-imports.js';

const fx = new BackOfficeImports();
const body = { target: 'building-rooms' };
const HEADER = 'building,room,roomType,areaM2';

beforeAll(() => fx.start(), 120_000);
afterAll(() => fx.stop());

async function stored() {
  return fx.db
    .select({
      building: buildingRooms.building,
      room: buildingRooms.room,
      roomType: buildingRooms.roomType,
      areaM2: buildingRooms.areaM2,
    })
    .from(buildingRooms)
    .orderBy(asc(buildingRooms.building), asc(buildingRooms.room));
}

describe('importing building rooms', () => {
  it('loads them, reports rejected rows, and recalculates the rooms sub-module', async () => {
    const jobs = await fx.importThrough(
      body,
      excelCsv([
        'building;room;roomType;areaM2',
        'BC;BC 410;office;24,5',
        'BC;"Room #3";laboratory;60',
        'BC;BC 411;office;-3',
        '*;X 1;office;10',
      ]),
    );
    expect(jobs.map((job) => job.kind)).toEqual(['import', 'recalculate', 'aggregate']);
    expect(jobs[0]!.counts).toMatchObject({ read: 4, inserted: 2, skipped: 2 });
    expect(await stored()).toEqual([
      { building: 'BC', room: 'BC 410', roomType: 'office', areaM2: 24.5 },
      { building: 'BC', room: 'Room #3', roomType: 'laboratory', areaM2: 60 },
    ]);
    const report = await fx.errorReport(jobs[0]!);
    expect(report).toHaveLength(3);
    // A cell a spreadsheet would take for a formula is neutralised in the report.
    expect(report[1]).toBe("BC,BC 411,office,'-3,4,areaM2: must be above 0 (got -3)");
    expect(report[2]).toMatch(/,5,"?building: '\*' is reserved for fallback factors/);
  });

  it('upserts on (building, room) and keeps the rooms a file leaves out', async () => {
    const job = await fx.importFile(body, `${HEADER}\nBC,BC 410,meeting,30\nCE,CE 1,office,12\n`);
    expect(job.state).toBe('succeeded');
    expect(job.counts).toMatchObject({ read: 2, inserted: 1, updated: 1 });
    expect(await stored()).toEqual([
      { building: 'BC', room: 'BC 410', roomType: 'meeting', areaM2: 30 },
      { building: 'BC', room: 'Room #3', roomType: 'laboratory', areaM2: 60 },
      { building: 'CE', room: 'CE 1', roomType: 'office', areaM2: 12 },
    ]);
  });

  it('refuses non-administrators with 403 before any job exists', async () => {
    await fx.expectRefusedToNonAdmins(body, `${HEADER}\n`);
  });
});
