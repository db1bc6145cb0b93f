import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../src/features/units/table.js';
import { BackOfficeImports, excelCsv } from './support/back-office-imports.js';

const fx = new BackOfficeImports();
const body = { target: 'units' };
const HEADER = 'code,parentCode,level,nameEn,nameFr,type,active';

beforeAll(() => fx.start(), 120_000);
afterAll(() => fx.stop());

/** Every unit, with its parent's code, as the file would list it. */
async function tree() {
  const rows = await fx.db
    .select({
      id: units.id,
      code: units.code,
      parentId: units.parentId,
      level: units.level,
      nameEn: units.nameEn,
      active: units.active,
      path: units.path,
    })
    .from(units)
    .orderBy(asc(units.code));
  const codeOf = new Map(rows.map((row) => [row.id, row.code]));
  return Object.fromEntries(
    rows.map((row) => [
      row.code,
      {
        parent: row.parentId ? codeOf.get(row.parentId) : null,
        level: row.level,
        nameEn: row.nameEn,
        active: row.active,
        depth: row.path.split('/').filter(Boolean).length,
      },
    ]),
  );
}

/** The rows of the fixture's tree as they stand: importing them changes nothing. */
const unchanged = {
  ROOT: 'ROOT;;1;ROOT (en);ROOT (fr);organisation;yes',
  FAC: 'FAC;ROOT;2;FAC (en);FAC (fr);organisation;',
  INST: 'INST;FAC;3;INST (en);INST (fr);organisation;yes',
};

describe('importing the units', () => {
  it('upserts by code level by level, refuses misplaced rows, deactivates units left out', async () => {
    const job = await fx.importFile(
      body,
      excelCsv([
        'code;parentCode;level;nameEn;nameFr;type;active',
        // A child before its (new) parent: rows are placed level by level.
        'L03;INST2;4;Lab 3;Labo 3;lab;yes',
        unchanged.ROOT,
        unchanged.FAC,
        unchanged.INST,
        'INST2;FAC;3;Institute 2;Institut 2;organisation;yes',
        'L02;INST;4;Lab 2, renamed;Labo 2;platform;yes',
        'INST3;NOPE;3;Institute 3;Institut 3;organisation;yes',
        'L06;L02;4;Lab 6;Labo 6;lab;yes',
        'L07;INST3;4;Lab 7;Labo 7;lab;yes',
        'X1;;2;Orphan;Orphelin;organisation;yes',
      ]),
    );
    expect(job.state).toBe('warning');
    expect(job.counts).toMatchObject({
      read: 10,
      inserted: 2,
      updated: 1,
      deactivated: 1,
      skipped: 4,
    });
    const units = await tree();
    expect(units.L03).toEqual({
      parent: 'INST2',
      level: 4,
      nameEn: 'Lab 3',
      active: true,
      depth: 4,
    });
    expect(units.L02).toMatchObject({ nameEn: 'Lab 2, renamed', active: true });
    // Left out: deactivated, never deleted.
    expect(units.L01).toMatchObject({ parent: 'INST', active: false });
    expect(units.INST3).toBeUndefined();
    const report = await fx.errorReport(job);
    // Rows refused while reading come first, then those refused for their place in the tree.
    expect(report.map((line) => line.replace(/^.*,(\d+),/, '$1: '))).toEqual([
      'code,parentCode,level,nameEn,nameFr,type,active,line,reason',
      '11: parentCode: must be empty exactly when the level is 1 (the institution)',
      '8: "parentCode: no unit has the code ""NOPE"""',
      '9: "parentCode: L02 is at level 4, not above level 4"',
      '10: parentCode: the row of INST3 was rejected',
    ]);
  });

  it('leaves a unit whose row is refused as it is, rather than deactivating it', async () => {
    const job = await fx.importFile(
      body,
      [
        HEADER,
        ...Object.values(unchanged).map((row) => row.replaceAll(';', ',')),
        'INST2,FAC,3,Institute 2,Institut 2,organisation,yes',
        'L03,INST2,4,Lab 3,Labo 3,lab,yes',
        'L01,INST,4,L01 (en),L01 (fr),lab,yes',
        'L02,INST,4,Lab 2,Labo 2,castle,yes',
      ].join('\n'),
    );
    expect(job.counts).toMatchObject({
      read: 7,
      inserted: 0,
      updated: 1,
      deactivated: 0,
      skipped: 1,
    });
    const units = await tree();
    expect(units.L01).toMatchObject({ active: true }); // listed again: active again
    expect(units.L02).toMatchObject({ nameEn: 'Lab 2, renamed', active: true });
  });

  it('fails a file that would leave units under a parent not above them, changing nothing', async () => {
    const before = await tree();
    const job = await fx.importFile(
      body,
      [
        HEADER,
        ...Object.values(unchanged)
          .slice(0, 2)
          .map((row) => row.replaceAll(';', ',')),
        'INST,FAC,4,INST (en),INST (fr),lab,yes',
        'INST2,FAC,3,Institute 2,Institut 2,organisation,yes',
        'L03,INST2,4,Lab 3,Labo 3,lab,yes',
      ].join('\n'),
    );
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /under a parent that is not above them: L01 \(level 4\) under INST, L02 \(level 4\) under INST.*Nothing was changed/s,
    );
    expect(await tree()).toEqual(before);
  });

  it('fails a file without one valid unit, deactivating nothing', async () => {
    const before = await tree();
    const job = await fx.importFile(body, `${HEADER}\nL01,INST,9,x,x,lab,yes\n`);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/No row of the file is valid.*Nothing was changed/);
    expect(job.links.errorReport).not.toBeNull();
    const empty = await fx.importFile(body, `${HEADER}\n`);
    expect(empty.state).toBe('failed');
    expect(empty.error).toMatch(/lists no unit/);
    expect(await tree()).toEqual(before);
  });

  it('refuses non-administrators with 403 before any job exists', async () => {
    await fx.expectRefusedToNonAdmins(body, `${HEADER}\n`);
  });
});
