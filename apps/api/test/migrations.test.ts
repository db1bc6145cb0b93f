import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../src/platform/db/postgres.js';
import { migrate, MIGRATIONS_FOLDER } from '../src/platform/db/migrate.js';
import { queryRows } from '../src/platform/db/query-rows.js';
import { createTestDatabase } from './support/test-database.js';

const journal = JSON.parse(
  readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
) as { entries: unknown[] };
const migrationCount = journal.entries.length;

describe('migrate', () => {
  it('builds the schema on an empty database, then finds nothing left to do', async () => {
    const testDb = await createTestDatabase({ migrated: false });
    try {
      expect(await migrate(testDb.handle)).toEqual({
        applied: migrationCount,
        total: migrationCount,
      });
      const tables = await queryRows<{ name: string }>(
        testDb.handle.db,
        sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
      );
      expect(tables.map((table) => table.name)).toContain('units');
      const extensions = await queryRows<{ name: string }>(
        testDb.handle.db,
        sql`select extname as name from pg_extension`,
      );
      expect(extensions.map((extension) => extension.name)).toEqual(
        expect.arrayContaining(['pg_trgm', 'unaccent']),
      );
      expect(await migrate(testDb.handle)).toEqual({ applied: 0, total: migrationCount });
    } finally {
      await testDb.dispose();
    }
  });

  it('applies each migration exactly once when several runs start together', async () => {
    const testDb = await createTestDatabase({ migrated: false });
    // On a server, separate pools are separate sessions, as separate replicas would be.
    const handles = testDb.url
      ? await Promise.all(
          [1, 2, 3].map(() =>
            openPostgres({ url: testDb.url!, directUrl: testDb.directUrl, poolSize: 2 }),
          ),
        )
      : [testDb.handle, testDb.handle, testDb.handle];
    try {
      const results = await Promise.all(handles.map((handle) => migrate(handle)));
      expect(results.map((result) => result.applied).sort()).toEqual([0, 0, migrationCount]);
      const [row] = await queryRows<{ count: number }>(
        testDb.handle.db,
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      expect(row?.count).toBe(migrationCount);
    } finally {
      if (testDb.url) await Promise.all(handles.map((handle) => handle.close()));
      await testDb.dispose();
    }
  });
});
