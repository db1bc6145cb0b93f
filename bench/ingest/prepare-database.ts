import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { seedDemo } from '../../apps/api/src/features/demo/seed.js';
import type { DatabaseHandle } from '../../apps/api/src/platform/db/database.js';
import { migrate } from '../../apps/api/src/platform/db/migrate.js';
import { openPglite } from '../../apps/api/src/platform/db/pglite.js';
import { openPostgres } from '../../apps/api/src/platform/db/postgres.js';

export interface BenchDatabase {
  /** `DATABASE_URL` of the server process; undefined on PGlite (it lives under `DATA_DIR`). */
  url: string | undefined;
  /** Opens the database from the bench process (never while the server holds a PGlite). */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

/**
 * A fresh database, migrated, with the demo institution (units, accounts, airports, factors):
 * on the server named by `serverUrl` a new database of its own (dropped again by `drop`), or
 * else a PGlite under `dataDir/db`, where `serve` finds it.
 */
export async function prepareDatabase(
  serverUrl: string | undefined,
  dataDir: string,
): Promise<BenchDatabase> {
  let database: BenchDatabase;
  if (serverUrl) {
    const name = `co2_bench_ingest_${randomBytes(4).toString('hex')}`;
    await onServer(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = {
      url: url.toString(),
      open: () => openPostgres({ url: url.toString(), poolSize: 2 }),
      drop: () => dropWithRetries(serverUrl, name),
    };
  } else {
    const dir = path.join(dataDir, 'db');
    database = { url: undefined, open: () => openPglite(dir), drop: async () => {} };
  }
  const handle = await database.open();
  try {
    await migrate(handle);
    await seedDemo(handle.db, handle.changes);
  } finally {
    await handle.close();
  }
  return database;
}

/**
 * Drops the bench's database. An autovacuum worker of the server, busy with the million rows
 * just loaded, may hold it for a while, and its process is not ours to end: retry for up to
 * two minutes, then leave it (and say so).
 */
async function dropWithRetries(serverUrl: string, name: string) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if (attempt >= 240) {
        process.stderr.write(`bench database ${name} left behind: ${(error as Error).message}\n`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function onServer(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
