import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DatabaseHandle } from './database.js';
import { queryRows } from './query-rows.js';

/** The committed SQL migrations, beside `src/` and `dist/` alike. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Any constant shared by every process of the product; it names the migration lock. */
const MIGRATION_LOCK_KEY = 4_242_002;

export interface MigrationResult {
  applied: number;
  total: number;
}

/**
 * Applies pending migrations. Replicas that start together queue on a session-level advisory
 * lock, so exactly one applies each migration and the others find nothing left to do.
 */
export async function migrate(handle: DatabaseHandle): Promise<MigrationResult> {
  return handle.withSession(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      const before = await countApplied(db);
      const config = { migrationsFolder: MIGRATIONS_FOLDER };
      if (handle.kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase, config);
      else await migratePostgres(db as unknown as NodePgDatabase, config);
      const after = await countApplied(db);
      return { applied: after - before, total: after };
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

async function countApplied(db: DatabaseHandle['db']): Promise<number> {
  // Two statements: a query naming the table would fail to plan before the first migration.
  const [table] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return 0;
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return Number(row?.count ?? 0);
}
