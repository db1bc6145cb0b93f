import { classificationKey } from '@co2-calculator/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataEntries, emissions } from '../src/features/entries/table.js';
import { factors } from '../src/features/factors/table.js';
import { reports } from '../src/features/reports/table.js';
import { years } from '../src/features/years/table.js';
import { createUser } from './support/identities.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

/** The footprint tables keep their invariants whoever writes to them. */
let testDb: TestDatabase;
let labId: string;
const db = () => testDb.handle.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const ids = await insertUnits(db(), [
    { code: 'ROOT', level: 1 },
    { code: 'LAB', level: 4, parent: 'ROOT' },
  ]);
  labId = ids.get('LAB')!;
  await db().insert(years).values({ year: 2025, open: true });
});

afterAll(async () => {
  await testDb?.dispose();
});

describe('footprint tables', () => {
  it('hold one official report per unit and year, and any number of owned simulations', async () => {
    await db().insert(reports).values({ unitId: labId, year: 2025 });
    await expect(db().insert(reports).values({ unitId: labId, year: 2025 })).rejects.toThrow();
    const author = await createUser(db(), 'author@test.example');
    await db()
      .insert(reports)
      .values({ unitId: labId, year: 2025, kind: 'simulation', ownerId: author.id });
    await db()
      .insert(reports)
      .values({ unitId: labId, year: 2025, kind: 'simulation', ownerId: author.id });
    await expect(
      db().insert(reports).values({ unitId: labId, year: 2025, kind: 'simulation' }),
    ).rejects.toThrow();
    await expect(
      db().insert(reports).values({ unitId: labId, year: 2025, ownerId: author.id }),
    ).rejects.toThrow();
  });

  it('upsert factors on their identity, whatever the key order of the classification', async () => {
    const factor = (classification: Record<string, string>, value: number) => ({
      factorSet: 'plane',
      year: 2025,
      emissionType: 'travel.plane',
      classification,
      classificationKey: classificationKey(classification),
      values: { kgCo2eqPerKm: value },
      unit: 'kg CO2-eq / passenger-km',
      source: 'illustrative',
    });
    await db()
      .insert(factors)
      .values(factor({ haul: 'long', class: 'economy' }, 0.08));
    await db()
      .insert(factors)
      .values(factor({ class: 'economy', haul: 'long' }, 0.09))
      .onConflictDoUpdate({
        target: [factors.factorSet, factors.year, factors.emissionType, factors.classificationKey],
        set: { values: sql`excluded.values` },
      });
    const rows = await db().select().from(factors);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values).toEqual({ kgCo2eqPerKm: 0.09 });
    // An intermediate factor (no emission type) has an identity too.
    const intermediate = { ...factor({ class: 'x' }, 1), emissionType: null };
    await db().insert(factors).values(intermediate);
    await expect(db().insert(factors).values(intermediate)).rejects.toThrow();
  });

  it('count a person once in a unit’s headcount', async () => {
    const [report] = await db()
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.kind, 'official'));
    const member = (personId: string) => ({
      reportId: report!.id,
      unitId: labId,
      year: 2025,
      module: 'headcount',
      subModule: 'members',
      entryType: 'headcount-member',
      fields: { name: 'Ada', personId, fte: 0.5 },
    });
    await db().insert(dataEntries).values(member('P-1'));
    await expect(db().insert(dataEntries).values(member('P-1'))).rejects.toThrow();
    await db().insert(dataEntries).values(member('P-2'));
    // The rule is the headcount's: travel rows may repeat a person.
    await db()
      .insert(dataEntries)
      .values({ ...member('P-1'), module: 'professional-travel', subModule: 'plane' });
    await db().delete(dataEntries);
  });

  it('drop a row’s emissions with the row, and refuse a scope outside 1–3', async () => {
    const [report] = await db()
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.kind, 'official'));
    const [entry] = await db()
      .insert(dataEntries)
      .values({
        reportId: report!.id,
        unitId: labId,
        year: 2025,
        module: 'professional-travel',
        subModule: 'plane',
        entryType: 'plane-trip',
        fields: { origin: 'GVA', destination: 'JFK' },
      })
      .returning({ id: dataEntries.id });
    const line = {
      entryId: entry!.id,
      reportId: report!.id,
      module: 'professional-travel',
      emissionType: 'travel.plane',
      category: 'business-travel',
      kgCo2eq: 1881.26,
    };
    await db()
      .insert(emissions)
      .values({ ...line, scope: 3 });
    await expect(
      db()
        .insert(emissions)
        .values({ ...line, scope: 4 }),
    ).rejects.toThrow();
    await db().delete(dataEntries).where(eq(dataEntries.id, entry!.id));
    expect(await db().select().from(emissions)).toEqual([]);
  });
});
