import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { ChangeFeed } from './change-feed.js';
import type { Database, PoolStats } from './database.js';
import { openPool, poolStatsOf } from './postgres-pool.js';
import { ReplicaChangeFeed } from './replica-change-feed.js';
import * as schema from './schema.js';

export interface ReadReplica {
  db: Database;
  /** The primary's changes, each passed on once the replica has replayed it. */
  changes: ChangeFeed;
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export interface ReadReplicaOptions {
  url: string;
  poolSize: number;
  applicationName: string;
  /** The primary's pool, where the WAL position the replica must reach is read. */
  primary: pg.Pool;
  primaryChanges: ChangeFeed;
}

/**
 * A hot standby of the primary (PostgreSQL streaming replication), or anything that serves the
 * same data read-only, through a pool of its own (ADR 0008).
 */
export function openReadReplica(options: ReadReplicaOptions): ReadReplica {
  const pool = openPool(options.url, options.poolSize, options.applicationName);
  const changes = new ReplicaChangeFeed(options.primaryChanges, {
    async primary() {
      const { rows } = await options.primary.query<{ lsn: string }>(
        'select pg_current_wal_lsn()::text as lsn',
      );
      return rows[0]!.lsn;
    },
    async replayed(lsn) {
      // A server that is not in recovery (the primary itself, say) shows every commit.
      const { rows } = await pool.query<{ replayed: boolean }>(
        'select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, not pg_is_in_recovery()) as replayed',
        [lsn],
      );
      return rows[0]!.replayed;
    },
  });
  return {
    db: drizzle({ client: pool, schema }),
    changes,
    async ping() {
      await pool.query('select 1');
    },
    poolStats: () => poolStatsOf(pool, options.poolSize),
    async close() {
      changes.close();
      await pool.end();
    },
  };
}
