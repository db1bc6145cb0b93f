import type { RoleAssignment } from '@co2-calculator/domain';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { localAccounts } from '../../src/features/auth/table.js';
import { roleAssignments, users } from '../../src/features/users/table.js';
import type { Database } from '../../src/platform/db/database.js';

export const TEST_PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
}

/** A user with a local account and the given app-granted roles. */
export async function createUser(
  db: Database,
  email: string,
  roles: RoleAssignment[] = [],
  options: { active?: boolean; displayName?: string } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      email: email.toLowerCase(),
      displayName: options.displayName ?? email.split('@')[0]!,
      active: options.active ?? true,
    })
    .returning({ id: users.id });
  await db.insert(localAccounts).values({ userId: user!.id, passwordHash: await passwordHash });
  if (roles.length) {
    await db.insert(roleAssignments).values(
      roles.map((role) => ({
        userId: user!.id,
        role: role.role,
        unitId: role.role === 'admin' ? null : role.unitId,
        source: 'app' as const,
      })),
    );
  }
  return { id: user!.id, email: email.toLowerCase() };
}

export interface SignedIn {
  accessToken: string;
  refreshCookie: string;
  headers: { authorization: string };
}

/** Signs in through the real endpoint, as a browser would. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'co2_refresh');
  const accessToken = response.json().accessToken as string;
  return {
    accessToken,
    refreshCookie: cookie!.value,
    headers: { authorization: `Bearer ${accessToken}` },
  };
}

/** A signed-in global administrator, for tests about something other than access control. */
export async function signedInAdmin(
  app: FastifyInstance,
  db: Database,
  email = 'admin@test.example',
) {
  await createUser(db, email, [{ role: 'admin' }]);
  return signIn(app, email);
}
