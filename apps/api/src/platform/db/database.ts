import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ChangeFeed } from './change-feed.js';
import type * as schema from './schema.js';

/** The typed query builder, identical for PGlite and a PostgreSQL server. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = 'pglite' | 'postgres';

/** Runs one SQL text (several statements when it has no parameters), as the job queue needs. */
export type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * How the job queue reaches the database: a server through a pool of its own (its polling
 * never waits behind the API's queries), or the one in-process PGlite session.
 */
export type QueueBackend = { connectionString: string } | { executeSql: SqlExecutor };

/** What a connection pool reports about itself: its size and how its connections are used. */
export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

/** A read replica's own readiness and pool use. */
export interface ReplicaHandle {
  ping(): Promise<void>;
  poolStats(): PoolStats;
}

/**
 * One open database, whichever engine serves it. Features only see `db` and `readDb`; the
 * platform uses the rest (readiness, migrations, shutdown).
 */
export interface DatabaseHandle {
  readonly kind: DatabaseKind;
  /** The primary: every write, and every read that must see the latest commits. */
  readonly db: Database;
  /** Tables changed by committed transactions of any process on this database. */
  readonly changes: ChangeFeed;
  /**
   * For reads that may lag the latest commits by the replication delay (ADR 0008 says which):
   * the read replica when one is configured (`DATABASE_REPLICA_URL`), else `db` itself.
   */
  readonly readDb: Database;
  /**
   * `changes` as `readDb` sees them, which is what a cache filled from `readDb` must follow:
   * with a replica, each change once the replica has replayed it; else `changes` itself.
   */
  readonly readChanges: ChangeFeed;
  /** The read replica, when there is one. */
  readonly replica?: ReplicaHandle;
  readonly queueBackend: QueueBackend;
  /**
   * How many rows one statement of a bulk operation (an import's merge) should take at most,
   * or undefined for the whole set at once. PGlite runs every statement on this process's
   * thread, so a statement over a million rows would hold the event loop for minutes; there,
   * bulk work goes a slice at a time and lets the event loop run between slices.
   */
  readonly bulkSliceRows?: number;
  /**
   * Bulk-loads text-format rows (`COPY … FROM STDIN`, one line per row) streamed from
   * `source` in chunks that each end at a row boundary, outside any transaction; resolves with
   * the number of rows. The fastest way in.
   */
  copyFrom(statement: string, source: AsyncIterable<string>): Promise<number>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Use of the connection pool (a server's; PGlite is one session and has none). */
  poolStats?(): PoolStats;
  /**
   * Runs `fn` on one connection held for its whole duration, and exclusively among callers of
   * this method in this process: what a session holds (advisory locks) stays held.
   */
  withSession<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
