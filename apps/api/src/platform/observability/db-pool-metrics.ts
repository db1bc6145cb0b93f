import { Gauge, type Registry } from 'prom-client';
import type { PoolStats } from '../db/database.js';

/**
 * Use of this process's database connection pool, read at scrape time: connections in use
 * and idle, the pool's size, and queries waiting for a connection. Waiting queries are the
 * sign of a pool too small for the load (raise `DATABASE_POOL_SIZE`, or add replicas and
 * PgBouncer capacity). Only a server's pool is reported: PGlite is one in-process session.
 */
export function registerDbPoolMetrics(registry: Registry, stats: () => PoolStats) {
  new Gauge({
    name: 'co2_db_pool_connections',
    help: 'Connections of the database pool by state (used: lent to a query or transaction)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const { total, idle } = stats();
      this.set({ state: 'used' }, total - idle);
      this.set({ state: 'idle' }, idle);
    },
  });
  new Gauge({
    name: 'co2_db_pool_connections_max',
    help: 'Most connections the database pool opens (DATABASE_POOL_SIZE)',
    registers: [registry],
    collect() {
      this.set(stats().max);
    },
  });
  new Gauge({
    name: 'co2_db_pool_waiting_requests',
    help: 'Queries waiting for a free connection of the database pool',
    registers: [registry],
    collect() {
      this.set(stats().waiting);
    },
  });
}
