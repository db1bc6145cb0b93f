import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Mutex } from 'async-mutex';
import { drizzle } from 'drizzle-orm/pglite';
import { CHANGE_CHANNEL, ChangeListeners } from './change-feed.js';
import type { DatabaseHandle } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema.js';

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

  return {
    kind: 'pglite',
    db,
    changes: {
      live: true,
      subscribe: (listener) => listeners.subscribe(listener),
      announce: (tables) => tables.forEach((table) => listeners.emit(table)),
    },
    async ping() {
      await client.query('select 1');
    },
    withSession: (fn) => sessionMutex.runExclusive(() => fn(db)),
    async close() {
      await client.close();
      await releaseLock?.();
    },
  };
}
