import { Gauge, type Registry } from 'prom-client';
import type { PoolStats } from '../db/database.js';

/** The pools of a process, by the `pool` label they are reported under. */
export type DbPools = Partial<Record<'primary' | 'replica', () => PoolStats>>;

/**
 * Use of this process's database connection pools, read at scrape time: connections in use
 * and idle, the pool's size, and queries waiting for a connection, labelled `pool="primary"`
 * or `pool="replica"` (the read replica's, ADR 0008). Waiting queries are the sign of a pool
 * too small for the load (raise `DATABASE_POOL_SIZE`, or add replicas and PgBouncer capacity).
 * Only a server's pools are reported: PGlite is one in-process session.
 */
export function registerDbPoolMetrics(registry: Registry, pools: DbPools) {
  const each = (read: (pool: string, stats: PoolStats) => void) => {
    for (const [pool, stats] of Object.entries(pools)) if (stats) read(pool, stats());
  };
  new Gauge({
    name: 'co2_db_pool_connections',
    help: 'Connections of a database pool by state (used: lent to a query or transaction)',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      each((pool, { total, idle }) => {
        this.set({ pool, state: 'used' }, total - idle);
        this.set({ pool, state: 'idle' }, idle);
      });
    },
  });
  new Gauge({
    name: 'co2_db_pool_connections_max',
    help: 'Most connections a database pool opens (DATABASE_POOL_SIZE)',
    labelNames: ['pool'] as const,
    registers: [registry],
    collect() {
      each((pool, { max }) => this.set({ pool }, max));
    },
  });
  new Gauge({
    name: 'co2_db_pool_waiting_requests',
    help: 'Queries waiting for a free connection of a database pool',
    labelNames: ['pool'] as const,
    registers: [registry],
    collect() {
      each((pool, { waiting }) => this.set({ pool }, waiting));
    },
  });
}
