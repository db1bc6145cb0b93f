import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/features/demo/seed.js';
import { refreshYearAggregates } from '../src/features/reports/aggregates.js';
import { reportModules, reports } from '../src/features/reports/table.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The demo seed stores its sums module by module, as interactive edits do.
  await seedDemo(testDb.handle.db, testDb.handle.changes);
}, 120_000);

afterAll(async () => {
  await testDb?.dispose();
});

const snapshot = async () => ({
  modules: await testDb.handle.db
    .select()
    .from(reportModules)
    .orderBy(asc(reportModules.reportId), asc(reportModules.module)),
  reports: await testDb.handle.db.select().from(reports).orderBy(asc(reports.id)),
});

function expectClose(actual: unknown, expected: unknown, where: string) {
  if (typeof expected === 'number') {
    expect(actual, where).toBeCloseTo(expected, 6);
  } else if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    }
  } else {
    expect(actual, where).toEqual(expected);
  }
}

describe('refreshYearAggregates', () => {
  it('gives, over the whole year at once, the sums the per-module refresh stored', async () => {
    const before = await snapshot();
    await testDb.handle.db.update(reportModules).set({ totalKg: -1, stats: null });
    await testDb.handle.db
      .update(reports)
      .set({ totalKg: -1, validatedKg: -1, stats: null, fte: null });
    for (const year of [2024, 2025]) await refreshYearAggregates(testDb.handle.db, year);
    const after = await snapshot();
    expect(after.modules.length).toBe(before.modules.length);
    before.modules.forEach((row, i) => {
      const again = after.modules[i]!;
      expect(again.module).toBe(row.module);
      expect(again.totalKg).toBeCloseTo(row.totalKg, 6);
      // Modules without rows keep no statistics in either way of refreshing; both read as empty.
      if (row.stats && row.stats.entries > 0) expectClose(again.stats, row.stats, `${row.module}`);
    });
    before.reports.forEach((row, i) => {
      const again = after.reports[i]!;
      expect(again.totalKg).toBeCloseTo(row.totalKg, 6);
      expect(again.validatedKg).toBeCloseTo(row.validatedKg, 6);
      expect(again.validatedModules).toBe(row.validatedModules);
      expect(again.fte).toBeCloseTo(row.fte!, 6);
      expectClose(again.stats, row.stats, 'report');
    });
  });
});
