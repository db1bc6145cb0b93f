import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/features/auth/passwords.js';
import { localAccounts } from '../src/features/auth/table.js';
import { units } from '../src/features/units/table.js';
import { roleAssignments, users } from '../src/features/users/table.js';
import { BackOfficeImports, excelCsv } from './support/back-office-imports.js';
import { signIn, TEST_PASSWORD } from './support/identities.js';
import { uploadFile, waitForJob } from './support/imports.js';

const fx = new BackOfficeImports();
const body = { target: 'role-assignments' };
const HEADER = 'email,role,unitCode,institutionalId,displayName';

beforeAll(() => fx.start(), 120_000);
afterAll(() => fx.stop());

/** Every assignment as `email role unit source`, sorted. */
async function assignments() {
  const rows = await fx.db
    .select({
      email: users.email,
      role: roleAssignments.role,
      unit: units.code,
      source: roleAssignments.source,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(units, eq(units.id, roleAssignments.unitId));
  return rows.map((r) => `${r.email} ${r.role} ${r.unit ?? '*'} ${r.source}`).sort();
}

const APP_ASSIGNMENTS = [
  'admin@test.example admin * app',
  'officer@test.example backoffice FAC app',
  'pi@test.example principal L01 app',
];

describe('importing role assignments', () => {
  it('grants the rows by e-mail and unit code, creating people not known yet', async () => {
    // Another source's assignment of the same role: never touched by CSV imports.
    const [pi] = await fx.db.select().from(users).where(eq(users.email, 'pi@test.example'));
    await fx.db.insert(roleAssignments).values({
      userId: pi!.id,
      role: 'standard',
      unitId: fx.unitIds.get('L02')!,
      source: 'registry-sync',
    });

    const job = await fx.importFile(
      body,
      excelCsv([
        'email;role;unitCode;institutionalId;displayName',
        'PI@Test.example;standard;L02;;',
        'new.person@test.example;principal;L02;E123;New Person',
        'new.person@test.example;standard;L01;;',
        'admin2@test.example;admin;;;Second Admin',
        'not-an-address;standard;L01;;',
        'x@test.example;standard;NOPE;;',
        'x@test.example;admin;L01;;',
        'pi@test.example;standard;L02;;',
        'other@test.example;standard;L01;E123;',
      ]),
    );
    expect(job.state).toBe('warning');
    expect(job.counts).toMatchObject({ read: 9, inserted: 4, skipped: 5, revoked: 0 });
    expect(await assignments()).toEqual(
      [
        ...APP_ASSIGNMENTS,
        'admin2@test.example admin * csv',
        'new.person@test.example principal L02 csv',
        'new.person@test.example standard L01 csv',
        'pi@test.example standard L02 csv',
        'pi@test.example standard L02 registry-sync',
      ].sort(),
    );
    const [created] = await fx.db
      .select({ institutionalId: users.institutionalId, displayName: users.displayName })
      .from(users)
      .where(eq(users.email, 'new.person@test.example'));
    expect(created).toEqual({ institutionalId: 'E123', displayName: 'New Person' });

    const report = await fx.errorReport(job);
    // In the order found: while reading, then unit codes, then people.
    expect(report.slice(1).map((line) => line.replace(/^.*,(\d+),/, '$1: '))).toEqual([
      expect.stringMatching(/^6: "?email: must be an e-mail address/),
      expect.stringMatching(/^8: "?unitCode: must be empty for admin and only for admin/),
      '9: standard in L02 for pi@test.example is already on line 2; keep one of the two rows',
      '7: "unitCode: no unit has the code ""NOPE"""',
      '10: institutionalId: E123 is the id of new.person@test.example on line 3',
    ]);
  });

  it('replaces the CSV assignments: revokes those left out, keeps every other source', async () => {
    const job = await fx.importFile(
      body,
      [HEADER, 'new.person@test.example,principal,L02,,', 'admin2@test.example,admin,,,'].join(
        '\n',
      ),
    );
    expect(job.state).toBe('succeeded');
    expect(job.counts).toMatchObject({ read: 2, inserted: 0, revoked: 2, skipped: 0 });
    expect(await assignments()).toEqual(
      [
        ...APP_ASSIGNMENTS,
        'admin2@test.example admin * csv',
        'new.person@test.example principal L02 csv',
        'pi@test.example standard L02 registry-sync',
      ].sort(),
    );
  });

  it('refuses a file that would leave no active administrator, and changes nothing', async () => {
    // admin2 administers through the CSV only; the app's administrator leaves.
    const [admin2] = await fx.db.select().from(users).where(eq(users.email, 'admin2@test.example'));
    await fx.db
      .insert(localAccounts)
      .values({ userId: admin2!.id, passwordHash: await hashPassword(TEST_PASSWORD) });
    const signedIn = await signIn(fx.app, 'admin2@test.example');
    await fx.db.update(users).set({ active: false }).where(eq(users.email, 'admin@test.example'));
    try {
      const before = await assignments();
      const uploadKey = await uploadFile(fx.app, signedIn.headers, `${HEADER}\n`);
      const accepted = await fx.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: signedIn.headers,
        payload: { ...body, uploadKey },
      });
      expect(accepted.statusCode, accepted.body).toBe(202);
      const job = await waitForJob(fx.app, signedIn.headers, accepted.json().jobId);
      expect(job.state).toBe('failed');
      expect(job.error).toMatch(/leave no active administrator.*Nothing was changed/);
      expect(await assignments()).toEqual(before);
    } finally {
      await fx.db.update(users).set({ active: true }).where(eq(users.email, 'admin@test.example'));
    }
  });

  it('refuses non-administrators with 403 before any job exists', async () => {
    await fx.expectRefusedToNonAdmins(body, `${HEADER}\n`);
  });
});
