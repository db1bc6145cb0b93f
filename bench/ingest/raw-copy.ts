import { createReadStream, openAsBlob } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../apps/api/src/platform/db/database.js';

/**
 * The floor of the import: the same file loaded by one plain `COPY … (FORMAT csv)` into a
 * plain (logged, unindexed) table of the same columns, typed as the CSV format types them, so
 * the engine parses and converts every cell too. Resolves with the rows and seconds it took.
 */
const CREATE = `create table bench_raw_plane_trips (
  unit_code text, origin text, destination text, traveller text, date date,
  trips integer, round_trip boolean, class text)`;
const COPY = 'copy bench_raw_plane_trips from %s (format csv, header true)';

/** On a server: the file's bytes streamed as they are to `COPY … FROM STDIN`. */
export async function rawCopyOnServer(url: string, file: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(CREATE);
    const started = performance.now();
    const stream = client.query(copyFromStdin(COPY.replace('%s', 'stdin')));
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), stream);
    const seconds = (performance.now() - started) / 1000;
    await client.query('drop table bench_raw_plane_trips');
    return { rows: Number(stream.rowCount), seconds };
  } finally {
    await client.end();
  }
}

/** On PGlite: the file handed to its `COPY` as one Blob (backed by the file, not read first). */
export async function rawCopyOnPglite(handle: DatabaseHandle, file: string) {
  // The PGlite session behind Drizzle: only it takes a Blob as COPY input.
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  await client.query(CREATE);
  const blob = await openAsBlob(file);
  const started = performance.now();
  const result = await client.query(COPY.replace('%s', `'/dev/blob'`), [], { blob });
  const seconds = (performance.now() - started) / 1000;
  await client.query('drop table bench_raw_plane_trips');
  return { rows: Number(result.affectedRows ?? 0), seconds };
}
