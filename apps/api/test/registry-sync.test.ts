import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RegistrySnapshot,
  type RegistrySnapshotInput,
  registrySnapshotSchema,
} from '../src/features/registry/snapshot.js';
import {
  findSnapshotProblems,
  RegistrySnapshotError,
  type SyncReport,
  syncRegistry,
} from '../src/features/registry/sync.js';
import { auditLog, roleAssignments, units, users } from '../src/platform/db/schema.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

type UnitInput = RegistrySnapshotInput['units'][number];
type AssignmentInput = RegistrySnapshotInput['assignments'][number];

const unit = (
  code: string,
  level: number,
  parentCode: string | null,
  extra: Partial<UnitInput> = {},
): UnitInput => ({
  code,
  nameEn: `${code} (en)`,
  nameFr: `${code} (fr)`,
  level,
  parentCode,
  type: level === 4 ? 'lab' : 'organisation',
  ...extra,
});

const snapshotOf = (unitList: UnitInput[], assignments: AssignmentInput[]): RegistrySnapshot =>
  registrySnapshotSchema.parse({ units: unitList, assignments });

// Listed children first on purpose: the sync must order them itself.
const unitsV1: UnitInput[] = [
  unit('PLAT', 4, 'ENAC-IA', { type: 'platform' }),
  unit('ENAC-IA', 3, 'ENAC'),
  unit('LCBM', 4, 'SB-ICH', { nameEn: 'Biomimetic Chemistry' }),
  unit('LSMO', 4, 'SB-ICH'),
  unit('LQM', 4, 'SB-IPHYS'),
  unit('SB-ICH', 3, 'SB'),
  unit('SB-IPHYS', 3, 'SB', { nameEn: 'Physics' }),
  unit('SB', 2, 'EPFX'),
  unit('ENAC', 2, 'EPFX'),
  unit('EPFX', 1, null),
];

const alice = { email: 'Alice@Example.org', institutionalId: '100001', displayName: 'Alice' };
const bob = { email: 'bob@example.org', institutionalId: '100002', displayName: 'Bob' };
const carol = { email: 'carol@example.org' };
const dave = { email: 'dave@example.org', institutionalId: '100004', displayName: 'Dave' };
const eve = { email: 'eve@example.org', institutionalId: '100005' };

const assignmentsV1: AssignmentInput[] = [
  { ...alice, role: 'principal', unitCode: 'LCBM' },
  { ...alice, role: 'standard', unitCode: 'LSMO' },
  { ...bob, role: 'backoffice', unitCode: 'SB' },
  { ...carol, role: 'admin' },
  { ...dave, role: 'standard', unitCode: 'LQM' },
  { ...dave, role: 'standard', unitCode: 'LQM' }, // repeated: granted once
];

const v1 = snapshotOf(unitsV1, assignmentsV1);

// Renamed SB-IPHYS, moved SB-ICH (with its labs) under ENAC, removed LSMO, added LNEW; revoked
// alice's registry roles and carol's admin role; granted bob LQM and eve LNEW.
const v2 = snapshotOf(
  [
    ...unitsV1
      .filter((u) => u.code !== 'LSMO')
      .map((u) =>
        u.code === 'SB-IPHYS'
          ? { ...u, nameEn: 'Institute of Physics' }
          : u.code === 'SB-ICH'
            ? { ...u, parentCode: 'ENAC' }
            : u,
      ),
    unit('LNEW', 4, 'SB-IPHYS'),
  ],
  [
    { ...bob, role: 'backoffice', unitCode: 'SB' },
    { ...bob, role: 'standard', unitCode: 'LQM' },
    { ...dave, role: 'standard', unitCode: 'LQM' },
    { ...eve, role: 'principal', unitCode: 'LNEW' },
  ],
);

const zero: SyncReport = {
  unitsCreated: 0,
  unitsUpdated: 0,
  unitsDeactivated: 0,
  usersCreated: 0,
  usersLinked: 0,
  assignmentsGranted: 0,
  assignmentsRevoked: 0,
};

const actor = { label: 'scheduler' };

let testDb: TestDatabase;
let preexisting: Map<string, string>;
let aliceId: string;
let daveId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.handle.db;
  // Part of the tree is already there (one name differs), plus a unit the registry dropped.
  preexisting = await insertUnits(db, [
    { code: 'EPFX', level: 1 },
    { code: 'SB', level: 2, parent: 'EPFX' },
    { code: 'SB-ICH', level: 3, parent: 'SB' },
    { code: 'LCBM', nameEn: 'Old name', level: 4, parent: 'SB-ICH' },
    { code: 'LGONE', level: 4, parent: 'SB-ICH' },
  ]);
  // Alice signed in before (no institutional id yet); Dave is known by id under an old e-mail.
  [{ id: aliceId }] = (await db
    .insert(users)
    .values({ email: 'alice@example.org', displayName: 'Alice A.' })
    .returning({ id: users.id })) as [{ id: string }];
  [{ id: daveId }] = (await db
    .insert(users)
    .values({ email: 'd.old@example.org', institutionalId: '100004', displayName: 'D.' })
    .returning({ id: users.id })) as [{ id: string }];
  const lcbm = preexisting.get('LCBM')!;
  await db.insert(roleAssignments).values([
    { userId: aliceId, role: 'principal', unitId: lcbm, source: 'app' },
    { userId: aliceId, role: 'standard', unitId: lcbm, source: 'oidc' },
    { userId: aliceId, role: 'admin', unitId: null, source: 'app' },
  ]);
});

afterAll(async () => {
  await testDb?.dispose();
});

async function unitRows() {
  return testDb.handle.db
    .select({
      id: units.id,
      code: units.code,
      nameEn: units.nameEn,
      level: units.level,
      parentId: units.parentId,
      path: units.path,
      type: units.type,
      active: units.active,
    })
    .from(units)
    .orderBy(asc(units.code));
}

async function unitsByCode() {
  return new Map((await unitRows()).map((u) => [u.code, u]));
}

/** The path written as codes, e.g. `/EPFX/SB/`. */
async function codePath(code: string) {
  const all = await unitsByCode();
  const codeOf = new Map([...all.values()].map((u) => [u.id, u.code]));
  const path = all.get(code)!.path;
  return path.replace(/[0-9a-f-]{36}/g, (id) => codeOf.get(id)!);
}

/** Assignments as `source role unit email`, sorted. */
async function assignmentRows() {
  const rows = await testDb.handle.db
    .select({
      source: roleAssignments.source,
      role: roleAssignments.role,
      unit: units.code,
      email: users.email,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(units, eq(units.id, roleAssignments.unitId));
  return rows.map((r) => `${r.source} ${r.role} ${r.unit ?? '-'} ${r.email}`).sort();
}

async function syncAudits() {
  return testDb.handle.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'registry.synced'))
    .orderBy(asc(auditLog.id));
}

/** Everything a sync may change, to show that a rejected one changed nothing. */
async function everything() {
  const db = testDb.handle.db;
  return {
    units: await db.select().from(units).orderBy(asc(units.code)),
    users: await db.select().from(users).orderBy(asc(users.email)),
    assignments: await db.select().from(roleAssignments).orderBy(asc(roleAssignments.id)),
    audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
  };
}

const untouched = [
  'app admin - alice@example.org',
  'app principal LCBM alice@example.org',
  'oidc standard LCBM alice@example.org',
];

describe('syncRegistry', () => {
  it('creates the tree and the assignments on the first sync', async () => {
    const report = await syncRegistry(testDb.handle.db, v1, { actor });
    expect(report).toEqual({
      unitsCreated: 6,
      unitsUpdated: 1,
      unitsDeactivated: 1,
      usersCreated: 2,
      usersLinked: 1,
      assignmentsGranted: 5,
      assignmentsRevoked: 0,
    });

    const all = await unitsByCode();
    expect([...all.keys()]).toEqual([
      'ENAC',
      'ENAC-IA',
      'EPFX',
      'LCBM',
      'LGONE',
      'LQM',
      'LSMO',
      'PLAT',
      'SB',
      'SB-ICH',
      'SB-IPHYS',
    ]);
    // Existing units keep their ids; the registry's name wins.
    expect(all.get('LCBM')).toMatchObject({
      id: preexisting.get('LCBM'),
      nameEn: 'Biomimetic Chemistry',
      active: true,
    });
    expect(all.get('LGONE')!.active).toBe(false);
    expect(all.get('PLAT')).toMatchObject({ level: 4, type: 'platform', active: true });
    expect(all.get('PLAT')!.parentId).toBe(all.get('ENAC-IA')!.id);
    expect(await codePath('PLAT')).toBe('/EPFX/ENAC/ENAC-IA/PLAT/');
    expect(await codePath('LQM')).toBe('/EPFX/SB/SB-IPHYS/LQM/');

    expect(await assignmentRows()).toEqual(
      [
        ...untouched,
        'registry-sync admin - carol@example.org',
        'registry-sync backoffice SB bob@example.org',
        'registry-sync principal LCBM alice@example.org',
        'registry-sync standard LQM d.old@example.org',
        'registry-sync standard LSMO alice@example.org',
      ].sort(),
    );
  });

  it('finds people by institutional id, then e-mail, creating the others', async () => {
    const people = await testDb.handle.db
      .select({
        id: users.id,
        email: users.email,
        institutionalId: users.institutionalId,
        displayName: users.displayName,
        active: users.active,
      })
      .from(users)
      .orderBy(asc(users.email));
    expect(people).toEqual([
      // Found by e-mail and linked; the name sign-in gave is kept.
      {
        id: aliceId,
        email: 'alice@example.org',
        institutionalId: '100001',
        displayName: 'Alice A.',
        active: true,
      },
      {
        id: expect.any(String),
        email: 'bob@example.org',
        institutionalId: '100002',
        displayName: 'Bob',
        active: true,
      },
      {
        id: expect.any(String),
        email: 'carol@example.org',
        institutionalId: null,
        displayName: 'carol@example.org',
        active: true,
      },
      // Found by institutional id: the e-mail is left to sign-in.
      {
        id: daveId,
        email: 'd.old@example.org',
        institutionalId: '100004',
        displayName: 'D.',
        active: true,
      },
    ]);
  });

  it('records the sync in the audit log with its counts', async () => {
    const audits = await syncAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      outcome: 'success',
      actorId: null,
      actorLabel: 'scheduler',
      details: {
        unitsCreated: 6,
        unitsUpdated: 1,
        unitsDeactivated: 1,
        usersCreated: 2,
        usersLinked: 1,
        assignmentsGranted: 5,
        assignmentsRevoked: 0,
      },
    });
  });

  it('reports no change when the same snapshot comes again', async () => {
    expect(await syncRegistry(testDb.handle.db, v1, { actor })).toEqual(zero);
    const audits = await syncAudits();
    expect(audits).toHaveLength(2);
    expect(audits[1]!.details).toEqual(zero);
  });

  it('applies renames, moves, removals and new assignments, leaving other sources alone', async () => {
    const before = await unitsByCode();
    const report = await syncRegistry(testDb.handle.db, v2, { actor: { id: aliceId } });
    expect(report).toEqual({
      unitsCreated: 1,
      unitsUpdated: 2,
      unitsDeactivated: 1,
      usersCreated: 1,
      usersLinked: 0,
      assignmentsGranted: 2,
      assignmentsRevoked: 3,
    });

    const all = await unitsByCode();
    expect(all.get('SB-IPHYS')!.nameEn).toBe('Institute of Physics');
    // The moved unit takes its labs along.
    expect(all.get('SB-ICH')!.parentId).toBe(all.get('ENAC')!.id);
    expect(await codePath('LCBM')).toBe('/EPFX/ENAC/SB-ICH/LCBM/');
    expect(await codePath('LGONE')).toBe('/EPFX/ENAC/SB-ICH/LGONE/');
    // Removed from the registry: deactivated, still there, ids unchanged.
    expect(all.get('LSMO')).toMatchObject({ id: before.get('LSMO')!.id, active: false });
    expect(await codePath('LNEW')).toBe('/EPFX/SB/SB-IPHYS/LNEW/');
    expect([...all.values()].filter((u) => !u.active).map((u) => u.code)).toEqual([
      'LGONE',
      'LSMO',
    ]);

    expect(await assignmentRows()).toEqual(
      [
        ...untouched,
        'registry-sync backoffice SB bob@example.org',
        'registry-sync principal LNEW eve@example.org',
        'registry-sync standard LQM bob@example.org',
        'registry-sync standard LQM d.old@example.org',
      ].sort(),
    );
    // Losing every registry role deactivates nobody.
    const [carolRow] = await testDb.handle.db
      .select({ active: users.active })
      .from(users)
      .where(eq(users.email, 'carol@example.org'));
    expect(carolRow).toEqual({ active: true });

    const audits = await syncAudits();
    expect(audits.at(-1)).toMatchObject({ actorId: aliceId, actorLabel: 'registry-sync' });
    expect(audits.at(-1)!.details).toEqual(report);
    expect(await syncRegistry(testDb.handle.db, v2, { actor })).toEqual(zero);
  });

  it('reactivates a unit the registry lists again', async () => {
    const v3 = snapshotOf(
      [...v2.units, unit('LSMO', 4, 'SB-ICH')],
      v2.assignments as AssignmentInput[],
    );
    const report = await syncRegistry(testDb.handle.db, v3, { actor });
    expect(report).toEqual({ ...zero, unitsUpdated: 1 });
    expect((await unitsByCode()).get('LSMO')!.active).toBe(true);
    expect(await syncRegistry(testDb.handle.db, v2, { actor })).toEqual({
      ...zero,
      unitsDeactivated: 1,
    });
  });

  it('moves a unit up a level and inserts a child under it in one sync', async () => {
    // SB-IPHYS becomes a level-2 unit under the institution, and gets a new level-3 institute
    // with a new lab; LQM and LNEW follow it to level 3. The path trigger checks each parent's
    // level, so this only works if the sync writes level by level.
    const v3 = snapshotOf(
      [
        ...v2.units
          .filter((u) => !['SB-IPHYS', 'LQM', 'LNEW'].includes(u.code))
          .map((u) => u as UnitInput),
        unit('SB-IPHYS', 2, 'EPFX', { nameEn: 'Institute of Physics' }),
        unit('LQM', 3, 'SB-IPHYS'),
        unit('LNEW', 3, 'SB-IPHYS'),
        unit('IPHYS-X', 3, 'SB-IPHYS'),
        unit('LX', 4, 'IPHYS-X'),
      ],
      v2.assignments as AssignmentInput[],
    );
    const report = await syncRegistry(testDb.handle.db, v3, { actor });
    expect(report).toEqual({ ...zero, unitsCreated: 2, unitsUpdated: 3 });
    expect(await codePath('LX')).toBe('/EPFX/SB-IPHYS/IPHYS-X/LX/');
    expect(await codePath('LQM')).toBe('/EPFX/SB-IPHYS/LQM/');
    expect((await unitsByCode()).get('LQM')!.level).toBe(3);
    // And back again: the two new units are deactivated and follow SB-IPHYS where it goes.
    expect(await syncRegistry(testDb.handle.db, v2, { actor })).toEqual({
      ...zero,
      unitsUpdated: 3,
      unitsDeactivated: 2,
    });
    expect(await codePath('LQM')).toBe('/EPFX/SB/SB-IPHYS/LQM/');
    expect((await unitsByCode()).get('LQM')!.level).toBe(4);
    expect(await codePath('LX')).toBe('/EPFX/SB/SB-IPHYS/IPHYS-X/LX/');
  });

  it('rejects a snapshot with unknown references whole, changing nothing', async () => {
    const before = await everything();
    const broken = snapshotOf(
      [...v2.units, unit('LORPHAN', 4, 'NOWHERE'), unit('LNEXT', 4, 'SB-IPHYS')],
      [
        ...(v2.assignments as AssignmentInput[]),
        { ...bob, role: 'principal', unitCode: 'NOPE' },
        { email: 'new@example.org', role: 'standard', unitCode: 'LNEXT' },
      ],
    );
    const error = await syncRegistry(testDb.handle.db, broken, { actor }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RegistrySnapshotError);
    expect((error as RegistrySnapshotError).problems).toEqual([
      'unit LORPHAN: parent NOWHERE is not in the snapshot',
      'assignment 5 (principal for bob@example.org): unit NOPE is not in the snapshot',
    ]);
    expect((error as Error).message).toContain('nothing was changed');
    expect(await everything()).toEqual(before);
  });

  it('rejects a person whose e-mail belongs to a user with another institutional id', async () => {
    const before = await everything();
    const clash = snapshotOf(v2.units as UnitInput[], [
      ...(v2.assignments as AssignmentInput[]),
      { email: 'bob@example.org', institutionalId: '999999', role: 'standard', unitCode: 'LNEW' },
    ]);
    // Within the snapshot, bob now has two ids.
    expect(findSnapshotProblems(clash)).toEqual([
      'assignment 5 (standard for bob@example.org): bob@example.org also appears with institutional id 100002',
    ]);
    const onlyTheClash = snapshotOf(v2.units as UnitInput[], [
      { email: 'bob@example.org', institutionalId: '999999', role: 'standard', unitCode: 'LNEW' },
      { ...eve, role: 'principal', unitCode: 'LNEW' },
    ]);
    await expect(syncRegistry(testDb.handle.db, onlyTheClash, { actor })).rejects.toThrow(
      'bob@example.org has institutional id 999999 in the registry but 100002 in the database',
    );
    // Dave is known by id under his old e-mail: a second person with that e-mail is him too.
    const twice = snapshotOf(v2.units as UnitInput[], [
      { ...dave, role: 'standard', unitCode: 'LQM' },
      { email: 'D.Old@example.org', role: 'principal', unitCode: 'LQM' },
    ]);
    await expect(syncRegistry(testDb.handle.db, twice, { actor })).rejects.toThrow(
      'dave@example.org and d.old@example.org are the same user in the database (d.old@example.org)',
    );
    expect(await everything()).toEqual(before);
  });

  it('finds the problems of a snapshot on its own', () => {
    const snapshot = snapshotOf(
      [unit('A', 1, null), unit('A', 1, null), unit('B', 3, 'C'), unit('C', 3, 'A')],
      [
        { email: 'x@example.org', institutionalId: '1', role: 'admin' },
        { email: 'y@example.org', institutionalId: '1', role: 'admin' },
      ],
    );
    expect(findSnapshotProblems(snapshot)).toEqual([
      'unit A is listed more than once',
      'unit B (level 3): parent C is at level 3, not above it',
      'assignment 2 (admin for y@example.org): institutional id 1 also appears for x@example.org',
    ]);
  });

  it('rejects a root with a parent or a lower unit without one when parsing', () => {
    const result = registrySnapshotSchema.safeParse({
      units: [unit('A', 1, 'B'), unit('B', 2, null)],
      assignments: [{ email: 'x@example.org', role: 'admin', unitCode: 'A' }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'assignments.0.unitCode',
      'units.0.parentCode',
      'units.1.parentCode',
    ]);
  });

  it('handles a large snapshot with a bounded number of statements', async () => {
    const big: UnitInput[] = [unit('BIG', 1, null)];
    const assignments: AssignmentInput[] = [];
    for (let f = 0; f < 10; f++) {
      big.push(unit(`F${f}`, 2, 'BIG'));
      for (let i = 0; i < 10; i++) {
        big.push(unit(`F${f}-I${i}`, 3, `F${f}`));
        for (let l = 0; l < 20; l++) {
          const code = `F${f}-I${i}-L${l}`;
          big.push(unit(code, 4, `F${f}-I${i}`));
          const n = assignments.length;
          assignments.push({ email: `p${n}@big.example`, role: 'principal', unitCode: code });
          assignments.push({ email: `p${n + 1}@big.example`, role: 'standard', unitCode: code });
        }
      }
    }
    let statements = 0;
    const db = testDb.handle.db;
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'transaction') return Reflect.get(target, property, receiver);
        return (fn: (tx: typeof db) => Promise<unknown>) =>
          target.transaction((tx) =>
            fn(
              new Proxy(tx, {
                get(inner, name, innerReceiver) {
                  const value = Reflect.get(inner, name, innerReceiver);
                  if (['execute', 'select', 'insert', 'update', 'delete'].includes(String(name))) {
                    statements++;
                  }
                  return typeof value === 'function' ? value.bind(inner) : value;
                },
              }),
            ),
          );
      },
    });
    const report = await syncRegistry(counting, snapshotOf(big, assignments), { actor });
    expect(report).toMatchObject({
      unitsCreated: big.length,
      usersCreated: assignments.length,
      assignmentsGranted: assignments.length,
    });
    expect(report.unitsDeactivated).toBe(v2.units.length);
    expect(statements).toBeLessThan(20);
    const [{ count }] = (await db
      .select({ count: sql<number>`count(*)::int` })
      .from(units)
      .where(sql`${units.path} like ${`/${(await unitsByCode()).get('BIG')!.id}/%`}`)) as [
      { count: number },
    ];
    expect(count).toBe(big.length);
  });
});
