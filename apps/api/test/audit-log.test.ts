import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash, recordAudit } from '../src/platform/audit/record.js';
import type { Database } from '../src/platform/db/database.js';
import { verifyAuditChain } from '../src/platform/audit/verify.js';
import { auditRowsAfter } from './support/audit.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;
const db = () => testDb.handle.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb?.dispose();
});

/** Runs a statement with the append-only triggers off, as someone with table rights could. */
async function tamper(database: Database, statement: SQL) {
  await database.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

/** Five rows in a database of their own, for tests that break the chain on purpose. */
async function withFreshChain(test: (database: Database) => Promise<void>) {
  const fresh = await createTestDatabase();
  try {
    for (let i = 0; i < 5; i += 1) {
      await recordAudit(fresh.handle.db, { action: 'e', outcome: 'success', details: { i } });
    }
    expect((await verifyAuditChain(fresh.handle.db)).ok).toBe(true);
    await test(fresh.handle.db);
  } finally {
    await fresh.dispose();
  }
}

describe('audit log', () => {
  it('chains every row to the one before, in a single line even under concurrency', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit(db(), {
          action: 'test.event',
          outcome: 'success',
          actorLabel: `writer ${i}`,
          before: { n: i, nested: { b: 2, a: 1 } },
          after: { n: i + 1, note: 'é ✓' },
          details: { list: [3, 2, 1] },
        }),
      ),
    );
    const rows = await auditRowsAfter(db());
    expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 20 });
  });

  it('refuses updates, deletes and truncation', async () => {
    await expect(
      db().execute(sql`update audit_log set action = 'x' where id = 1`),
    ).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_log where id = 1`)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('commits and rolls back with the change it records', async () => {
    const before = (await auditRowsAfter(db())).length;
    await db()
      .transaction(async (tx) => {
        await recordAudit(tx, { action: 'test.rolled_back', outcome: 'success' });
        throw new Error('the change failed');
      })
      .catch(() => {});
    expect(await auditRowsAfter(db())).toHaveLength(before);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('shows a rewritten row', async () => {
    await tamper(db(), sql`update audit_log set after = '{"n": 999}' where id = 7`);
    expect(await verifyAuditChain(db())).toEqual({
      ok: false,
      checked: 6,
      firstBrokenId: 7,
      reason: 'hash-mismatch',
    });
  });

  it('shows a rewritten row even when its hash was recomputed, at the next row', async () => {
    await withFreshChain(async (fresh) => {
      const rows = await auditRowsAfter(fresh);
      const row3 = rows.find((row) => row.id === 3)!;
      const forgedHash = chainHash(row3.prevHash, { ...row3, actorLabel: 'someone else' });
      await tamper(
        fresh,
        sql`update audit_log set actor_label = 'someone else', hash = ${forgedHash} where id = 3`,
      );
      expect(await verifyAuditChain(fresh)).toEqual({
        ok: false,
        checked: 3,
        firstBrokenId: 4,
        reason: 'link-mismatch',
      });
    });
  });

  it('shows a deleted row', async () => {
    await withFreshChain(async (fresh) => {
      await tamper(fresh, sql`delete from audit_log where id = 3`);
      expect(await verifyAuditChain(fresh)).toEqual({
        ok: false,
        checked: 2,
        firstBrokenId: 3,
        reason: 'gap',
      });
    });
  });
});
