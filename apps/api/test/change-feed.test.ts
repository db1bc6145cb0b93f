import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../src/platform/db/schema.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, serverUrl, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';
import { signedInAdmin } from './support/identities.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let headers: { authorization: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await insertUnits(testDb.handle.db, [{ code: 'ROOT', level: 1 }]);
  app = await buildTestApp(testDb.handle);
  ({ headers } = await signedInAdmin(app, testDb.handle.db));
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const listCodes = async (query = '') =>
  (await app.inject({ url: `/api/v1/units${query}`, headers }))
    .json()
    .items.map((unit: { code: string }) => unit.code);

describe('change feed', () => {
  it('announces each committed change to a table', async () => {
    const seen: string[] = [];
    const unsubscribe = testDb.handle.changes.subscribe((table) => seen.push(table));
    try {
      await insertUnits(testDb.handle.db, [{ code: 'FEED-1', level: 1 }]);
      await expect.poll(() => seen).toContain('units');
    } finally {
      unsubscribe();
    }
  });

  it('announces nothing for a rolled-back transaction', async () => {
    const seen: string[] = [];
    const unsubscribe = testDb.handle.changes.subscribe((table) => seen.push(table));
    try {
      await testDb.handle.db
        .transaction(async (tx) => {
          await tx
            .insert(units)
            .values({ code: 'GHOST', nameEn: 'g', nameFr: 'g', level: 1, type: 'organisation' });
          tx.rollback();
        })
        .catch(() => {});
      // A committed change afterwards proves the feed delivered everything up to now.
      await insertUnits(testDb.handle.db, [{ code: 'FEED-2', level: 1 }]);
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      expect(seen.every((table) => table === 'units')).toBe(true);
      expect(seen).toHaveLength(1);
    } finally {
      unsubscribe();
    }
  });
});

describe('cached unit lists', () => {
  it('serve a change made directly in the database, by any process', async () => {
    expect(await listCodes('?q=cached')).toEqual([]);
    expect(await listCodes('?q=cached')).toEqual([]); // now served from the cache
    await insertUnits(testDb.handle.db, [{ code: 'CACHED-1', level: 1 }]);
    await expect.poll(() => listCodes('?q=cached')).toEqual(['CACHED-1']);

    await testDb.handle.db
      .update(units)
      .set({ nameEn: 'Renamed' })
      .where(eq(units.code, 'CACHED-1'));
    await expect
      .poll(
        async () =>
          (await app.inject({ url: '/api/v1/units?q=cached', headers })).json().items[0].nameEn,
      )
      .toBe('Renamed');

    await testDb.handle.db.delete(units).where(eq(units.code, 'CACHED-1'));
    await expect.poll(() => listCodes('?q=cached')).toEqual([]);
  });

  it('keep pages of different queries apart', async () => {
    await insertUnits(testDb.handle.db, [
      { code: 'KEY-A', level: 1 },
      { code: 'KEY-B', level: 1 },
    ]);
    await expect.poll(() => listCodes('?q=key-&sort=code')).toEqual(['KEY-A', 'KEY-B']);
    expect(await listCodes('?q=key-&sort=-code')).toEqual(['KEY-B', 'KEY-A']);
    expect(await listCodes('?q=key-&pageSize=1')).toEqual(['KEY-A']);
  });
});

if (serverUrl) {
  describe('losing the notification connection (PostgreSQL server)', () => {
    it('stops serving from memory while down, reconnects by itself and catches up', async () => {
      const db = testDb.handle.db;
      const feed = testDb.handle.changes;
      const states: boolean[] = [];
      const unsubscribe = feed.subscribe(() => states.push(feed.live));
      expect(await listCodes('?q=outage')).toEqual([]); // cached, and the pool is warm
      try {
        // Keep the listener out: new connections to this database are refused for now.
        await db.execute(
          sql.raw(`alter database ${new URL(testDb.url!).pathname.slice(1)} connection limit 0`),
        );
        await db.execute(sql`
          select pg_terminate_backend(pid) from pg_stat_activity
           where application_name = 'co2-calculator-changes' and datname = current_database()`);
        await expect.poll(() => feed.live).toBe(false);

        // Nobody hears this change, yet the list shows it: the cache is bypassed.
        expect(await listCodes('?q=outage')).toEqual([]);
        await insertUnits(db, [{ code: 'OUTAGE-1', level: 1 }]);
        expect(await listCodes('?q=outage')).toEqual(['OUTAGE-1']);
      } finally {
        await db.execute(
          sql.raw(`alter database ${new URL(testDb.url!).pathname.slice(1)} connection limit -1`),
        );
      }
      await expect.poll(() => feed.live, { timeout: 20_000 }).toBe(true);
      unsubscribe();
      expect(states.at(-1)).toBe(true);
      expect(states).toContain(false);

      await insertUnits(db, [{ code: 'OUTAGE-2', level: 1 }]);
      await expect.poll(() => listCodes('?q=outage')).toEqual(['OUTAGE-1', 'OUTAGE-2']);
    });
  });
}
