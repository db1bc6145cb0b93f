import { drizzle } from 'drizzle-orm/node-postgres';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { DatabaseHandle } from './database.js';
import { PostgresChangeFeed } from './postgres-change-feed.js';
import * as schema from './schema.js';

export interface PostgresOptions {
  url: string;
  /**
   * The server itself, when `url` goes through a transaction-pooling proxy (PgBouncer): the
   * change feed's LISTEN, sessions (`withSession`: migrations' advisory lock) and the job
   * queue connect here, since a proxy hands each transaction to any server connection.
   */
  directUrl?: string;
  poolSize: number;
  /** Reported in pg_stat_activity, so operators can tell the API from other clients. */
  applicationName?: string;
}

/** A PostgreSQL server (directly or through PgBouncer) through a `pg` connection pool. */
export async function openPostgres(options: PostgresOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    application_name: options.applicationName ?? 'co2-calculator',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server connection emits here; without a listener the
  // process would crash. The pool discards the client and opens a new one when needed.
  pool.on('error', () => {});
  const db = drizzle({ client: pool, schema });
  const directUrl = options.directUrl ?? options.url;
  const changes = new PostgresChangeFeed(directUrl);
  await changes.start();

  return {
    kind: 'postgres',
    db,
    changes,
    async ping() {
      await pool.query('select 1');
    },
    poolStats: () => ({
      max: options.poolSize,
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
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
        application_name: `${options.applicationName ?? 'co2-calculator'}-session`,
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
      await changes.close();
      await pool.end();
    },
  };
}
