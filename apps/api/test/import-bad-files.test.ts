import { count, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/features/demo/seed.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import type { JobRunner } from '../src/features/jobs/runner.js';
import { queryRows } from '../src/platform/db/query-rows.js';
import { startWorkers } from '../src/workers.js';
import { signIn, type SignedIn } from './support/identities.js';
import { download, type JobView, uploadFile, waitForJob } from './support/imports.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The files people really send, and the ones that break things: each gets a clear answer (a
 * 4xx problem before any job, or a job that ends with a state and a message), an error report
 * that lists exactly the rejected rows, and — when the file fails as a whole — no change at
 * all to the data, even in replace mode.
 */
let testDb: TestDatabase;
let app: FastifyInstance;
let workers: JobRunner;
const as: Record<string, SignedIn> = {};
const unitIds = new Map<string, string>();
const db = () => testDb.handle.db;

const JOB_ENV = { JOB_LEASE_SECONDS: '5', JOB_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1' };

const H = 'origin,destination,traveller,date,roundTrip,class';

type Who = 'admin' | 'principal' | 'member';

/** Into L02, replacing its earlier CSV rows: the mode where a bad file could do most harm. */
const intoL02 = () => ({ target: 'module-data-unit', unitId: unitIds.get('L02'), mode: 'replace' });
const allUnits = { target: 'module-data-all' };

async function startImport(who: Who, csv: string | Buffer, body: Record<string, unknown>) {
  const uploadKey = await uploadFile(app, as[who]!.headers, csv, 'trips.csv');
  return app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: as[who]!.headers,
    payload: { year: 2025, subModule: 'plane', uploadKey, ...body },
  });
}

async function runImport(who: Who, csv: string | Buffer, body: Record<string, unknown>) {
  const response = await startImport(who, csv, body);
  expect(response.statusCode, response.body).toBe(202);
  return waitForJob(app, as[who]!.headers, response.json().jobId, undefined, 60_000);
}

/** No job queued or running: an aggregation still under way would change the sums below. */
async function settle(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from data_ingestion_jobs where state in ('queued', 'running')`,
    );
    if (row!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${row!.n} jobs still under way`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Everything an import may touch, summed up: the year's rows, their emissions, module states. */
async function fingerprint() {
  await settle();
  const [row] = await queryRows<Record<string, string | number>>(
    db(),
    sql`select
      (select count(*)::int from data_entries where year = 2025) as entries,
      (select md5(coalesce(string_agg(concat_ws('|', id, unit_id, source, fields::text, note,
                                                kg_co2eq, import_job_id), ',' order by id), ''))
         from data_entries where year = 2025) as entries_sum,
      (select md5(coalesce(string_agg(concat_ws('|', e.entry_id, e.emission_type, e.kg_co2eq),
                                      ',' order by e.entry_id, e.emission_type), ''))
         from emissions e join data_entries d on d.id = e.entry_id where d.year = 2025)
        as emissions_sum,
      (select md5(coalesce(string_agg(concat_ws('|', report_id, module, status), ','
                                      order by report_id, module), ''))
         from report_modules) as modules_sum,
      (select count(*)::int from reports) as reports`,
  );
  return row!;
}

async function jobsOfPipeline(pipelineId: string) {
  return queryRows<{ kind: string }>(
    db(),
    sql`select kind from data_ingestion_jobs where pipeline_id = ${pipelineId}`,
  );
}

async function jobCount() {
  const [row] = await db().select({ n: count() }).from(dataIngestionJobs);
  return row!.n;
}

/** The error report as rows of cells (RFC 4180 quoting undone). */
async function reportOf(who: Who, job: JobView): Promise<string[][]> {
  expect(job.links.errorReport, 'an error report').not.toBeNull();
  const text = (await download(app, as[who]!.headers, job.links.errorReport!)).replace(
    /^\uFEFF/,
    '',
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** The report's rows as `{ line, reason, cells by column }`, checked to fit its header. */
async function reportRows(who: Who, job: JobView) {
  const [header, ...rows] = await reportOf(who, job);
  expect(header!.slice(-2)).toEqual(['line', 'reason']);
  return rows.map((cells) => {
    // Every row has exactly the header's cells: line and reason always under their names.
    expect(cells, JSON.stringify(cells).slice(0, 300)).toHaveLength(header!.length);
    return {
      line: Number(cells.at(-2)),
      reason: cells.at(-1)!,
      cells: Object.fromEntries(header!.slice(0, -2).map((name, i) => [name, cells[i]])),
    };
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(db(), testDb.handle.changes);
  for (const unit of await queryRows<{ id: string; code: string }>(
    db(),
    sql`select id, code from units`,
  )) {
    unitIds.set(unit.code, unit.id);
  }
  app = await buildTestApp(testDb.handle, { env: JOB_ENV });
  workers = await startWorkers({
    config: testConfig(JOB_ENV),
    database: testDb.handle,
    store: app.storage,
    log: app.log,
  });
  for (const [name, email] of [
    ['admin', 'admin@demo.example'],
    ['principal', 'pi.l02@demo.example'],
    ['member', 'member.l02@demo.example'],
  ] as const) {
    as[name] = await signIn(app, email, DEMO_PASSWORD);
  }
  // Earlier CSV rows of the unit and of the back office: what a bad file must not wipe out.
  const unitRows = await runImport(
    'principal',
    `${H}\r\nGVA,CDG,Earlier One,2025-02-01,yes,economy\r\nGVA,LHR,Earlier Two,2025-02-02,no,economy\r\n`,
    intoL02(),
  );
  expect(unitRows.state).toBe('succeeded');
  const backOffice = await runImport(
    'admin',
    `unitCode,${H}\r\nL05,GVA,AMS,Office One,2025-02-01,yes,economy\r\nL06,GVA,FRA,Office Two,2025-02-02,no,economy\r\n`,
    allUnits,
  );
  expect(backOffice.state).toBe('succeeded');
}, 120_000);

afterAll(async () => {
  await workers?.stop();
  await app?.close();
  await testDb?.dispose();
});

describe('files refused before any job exists (4xx problem)', () => {
  it('an empty file (0 bytes)', async () => {
    const ticket = await app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: as.principal!.headers,
      payload: { filename: 'empty.csv', contentType: 'text/csv', size: 0 },
    });
    expect(ticket.statusCode).toBe(400);
    expect(ticket.headers['content-type']).toContain('application/problem+json');
    expect(ticket.json().errors).toEqual([expect.objectContaining({ path: 'body.size' })]);
  });

  it('binary junk: refused by the upload URL, and by the import should it reach the store', async () => {
    const jobsBefore = await jobCount();
    const junk = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)),
    ]);
    const ticket = await app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: as.principal!.headers,
      payload: { filename: 'trips.csv', contentType: 'text/csv', size: junk.length },
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const { key, url, headers } = ticket.json();
    const target = new URL(url);
    const put = await app.inject({
      method: 'PUT',
      url: `${target.pathname}${target.search}`,
      headers,
      payload: junk,
    });
    expect(put.statusCode).toBe(422);
    expect(put.headers['content-type']).toContain('application/problem+json');
    expect(put.json().detail).toMatch(/ZIP archive/);

    // With S3 the bucket checks only size and type: the bytes land, and the import refuses them.
    await app.storage.write(key, junk, 'text/csv');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: as.principal!.headers,
      payload: { ...intoL02(), year: 2025, subModule: 'plane', uploadKey: key },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      status: 422,
      title: 'Not a text file',
      detail: expect.stringMatching(/ZIP archive/),
    });
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('a unit the uploader may not touch', async () => {
    const jobsBefore = await jobCount();
    const before = await fingerprint();
    const csv = `${H}\r\nGVA,CDG,Ada,2025-03-01,yes,economy\r\n`;
    // Another lab: not even visible to L02's principal.
    const foreign = await startImport('principal', csv, {
      ...intoL02(),
      unitId: unitIds.get('L01'),
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    // Every unit at once: administrators only.
    const everyUnit = await startImport('principal', csv, allUnits);
    expect(everyUnit.statusCode).toBe(403);
    // A member of the lab sees it, but may not import into it.
    const member = await startImport('member', csv, intoL02());
    expect(member.statusCode).toBe(403);
    expect(member.headers['content-type']).toContain('application/problem+json');
    // Not a lab: module data belongs to level-4 units.
    const faculty = await startImport('admin', csv, { ...intoL02(), unitId: unitIds.get('SCI') });
    expect(faculty.statusCode).toBe(422);
    expect(await jobCount()).toBe(jobsBefore);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('files that fail as a whole: a failed job, a clear message, nothing changed', () => {
  const cases: {
    name: string;
    who: Who;
    csv: string;
    body: () => Record<string, unknown>;
    error: RegExp;
    /** Rejected rows expected in the error report (line → reason). */
    report?: [number, RegExp][];
  }[] = [
    {
      name: 'a blank file (a byte-order mark and empty lines)',
      who: 'principal',
      csv: '\uFEFF\r\n\r\n   \r\n',
      body: intoL02,
      error: /^The file is empty\.$/,
    },
    {
      name: 'comment lines only',
      who: 'principal',
      csv: '# origin: IATA code\r\n# date: YYYY-MM-DD\r\n',
      body: intoL02,
      error: /^The file has no header line\.$/,
    },
    {
      name: 'a header and no rows',
      who: 'principal',
      csv: `\uFEFF${H}\r\n`,
      body: intoL02,
      error: /^The file has a header but no rows.*[Nn]othing was changed\.$/,
    },
    {
      name: 'a header and no rows, in a file of all units',
      who: 'admin',
      csv: `unitCode,${H}\r\n\r\n`,
      body: () => allUnits,
      error: /^The file has a header but no rows.*[Nn]othing was changed\.$/,
    },
    {
      name: 'columns separated by tabs',
      who: 'principal',
      csv: `${H.replaceAll(',', '\t')}\nGVA\tCDG\tAda\t2025-03-01\tyes\teconomy\n`,
      body: intoL02,
      error: /header does not fit.*Separate the columns with "," or ";"\.$/,
    },
    {
      name: 'a missing required column',
      who: 'principal',
      csv: 'origin,destination,traveller\r\nGVA,CDG,Ada\r\n',
      body: intoL02,
      error: /missing required column\(s\) date/,
    },
    {
      name: 'an extra, unknown column',
      who: 'principal',
      csv: `${H},seat\r\nGVA,CDG,Ada,2025-03-01,yes,economy,12A\r\n`,
      body: intoL02,
      error: /unknown column\(s\) "seat"/,
    },
    {
      name: 'a quote opened and never closed (the rest of the file is one value)',
      who: 'principal',
      csv: [
        H,
        'GVA,CDG,Ada,2025-03-01,yes,economy',
        'GVA,CDG,"Bob,2025-03-02,yes,economy',
        'GVA,CDG,Cy,2025-03-03,yes,economy',
        'GVA,CDG,Dee,2025-03-04,yes,economy',
      ].join('\r\n'),
      body: intoL02,
      error: /^The file cannot be read as CSV: a quote opened after line 2 is never closed/,
    },
    {
      name: 'a 10 MB value (the parser cannot find the rows after it)',
      who: 'principal',
      csv: [
        H,
        'GVA,CDG,Before Huge,2025-03-01,yes,economy',
        `GVA,CDG,${'x'.repeat(10 * 1024 * 1024)},2025-03-02,yes,economy`,
        ...Array.from({ length: 50 }, (_, i) => `GVA,CDG,After Huge ${i},2025-03-03,yes,economy`),
      ].join('\r\n'),
      body: intoL02,
      error: /^The file cannot be read as CSV: line 3 holds a row longer than 1024 KiB\.$/,
    },
    {
      name: 'no row without a fault (wrong types in every row)',
      who: 'principal',
      csv: [
        H,
        'GVA,CDG,Ada,01/03/2025,yes,economy',
        'GVA,CDG,Bob,2025-03-02,maybe,economy',
        'GVA,CDG,Cy,2025-03-03,yes,cargo',
      ].join('\r\n'),
      body: intoL02,
      error:
        /^None of the 3 rows could be imported \(see the error report\)\. Nothing was changed\.$/,
      report: [
        [2, /^date: /],
        [3, /^roundTrip: must be yes or no/],
        [4, /^class: /],
      ],
    },
    {
      name: 'no unit code that exists, in a file of all units',
      who: 'admin',
      csv: [
        `unitCode,${H}`,
        'NOPE,GVA,CDG,Ada,2025-03-01,yes,economy',
        'SCI,GVA,CDG,Bob,2025-03-02,yes,economy',
      ].join('\r\n'),
      body: () => allUnits,
      error: /^None of the 2 rows could be imported/,
      report: [
        [2, /^unitCode: no unit has the code "NOPE"$/],
        [3, /^unitCode: (no unit has the code "SCI"|SCI is not a lab-level unit)$/],
      ],
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const before = await fingerprint();
      const job = await runImport(testCase.who, testCase.csv, testCase.body());
      expect(job.state, job.error ?? '').toBe('failed');
      expect(job.error).toMatch(testCase.error);
      if (testCase.report) {
        const rows = await reportRows(testCase.who, job);
        expect(rows.map((row) => row.line)).toEqual(testCase.report.map(([line]) => line));
        rows.forEach((row, i) => expect(row.reason).toMatch(testCase.report![i]![1]));
      } else {
        expect(job.links.errorReport).toBeNull();
      }
      expect(await fingerprint()).toEqual(before);
      // Nothing to aggregate after a file that changed nothing.
      expect(await jobsOfPipeline(job.pipelineId)).toEqual([{ kind: 'import' }]);
    });
  }
});

describe('rows that break a rule: skipped, counted, and reported as written', () => {
  async function planeRows(unit: string, source?: string) {
    return queryRows<{ traveller: string; note: string | null; fields: Record<string, unknown> }>(
      db(),
      sql`select fields->>'traveller' as traveller, note, fields from data_entries
           where unit_id = ${unitIds.get(unit)!} and year = 2025 and sub_module = 'plane'
             and (${source ?? null}::text is null or source = ${source ?? null})
           order by fields->>'traveller'`,
    );
  }

  it('wrong types and dates outside the year', async () => {
    const csv = [
      H,
      'GVA,CDG,Good One,2025-03-01,yes,economy',
      'GVA,CDG,Bad Date Format,01/03/2025,yes,economy',
      'GVA,CDG,Bad Flag,2025-03-02,maybe,economy',
      'GVA,CDG,Bad Class,2025-03-03,yes,cargo',
      'GVA,CDG,,2025-03-04,yes,economy',
      'GVA,CDG,Last Year,2024-12-31,yes,economy',
      'GVA,CDG,Next Year,2026-01-01,yes,economy',
      'GVA,CDG,No Such Day,2025-02-30,yes,economy',
      'GVA,CDG,Good Two,2025-12-31,no,business',
    ].join('\r\n');
    const job = await runImport('principal', csv, intoL02());
    expect(job.state).toBe('warning');
    expect(job.counts).toMatchObject({ read: 9, inserted: 2, skipped: 7 });
    expect(job.error).toBe('7 of 9 rows were rejected (see the error report).');
    const rows = await reportRows('principal', job);
    expect(rows.map((row) => [row.line, row.cells.traveller])).toEqual([
      [3, 'Bad Date Format'],
      [4, 'Bad Flag'],
      [5, 'Bad Class'],
      [6, ''],
      [7, 'Last Year'],
      [8, 'Next Year'],
      [9, 'No Such Day'],
    ]);
    expect(rows[0]!.reason).toMatch(/^date: /);
    expect(rows[1]!.reason).toMatch(/^roundTrip: must be yes or no/);
    expect(rows[2]!.reason).toMatch(/^class: /);
    expect(rows[3]!.reason).toMatch(/^traveller: /);
    expect(rows[4]!.reason).toBe('date: 2024-12-31 is outside the year 2025');
    expect(rows[5]!.reason).toBe('date: 2026-01-01 is outside the year 2025');
    expect(rows[6]!.reason).toMatch(/^date: /);
    // Cells as written, including the date as it was typed.
    expect(rows[0]!.cells).toEqual({
      origin: 'GVA',
      destination: 'CDG',
      traveller: 'Bad Date Format',
      date: '01/03/2025',
      roundTrip: 'yes',
      class: 'economy',
    });
    expect((await planeRows('L02', 'unit-csv')).map((row) => row.traveller)).toEqual([
      'Good One',
      'Good Two',
    ]);
  });

  it('a stray quote inside a value: that row alone is refused, and counted once', async () => {
    const csv = [
      H,
      'GVA,CDG,Ada,2025-03-01,yes,economy',
      'GVA,CDG,Bob "the pilot" Smith,2025-03-02,yes,economy',
      'GVA,CDG,Cy,2025-03-03,yes,economy',
    ].join('\r\n');
    const job = await runImport('principal', csv, intoL02());
    expect(job.state).toBe('warning');
    expect(job.counts).toMatchObject({ read: 3, inserted: 2, skipped: 1 });
    const rows = await reportRows('principal', job);
    expect(rows.map((row) => row.line)).toEqual([3]);
    expect(rows[0]!.reason).toMatch(/^The row cannot be read: .*quote/);
    expect((await planeRows('L02', 'unit-csv')).map((row) => row.traveller)).toEqual(['Ada', 'Cy']);
  });

  it('a cell beyond the header: refused, and reported under the right columns', async () => {
    const csv = [
      H,
      'GVA,CDG,Ada,2025-03-01,yes,economy',
      'GVA,CDG,Bob,2025-03-02,yes,economy,surplus',
    ].join('\r\n');
    const job = await runImport('principal', csv, intoL02());
    expect(job.state).toBe('warning');
    expect(job.counts).toMatchObject({ read: 2, inserted: 1, skipped: 1 });
    const rows = await reportRows('principal', job);
    expect(rows.map((row) => [row.line, row.cells.traveller])).toEqual([[3, 'Bob']]);
    expect(rows[0]!.reason).toMatch(/column 7/);
  });

  it('formula-like cells: stored as text, neutralised in the error report', async () => {
    const formula = '=HYPERLINK("http://x","y")';
    const quoted = `"${formula.replaceAll('"', '""')}"`;
    const csv = [
      `${H},note`,
      `GVA,CDG,${quoted},2025-03-01,yes,economy,@SUM(A1)`,
      `GVA,CDG,${quoted},2024-03-01,yes,economy,+1+2`,
    ].join('\r\n');
    const job = await runImport('principal', csv, intoL02());
    expect(job.state).toBe('warning');
    expect(job.counts).toMatchObject({ read: 2, inserted: 1, skipped: 1 });
    const stored = await planeRows('L02', 'unit-csv');
    expect(stored).toEqual([expect.objectContaining({ traveller: formula, note: '@SUM(A1)' })]);
    const rows = await reportRows('principal', job);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells).toMatchObject({ traveller: `'${formula}`, note: "'+1+2" });
    expect(rows[0]!.reason).toBe('date: 2024-03-01 is outside the year 2025');
  });

  it('inside a unit, a unitCode naming another unit is ignored: the rows are the unit’s own', async () => {
    const otherBefore = await fingerprint();
    const l03Before = await planeRows('L03');
    const csv = [`unitCode,${H}`, 'L03,GVA,CDG,Stays In L02,2025-03-01,yes,economy'].join('\r\n');
    const job = await runImport('principal', csv, intoL02());
    expect(job.state).toBe('succeeded');
    expect((await planeRows('L02', 'unit-csv')).map((row) => row.traveller)).toEqual([
      'Stays In L02',
    ]);
    expect(await planeRows('L03')).toEqual(l03Before);
    expect((await fingerprint()).entries).toBe(otherBefore.entries);
  });

  it('binary bytes past the first kilobytes: the file fails as a whole, nothing changes', async () => {
    const before = await fingerprint();
    const rows = Array.from(
      { length: 200 },
      (_, i) => `GVA,CDG,Padding Traveller ${i},2025-03-01,yes,economy`,
    );
    // Text at the start (what the upload checks), a NUL byte and junk much later.
    const csv = Buffer.concat([
      Buffer.from(`${H}\r\n${rows.join('\r\n')}\r\nGVA,CDG,Nul`),
      Buffer.from([0x00, 0x01, 0xff, 0xfe]),
      Buffer.from(',2025-03-02,yes,economy\r\n'),
    ]);
    const job = await runImport('principal', csv, intoL02());
    expect(job.state, job.error ?? '').toBe('failed');
    expect(job.error).toMatch(/binary data|not UTF-8/);
    expect(await fingerprint()).toEqual(before);
  });

  it('text in another encoding past the first kilobytes: the file fails, nothing changes', async () => {
    const before = await fingerprint();
    const rows = Array.from(
      { length: 200 },
      (_, i) => `GVA,CDG,Padding Traveller ${i},2025-03-01,yes,economy`,
    );
    // Latin-1, as a spreadsheet saves "CSV" in some locales: the accent comes late.
    const csv = Buffer.concat([
      Buffer.from(`${H}\r\n${rows.join('\r\n')}\r\n`),
      Buffer.from('GVA,CDG,J\xfcrg M\xfcller,2025-03-02,yes,economy\r\n', 'latin1'),
    ]);
    const job = await runImport('principal', csv, intoL02());
    expect(job.state, job.error ?? '').toBe('failed');
    expect(job.error).toMatch(/not UTF-8/);
    expect(await fingerprint()).toEqual(before);
  });
});
