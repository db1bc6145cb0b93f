/**
 * bench:ingest — a 1,000,000-row CSV of plane trips imported through the real API path
 * (signed upload, `POST /imports`, the job to completion) by the real server in its own
 * process, next to a plain `COPY` of the same file into a plain table of the same columns in
 * the same run. Prints rows/s of both and the ratio (target ≥ 0.5), the event-loop delay p99
 * of the server process during the import (target < 50 ms) and its peak RSS (target < 600 MB);
 * then, to show what bounds the ratio, the floor of the import's own writes.
 *
 *   BENCH_DATABASE_URL=postgres://co2:…@127.0.0.1:5432/postgres npm run bench:ingest
 *       a PostgreSQL server: a fresh database is created on it, and dropped at the end
 *   npm run bench:ingest                   embedded PGlite under a temporary DATA_DIR
 *   BENCH_ROWS=1000000                     the default
 *   BENCH_PROFILE=/tmp/profile             writes a CPU profile of the server process there
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoUnits } from '../../apps/api/src/features/demo/institution.js';
import { DEMO_PASSWORD } from '../../apps/api/src/features/demo/seed.js';
import { startProcess, stop, urlPrintedBy } from '../support/processes.js';
import { ApiClient, type JobView } from './api-client.js';
import { writePlaneTripsCsv } from './generate-csv.js';
import { prepareDatabase } from './prepare-database.js';
import { rawCopyOnPglite, rawCopyOnServer } from './raw-copy.js';
import { eventLoopDelay, peakRssBytes } from './server-probes.js';
import { measureWriteFloors } from './write-floor.js';

const YEAR = 2025;
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const serverUrl = process.env.BENCH_DATABASE_URL;
const profileDir = process.env.BENCH_PROFILE;
const TARGETS = { ratio: 0.5, eventLoopP99Ms: 50, peakRssMb: 600 };

const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-bench-ingest-'));
const file = path.join(dataDir, 'plane-trips.csv');
const since = (start: number) => (performance.now() - start) / 1000;
const perSecond = (count: number, seconds: number) =>
  Math.round(count / seconds)
    .toLocaleString('en')
    .padStart(9);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const database = await prepareDatabase(serverUrl, dataDir);
let server: ReturnType<typeof startProcess> | undefined;
try {
  const labs = demoUnits()
    .filter((unit) => unit.level === 4)
    .map((unit) => unit.code);
  const bytes = await writePlaneTripsCsv(file, rows, YEAR, labs);

  // The limit, in the same run, on the same engine, before the server starts (a PGlite
  // directory is one process's at a time).
  let floor: { rows: number; seconds: number };
  if (database.url) {
    floor = await rawCopyOnServer(database.url, file);
  } else {
    const handle = await database.open();
    try {
      floor = await rawCopyOnPglite(handle, file);
    } finally {
      await handle.close();
    }
  }
  if (floor.rows !== rows) throw new Error(`the plain COPY loaded ${floor.rows} of ${rows} rows`);

  server = startProcess(
    'apps/api/src/cli.ts',
    ['serve'],
    {
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'off',
      UPLOAD_MAX_BYTES: String(Math.max(bytes * 2, 104_857_600)),
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    },
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const baseUrl = await urlPrintedBy(server, 'running at');
  const api = new ApiClient(baseUrl);
  await api.signIn('admin@demo.example', DEMO_PASSWORD);

  await eventLoopDelay(baseUrl); // opens the window: the next scrape covers the import only
  const started = performance.now();
  const uploadKey = await api.upload(file, bytes, 'plane-trips.csv');
  const uploadSeconds = since(started);
  const { jobId, pipelineId } = await api.startImport({
    target: 'module-data-all',
    year: YEAR,
    subModule: 'plane',
    uploadKey,
  });
  // When each phase was first seen (to the poll interval): where the time goes.
  const phases = new Map<string, number>();
  const job = await api.waitForJob(jobId, (polled) => {
    const phase = polled.state === 'running' ? (polled.phase ?? 'running') : polled.state;
    if (!phases.has(phase)) phases.set(phase, since(started));
  });
  const importSeconds = since(started);
  const duringImport = await eventLoopDelay(baseUrl);
  if (job.state === 'failed') throw new Error(`the import failed: ${job.error}`);
  const jobs = await api.waitForPipeline(pipelineId);
  const pipelineSeconds = since(started);
  const peakRss = await peakRssBytes(server.pid!);
  await stop(server);

  const handle = await database.open();
  const writes = await measureWriteFloors(handle, jobId).finally(() => handle.close());

  const engine = database.url ? 'PostgreSQL server' : 'embedded PGlite';
  console.log(
    `\n${rows.toLocaleString('en')} plane trips (${mb(bytes)} MB of CSV, ${job.counts.skipped ?? 0} rejected), ${engine}\n`,
  );
  console.log(
    `  plain COPY into a plain table   ${perSecond(floor.rows, floor.seconds)} rows/s   ${floor.seconds.toFixed(1)} s`,
  );
  console.log(
    `  import through the API          ${perSecond(rows, importSeconds)} rows/s   ${importSeconds.toFixed(1)} s` +
      `  (upload ${uploadSeconds.toFixed(1)} s, job ${durationOf(job).toFixed(1)} s; ${job.counts.inserted} rows inserted)`,
  );
  console.log(
    `    phases first seen at ${[...phases].map(([phase, at]) => `${phase} ${at.toFixed(1)} s`).join(', ')}`,
  );
  console.log(
    `    then the aggregation ${(pipelineSeconds - importSeconds).toFixed(1)} s (${jobs.map((j) => `${j.kind} ${j.state}`).join(', ')})`,
  );
  console.log(
    `\n  ratio (import ÷ plain COPY, rows/s): ${(floor.seconds / importSeconds).toFixed(2)}   (target ≥ ${TARGETS.ratio})`,
  );
  console.log(
    `  event-loop delay of the server during the import: p99 ${duringImport.p99Ms.toFixed(1)} ms, max ${duringImport.maxMs.toFixed(0)} ms   (target p99 < ${TARGETS.eventLoopP99Ms} ms)`,
  );
  console.log(
    `  peak RSS of the server process: ${mb(peakRss)} MB   (target < ${TARGETS.peakRssMb} MB${database.url ? '' : '; PGlite’s memory included'})`,
  );
  const printFloor = (label: string, seconds: number, detail: string) =>
    console.log(
      `  ${label.padEnd(34)}${perSecond(writes.rows, seconds)} rows/s   ${seconds.toFixed(1).padStart(4)} s` +
        `  ratio ${(floor.seconds / seconds).toFixed(2)} at best (${detail})`,
    );
  const { indexed, bulk } = writes;
  console.log(
    `\n  what bounds the ratio: the import's ${writes.rows.toLocaleString('en')} entries and their emissions written again,\n` +
      `  by one INSERT … SELECT per table, into new tables made like data_entries and emissions:`,
  );
  printFloor(
    'with every index and key',
    indexed.total,
    `entries ${indexed.entries.toFixed(1)} s, emissions ${indexed.emissions.toFixed(1)} s`,
  );
  printFloor(
    'bare, then indexes and keys built',
    bulk.total,
    `rows ${(bulk.entries + bulk.emissions).toFixed(1)} s, then ${bulk.indexesAndKeys.toFixed(1)} s`,
  );
  printFloor(
    'the rows alone, no index, no key',
    bulk.entries + bulk.emissions,
    `entries ${bulk.entries.toFixed(1)} s, emissions ${bulk.emissions.toFixed(1)} s; for any import that stores them`,
  );
} finally {
  if (server) await stop(server);
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

function durationOf(job: JobView): number {
  if (!job.startedAt || !job.finishedAt) return Number.NaN;
  return (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000;
}
