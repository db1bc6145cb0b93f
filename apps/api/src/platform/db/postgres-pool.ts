import pg from 'pg';
import type { PoolStats } from './database.js';

/** A `pg` pool as the API uses one, on the primary or on a read replica. */
export function openPool(url: string, max: number, applicationName: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Reported in pg_stat_activity, so operators can tell the API's pools from other clients.
    application_name: applicationName,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server connection emits here; without a listener the
  // process would crash. The pool discards the client and opens a new one when needed.
  pool.on('error', () => {});
  return pool;
}

export function poolStatsOf(pool: pg.Pool, max: number): PoolStats {
  return { max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
