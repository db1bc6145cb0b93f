import { drizzle } from 'drizzle-orm/node-postgres';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { DatabaseHandle } from './database.js';
import { PostgresChangeFeed } from './postgres-change-feed.js';
import { openPool, poolStatsOf } from './postgres-pool.js';
import { openReadReplica } from './replica.js';
import * as schema from './schema.js';

export interface PostgresOptions {
  url: string;
  /**
   * The server itself, when `url` goes through a transaction-pooling proxy (PgBouncer): the
   * change feed's LISTEN, sessions (`withSession`: migrations' advisory lock) and the job
   * queue connect here, since a proxy hands each transaction to any server connection.
   */
  directUrl?: string;
  /** A read replica of the same database, for the reads that may lag (`readDb`, ADR 0008). */
  replicaUrl?: string;
  /** Of each pool: the primary's, and the replica's when there is one. */
  poolSize: number;
  /** Reported in pg_stat_activity, so operators can tell the API from other clients. */
  applicationName?: string;
}

/** A PostgreSQL server (directly or through PgBouncer) through a `pg` connection pool. */
export async function openPostgres(options: PostgresOptions): Promise<DatabaseHandle> {
  const applicationName = options.applicationName ?? 'co2-calculator';
  const pool = openPool(options.url, options.poolSize, applicationName);
  const db = drizzle({ client: pool, schema });
  const directUrl = options.directUrl ?? options.url;
  const changes = new PostgresChangeFeed(directUrl);
  await changes.start();
  const replica =
    options.replicaUrl === undefined
      ? undefined
      : openReadReplica({
          url: options.replicaUrl,
          poolSize: options.poolSize,
          applicationName: `${applicationName}-replica`,
          primary: pool,
          primaryChanges: changes,
        });

  return {
    kind: 'postgres',
    db,
    changes,
    readDb: replica?.db ?? db,
    readChanges: replica?.changes ?? changes,
    replica: replica && { ping: replica.ping, poolStats: replica.poolStats },
    async ping() {
      await pool.query('select 1');
    },
    poolStats: () => poolStatsOf(pool, options.poolSize),
    queueBackend: { connectionString: directUrl },
    async copyFrom(statement, source) {
      const client = await pool.connect();
      try {
        const stream = client.query(copyFromStdin(statement));
        await pipeline(Readable.from(source), stream);
        return Number(stream.rowCount ?? 0);
      } finally {
        client.release();
      }
    },
    async withSession(fn) {
      const client = new pg.Client({
        connectionString: directUrl,
        application_name: `${applicationName}-session`,
      });
      client.on('error', () => {});
      await client.connect();
      try {
        return await fn(drizzle({ client, schema }));
      } finally {
        await client.end().catch(() => {});
      }
    },
    async close() {
      await replica?.close();
      await changes.close();
      await pool.end();
    },
  };
}
