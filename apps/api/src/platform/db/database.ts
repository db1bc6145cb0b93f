import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ChangeFeed } from './change-feed.js';
import type * as schema from './schema.js';

/** The typed query builder, identical for PGlite and a PostgreSQL server. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * One open database, whichever engine serves it. Features only see `db`; the platform uses
 * the rest (readiness, migrations, shutdown).
 */
export interface DatabaseHandle {
  readonly kind: DatabaseKind;
  readonly db: Database;
  /** Tables changed by committed transactions of any process on this database. */
  readonly changes: ChangeFeed;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * Runs `fn` on one connection held for its whole duration, and exclusively among callers of
   * this method in this process: what a session holds (advisory locks) stays held.
   */
  withSession<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
