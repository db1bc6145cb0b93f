import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';

/** Set to run the suite against a PostgreSQL server instead of the embedded PGlite. */
export const serverUrl = process.env.TEST_DATABASE_URL;
/**
 * The server itself when `TEST_DATABASE_URL` goes through PgBouncer: databases are created and
 * dropped there, and the app's session work (LISTEN, migrations, queue) connects there.
 */
export const serverDirectUrl = process.env.TEST_DATABASE_DIRECT_URL;

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The connection URL, when the database lives on a server. */
  url?: string;
  /** The direct URL of the same database, when `url` goes through a pooling proxy. */
  directUrl?: string;
  dispose(): Promise<void>;
}

/** A new, empty database on the test server, dropped again by the returned function. */
export async function createServerDatabase(): Promise<{
  url: string;
  directUrl?: string;
  drop: () => Promise<void>;
}> {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `co2_test_${randomBytes(6).toString('hex')}`;
  const adminUrl = serverDirectUrl ?? serverUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const named = (base: string) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    url: named(serverUrl),
    directUrl: serverDirectUrl && named(serverDirectUrl),
    async drop() {
      // A background worker of the server (autovacuum after a large load) may still hold the
      // database for a moment, and its process is not ours to end: retry, then leave it.
      for (let attempt = 1; ; attempt += 1) {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`drop database if exists ${name} with (force)`);
          return;
        } catch (error) {
          if (attempt >= 20) {
            process.stderr.write(
              `test database ${name} left behind: ${(error as Error).message}\n`,
            );
            return;
          }
        } finally {
          await client.end();
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}

/**
 * An isolated database for one test file: an in-memory PGlite by default, or a database of
 * its own on the server named by TEST_DATABASE_URL. Migrated unless asked not to be.
 */
export async function createTestDatabase(
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (!serverUrl) {
    const handle = await openPglite();
    if (migrated) await migrate(handle);
    return { handle, dispose: () => handle.close() };
  }
  const { url, directUrl, drop } = await createServerDatabase();
  const handle = await openPostgres({ url, directUrl, poolSize: 4 });
  if (migrated) await migrate(handle);
  return {
    handle,
    url,
    directUrl,
    async dispose() {
      await handle.close();
      await drop();
    },
  };
}
