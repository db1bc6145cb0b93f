import { desc, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditListQuery,
  auditListSchema,
  auditRecordSchema,
} from '../src/features/audit/contract.js';
import { auditFilters, auditRecordsNewestFirst } from '../src/features/audit/queries.js';
import { auditLog } from '../src/platform/audit/table.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
const as: Record<string, SignedIn> = {};
let labId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const ids = await insertUnits(testDb.handle.db, [
    { code: 'ROOT', level: 1 },
    { code: 'LAB', level: 4, parent: 'ROOT' },
  ]);
  labId = ids.get('LAB')!;
  app = await buildTestApp(testDb.handle);
  await createUser(testDb.handle.db, 'admin@test.example', [{ role: 'admin' }]);
  await createUser(testDb.handle.db, 'pi@test.example', [{ role: 'principal', unitId: labId }]);
  const member = await createUser(testDb.handle.db, 'member@test.example', []);
  as.admin = await signIn(app, 'admin@test.example');
  as.pi = await signIn(app, 'pi@test.example');
  // An action with a before and an after: the principal delegates to the member.
  const delegated = await app.inject({
    method: 'PUT',
    url: `/api/v1/users/${member.id}/roles`,
    headers: as.pi.headers,
    payload: { roles: [{ role: 'standard', unitId: labId }] },
  });
  expect(delegated.statusCode).toBe(200);
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const list = async (query: string, who = 'admin') => {
  const response = await app.inject({ url: `/api/v1/audit?${query}`, headers: as[who]!.headers });
  expect(response.statusCode, response.body).toBe(200);
  return auditListSchema.parse(response.json());
};

describe('the audit log API', () => {
  it('lists records newest first, filtered by actor, action, target and date', async () => {
    const all = await list('pageSize=100');
    expect(all.total).toBeGreaterThanOrEqual(3); // two sign-ins and a role change
    const ids = all.items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const byActor = await list('actor=PI@TEST');
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((item) => item.actorLabel === 'pi@test.example')).toBe(true);

    const changes = await list('action=roles.changed');
    expect(changes.total).toBe(1);
    const [change] = changes.items;
    expect(change!.before).toEqual([]);
    expect(change!.after).toEqual([{ role: 'standard', unitId: labId }]);
    expect((await list(`targetType=user&targetId=${change!.targetId}`)).total).toBeGreaterThan(0);

    const today = new Date().toISOString().slice(0, 10);
    expect((await list(`from=${today}&to=${today}`)).total).toBe(all.total);
    expect((await list('to=2000-01-01')).total).toBe(0);
    // LIKE wildcards are taken literally.
    expect((await list('actor=%25')).total).toBe(0);
  });

  it('shows one record with its before and after, and 404 for none', async () => {
    const [change] = (await list('action=roles.changed')).items;
    const response = await app.inject({
      url: `/api/v1/audit/${change!.id}`,
      headers: as.admin!.headers,
    });
    expect(auditRecordSchema.parse(response.json())).toEqual(change);
    const missing = await app.inject({ url: '/api/v1/audit/999999', headers: as.admin!.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('exports every matching record as CSV, with JSON cells and formulas neutralised', async () => {
    const response = await app.inject({
      url: '/api/v1/audit?format=csv&action=roles.changed',
      headers: as.admin!.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('audit-log.csv');
    // UTF-8 with a BOM, so spreadsheets read accents, as every export.
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,occurredAt,actorLabel,action,outcome,targetType,targetId,ip,requestId,before,after,details',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('roles.changed');
    expect(lines[1]).toContain('""role"":""standard""');
  });

  it('reads an export a batch at a time, newest first, every record once', async () => {
    const all = await testDb.handle.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .orderBy(desc(auditLog.id));
    expect(all.length).toBeGreaterThan(2); // more than one batch of 2
    const read: number[] = [];
    for await (const record of auditRecordsNewestFirst(testDb.handle.db, undefined, 2)) {
      read.push(record.id);
    }
    expect(read).toEqual(all.map((row) => row.id));
    // With a filter, batches skip what it leaves out.
    const where = auditFilters({ action: 'roles.changed' } as AuditListQuery);
    const changes: string[] = [];
    for await (const record of auditRecordsNewestFirst(testDb.handle.db, where, 1)) {
      changes.push(record.action);
    }
    expect(changes).toEqual(['roles.changed']);
  });

  it('checks the hash chain, and sees a tampered record', async () => {
    const ok = await app.inject({ url: '/api/v1/audit/verify', headers: as.admin!.headers });
    expect(ok.json()).toMatchObject({ valid: true, firstBrokenId: null, reason: null });
    expect(ok.json().checked).toBeGreaterThanOrEqual(3);
    await testDb.handle.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`update audit_log set action = 'tampered' where id = 2`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    const broken = await app.inject({ url: '/api/v1/audit/verify', headers: as.admin!.headers });
    expect(broken.json()).toMatchObject({
      valid: false,
      firstBrokenId: 2,
      reason: 'hash-mismatch',
    });
  });

  it('is for administrators only, and validates its query', async () => {
    const refused = await app.inject({ url: '/api/v1/audit', headers: as.pi!.headers });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      url: '/api/v1/audit?from=yesterday',
      headers: as.admin!.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.from');
  });
});
