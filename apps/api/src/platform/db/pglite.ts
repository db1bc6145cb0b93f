import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Mutex } from 'async-mutex';
import { drizzle } from 'drizzle-orm/pglite';
import { CHANGE_CHANNEL, type ChangeFeed, ChangeListeners } from './change-feed.js';
import type { DatabaseHandle } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema.js';

/**
 * How much COPY input is handed to PGlite at once, and how many rows a bulk statement takes
 * (`bulkSliceRows`): each runs on this process's thread, so both are sized to hold the event
 * loop for a few tens of milliseconds at most.
 */
const COPY_SLICE_BYTES = 64 * 1024;
const BULK_SLICE_ROWS = 250;

/** Extensions the migrations create; PGlite can only create those it was given here. */
const extensions = { pg_trgm, unaccent };

/**
 * PostgreSQL compiled to WebAssembly, in this process. With a directory the data persists
 * there (and the directory is locked against a second process); without one it lives in
 * memory, which is what the tests use.
 */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  let releaseLock: (() => Promise<void>) | undefined;
  let client: PGlite;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    releaseLock = await lockDataDir(dataDir);
    try {
      client = await PGlite.create(path.join(dataDir, 'pgdata'), { extensions });
    } catch (error) {
      await releaseLock();
      throw error;
    }
  } else {
    client = await PGlite.create({ extensions });
  }
  const db = drizzle({ client, schema });
  // PGlite is a single session: an advisory lock taken by one caller would be re-entrant for
  // every other caller, so exclusivity between callers is enforced here instead.
  const sessionMutex = new Mutex();
  // One process owns a PGlite database, so its notifications never miss: always live.
  const listeners = new ChangeListeners();
  await client.listen(CHANGE_CHANNEL, (table) => listeners.emit(table));

  const changes: ChangeFeed = {
    live: true,
    subscribe: (listener) => listeners.subscribe(listener),
    announce: (tables) => tables.forEach((table) => listeners.emit(table)),
  };

  return {
    kind: 'pglite',
    bulkSliceRows: BULK_SLICE_ROWS,
    db,
    changes,
    // One process owns the database: there is no replica to read from.
    readDb: db,
    readChanges: changes,
    async ping() {
      await client.query('select 1');
    },
    withSession: (fn) => sessionMutex.runExclusive(() => fn(db)),
    async copyFrom(statement, source) {
      // PGlite reads COPY input from a Blob: the stream is loaded in slices of a few MB so
      // memory stays bounded whatever the size of the load.
      const into = statement.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
      let rows = 0;
      let slice: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (slice.length === 0) return;
        const result = await client.query(into, [], { blob: new Blob(slice) });
        rows += result.affectedRows ?? 0;
        slice = [];
        bytes = 0;
      };
      for await (const chunk of source) {
        slice.push(chunk);
        bytes += chunk.length;
        if (bytes >= COPY_SLICE_BYTES) await flush();
      }
      await flush();
      return rows;
    },
    queueBackend: {
      // The extended protocol takes one statement; the queue's schema scripts are several.
      async executeSql(text, values) {
        if (values?.length) return client.query(text, values);
        const results = await client.exec(text);
        return results.at(-1) ?? { rows: [] };
      },
    },
    async close() {
      await client.close();
      await releaseLock?.();
    },
  };
}
