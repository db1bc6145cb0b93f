import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userListSchema, userSchema } from '../src/features/users/contract.js';
import { roleAssignments } from '../src/features/users/table.js';
import { auditRowsAfter, lastAuditId } from './support/audit.js';
import { createUser, signIn, type SignedIn, type TestUser } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let ids: Map<string, string>;
const people: Record<string, TestUser> = {};
const sessions: Record<string, SignedIn> = {};

const db = () => testDb.handle.db;
const unit = (code: string) => ids.get(code)!;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ids = await insertUnits(db(), [
    { code: 'ROOT', level: 1 },
    { code: 'FAC', level: 2, parent: 'ROOT' },
    { code: 'LAB-A', level: 4, parent: 'FAC' },
    { code: 'LAB-B', level: 4, parent: 'FAC' },
  ]);
  app = await buildTestApp(testDb.handle);
  const make = async (name: string, roles: Parameters<typeof createUser>[2]) => {
    people[name] = await createUser(db(), `${name}@test.example`, roles);
  };
  await make('admin', [{ role: 'admin' }]);
  await make('principalA', [{ role: 'principal', unitId: unit('LAB-A') }]);
  await make('memberA', [{ role: 'standard', unitId: unit('LAB-A') }]);
  await make('memberB', [{ role: 'standard', unitId: unit('LAB-B') }]);
  await make('officer', [{ role: 'backoffice', unitId: unit('FAC') }]);
  await make('newcomer', []);
  for (const name of ['admin', 'principalA', 'memberA', 'officer']) {
    sessions[name] = await signIn(app, `${name}@test.example`);
  }
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const get = (as: string, url: string) => app.inject({ url, headers: sessions[as]!.headers });
const putRoles = (as: string, userId: string, roles: unknown[]) =>
  app.inject({
    method: 'PUT',
    url: `/api/v1/users/${userId}/roles`,
    headers: sessions[as]!.headers,
    payload: { roles },
  });
const emails = (body: unknown) => userListSchema.parse(body).items.map((user) => user.email);

describe('GET /api/v1/users', () => {
  it('shows admins everyone, with roles and their sources', async () => {
    const response = await get('admin', '/api/v1/users?pageSize=100');
    expect(response.statusCode).toBe(200);
    const list = userListSchema.parse(response.json());
    expect(list.total).toBe(6);
    const member = list.items.find((user) => user.email === 'membera@test.example');
    expect(member?.roles).toEqual([{ role: 'standard', unitId: unit('LAB-A'), source: 'app' }]);
  });

  it('shows a principal only the people of their unit', async () => {
    const response = await get('principalA', '/api/v1/users');
    expect(emails(response.json())).toEqual(['membera@test.example', 'principala@test.example']);
  });

  it('filters by text, unit and role, and sorts', async () => {
    expect(emails((await get('admin', '/api/v1/users?q=MEMBER')).json())).toEqual([
      'membera@test.example',
      'memberb@test.example',
    ]);
    expect(emails((await get('admin', `/api/v1/users?unitId=${unit('LAB-B')}`)).json())).toEqual([
      'memberb@test.example',
    ]);
    expect(emails((await get('admin', '/api/v1/users?role=backoffice')).json())).toEqual([
      'officer@test.example',
    ]);
    const descending = emails((await get('admin', '/api/v1/users?sort=-email')).json());
    expect(descending[0]).toBe('principala@test.example');
  });

  it('is refused to those without the permission', async () => {
    expect((await get('memberA', '/api/v1/users')).statusCode).toBe(403);
    expect((await get('officer', '/api/v1/users')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/users/:id', () => {
  it('returns a visible user and 404 for one the caller may not see', async () => {
    const visible = await get('principalA', `/api/v1/users/${people.memberA!.id}`);
    expect(visible.statusCode).toBe(200);
    expect(userSchema.parse(visible.json()).email).toBe('membera@test.example');
    const foreign = await get('principalA', `/api/v1/users/${people.memberB!.id}`);
    expect(foreign.statusCode).toBe(404);
  });
});

describe('PUT /api/v1/users/:id/roles', () => {
  it('lets a principal delegate standard in their own unit, audited with before and after', async () => {
    const before = await lastAuditId(db());
    const response = await putRoles('principalA', people.newcomer!.id, [
      { role: 'standard', unitId: unit('LAB-A') },
    ]);
    expect(response.statusCode).toBe(200);
    expect(userSchema.parse(response.json()).roles).toEqual([
      { role: 'standard', unitId: unit('LAB-A'), source: 'app' },
    ]);
    const [audit] = await auditRowsAfter(db(), before);
    expect(audit).toMatchObject({
      action: 'roles.changed',
      outcome: 'success',
      actorId: people.principalA!.id,
      targetType: 'user',
      targetId: people.newcomer!.id,
      before: [],
      after: [{ role: 'standard', unitId: unit('LAB-A') }],
    });
    // The newcomer is now a member the principal can see, and revoking works the same way.
    expect((await get('principalA', `/api/v1/users/${people.newcomer!.id}`)).statusCode).toBe(200);
    const revoked = await putRoles('principalA', people.newcomer!.id, []);
    expect(userSchema.parse(revoked.json()).roles).toEqual([]);
  });

  it.each([
    ['standard in another unit', [{ role: 'standard', unitId: 'LAB-B' }]],
    ['principal in their own unit', [{ role: 'principal', unitId: 'LAB-A' }]],
    ['admin', [{ role: 'admin' }]],
  ])('refuses a principal granting %s, audits it, changes nothing', async (_name, roles) => {
    const wanted = roles.map((r) => ('unitId' in r ? { ...r, unitId: unit(r.unitId) } : r));
    const before = await lastAuditId(db());
    const response = await putRoles('principalA', people.newcomer!.id, wanted);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const held = await db()
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, people.newcomer!.id));
    expect(held).toEqual([]);
    expect((await auditRowsAfter(db(), before)).map((a) => a.action)).toEqual([
      'roles.change_denied',
    ]);
  });

  it('leaves roles the caller does not manage, and roles from other sources, alone', async () => {
    // memberB holds standard@LAB-B (app) and gets principal@LAB-A from the registry.
    await db()
      .insert(roleAssignments)
      .values({
        userId: people.memberB!.id,
        role: 'principal',
        unitId: unit('LAB-A'),
        source: 'registry-sync',
      });
    const response = await putRoles('principalA', people.memberB!.id, [
      { role: 'standard', unitId: unit('LAB-A') },
    ]);
    expect(response.statusCode).toBe(200);
    expect(userSchema.parse(response.json()).roles).toEqual(
      expect.arrayContaining([
        { role: 'principal', unitId: unit('LAB-A'), source: 'registry-sync' },
        { role: 'standard', unitId: unit('LAB-A'), source: 'app' },
        { role: 'standard', unitId: unit('LAB-B'), source: 'app' },
      ]),
    );
    expect(userSchema.parse(response.json()).roles).toHaveLength(3);
  });

  it('lets an admin set any roles, and refuses to remove the last admin', async () => {
    const granted = await putRoles('admin', people.newcomer!.id, [
      { role: 'backoffice', unitId: unit('FAC') },
      { role: 'admin' },
    ]);
    expect(granted.statusCode).toBe(200);
    // Roles are listed in the order of the role enum: standard, principal, backoffice, admin.
    expect(userSchema.parse(granted.json()).roles.map((r) => r.role)).toEqual([
      'backoffice',
      'admin',
    ]);
    // Two admins now: one may step down; the last one may not.
    expect((await putRoles('admin', people.newcomer!.id, [])).statusCode).toBe(200);
    const last = await putRoles('admin', people.admin!.id, []);
    expect(last.statusCode).toBe(409);
    const still = await db()
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, people.admin!.id), eq(roleAssignments.role, 'admin')));
    expect(still).toHaveLength(1);
  });

  it('rejects malformed assignments and unknown users or units', async () => {
    const malformed = await putRoles('admin', people.newcomer!.id, [
      { role: 'admin', unitId: unit('FAC') },
    ]);
    expect(malformed.statusCode).toBe(400);
    const missingUnit = await putRoles('admin', people.newcomer!.id, [{ role: 'standard' }]);
    expect(missingUnit.statusCode).toBe(400);
    const unknownUser = await putRoles('admin', '7d7a3c1e-9f1b-4f7e-8d55-2c3b4a5d6e7f', []);
    expect(unknownUser.statusCode).toBe(404);
    const unknownUnit = await putRoles('admin', people.newcomer!.id, [
      { role: 'standard', unitId: '7d7a3c1e-9f1b-4f7e-8d55-2c3b4a5d6e7f' },
    ]);
    expect(unknownUnit.statusCode).toBe(422);
  });

  it('is refused to a standard member and to a back-office officer', async () => {
    for (const as of ['memberA', 'officer']) {
      const response = await putRoles(as, people.newcomer!.id, [
        { role: 'standard', unitId: unit('LAB-A') },
      ]);
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('POST /api/v1/units/:unitId/members', () => {
  const addMember = (who: string, unitCode: string, email: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/units/${unit(unitCode)}/members`,
      headers: sessions[who]!.headers,
      payload: { email },
    });

  it('lets a principal give standard to an account named by its e-mail, audited', async () => {
    const before = await lastAuditId(db());
    const response = await addMember('principalA', 'LAB-A', 'NEWCOMER@test.example ');
    expect(response.statusCode, response.body).toBe(201);
    expect(userSchema.parse(response.json())).toMatchObject({
      id: people.newcomer!.id,
      roles: [{ role: 'standard', unitId: unit('LAB-A'), source: 'app' }],
    });
    expect((await auditRowsAfter(db(), before)).map((a) => a.action)).toEqual(['roles.changed']);
    // Already a member: a clear conflict, nothing changes.
    const again = await addMember('principalA', 'LAB-A', 'newcomer@test.example');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already holds a role');
    await putRoles('principalA', people.newcomer!.id, []);
  });

  it('keeps the other app roles of the person when an admin adds them', async () => {
    const twoHats = await createUser(db(), 'two-hats@test.example', [
      { role: 'principal', unitId: unit('LAB-B') },
    ]);
    const response = await addMember('admin', 'LAB-A', 'two-hats@test.example');
    expect(response.statusCode, response.body).toBe(201);
    const roles = userSchema.parse(response.json()).roles.map((r) => [r.role, r.unitId]);
    expect(roles.sort()).toEqual(
      [
        ['principal', unit('LAB-B')],
        ['standard', unit('LAB-A')],
      ].sort(),
    );
    expect(twoHats.id).toBe(response.json().id);
  });

  it('answers 404 for an unknown e-mail or a unit the caller cannot see, 403 without the right', async () => {
    const before = await lastAuditId(db());
    const unknown = await addMember('principalA', 'LAB-A', 'nobody@test.example');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('sign in once');
    expect((await addMember('principalA', 'LAB-B', 'newcomer@test.example')).statusCode).toBe(404);
    expect((await addMember('memberA', 'LAB-A', 'newcomer@test.example')).statusCode).toBe(403);
    expect((await addMember('principalA', 'LAB-A', 'not an e-mail')).statusCode).toBe(400);
    const held = await db()
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, people.newcomer!.id));
    expect(held).toEqual([]);
    expect((await auditRowsAfter(db(), before)).map((a) => a.action)).not.toContain(
      'roles.changed',
    );
  });
});

describe('units seen by each role', () => {
  const codes = async (as: string) =>
    ((await get(as, '/api/v1/units?pageSize=100')).json().items as { code: string }[]).map(
      (u) => u.code,
    );

  it('a member sees their lab and its ancestors, not the sibling lab', async () => {
    expect(await codes('memberA')).toEqual(['FAC', 'LAB-A', 'ROOT']);
    expect((await get('memberA', `/api/v1/units/${unit('LAB-B')}`)).statusCode).toBe(404);
    expect((await get('memberA', `/api/v1/units/${unit('FAC')}`)).statusCode).toBe(200);
  });

  it('a back-office officer sees their subtree and its ancestors', async () => {
    expect(await codes('officer')).toEqual(['FAC', 'LAB-A', 'LAB-B', 'ROOT']);
  });

  it('an admin sees everything', async () => {
    expect(await codes('admin')).toEqual(['FAC', 'LAB-A', 'LAB-B', 'ROOT']);
  });

  it('someone without a role sees nothing', async () => {
    const newcomer = await signIn(app, 'newcomer@test.example');
    const response = await app.inject({ url: '/api/v1/units', headers: newcomer.headers });
    expect(response.statusCode).toBe(403);
  });
});
