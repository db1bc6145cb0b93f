import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { Database } from '../../platform/db/database.js';
import { localAccounts } from '../auth/table.js';
import { hashPassword } from '../auth/passwords.js';
import { roleAssignments, users } from './table.js';

export interface AdminAccount {
  email: string;
  password: string;
  displayName?: string;
}

/**
 * Creates (or, with `resetPassword`, updates) a local administrator: the user, its password
 * and a global admin role granted by the app. Used by `create-admin` and by ADMIN_EMAIL /
 * ADMIN_PASSWORD at start-up, where an existing account is left as it is.
 */
export async function ensureAdminAccount(
  db: Database,
  account: AdminAccount,
  options: { resetPassword: boolean; via: string },
): Promise<{ userId: string; created: boolean }> {
  const email = account.email.trim().toLowerCase();
  const passwordHash = await hashPassword(account.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    const userId =
      existing?.id ??
      (
        await tx
          .insert(users)
          .values({ email, displayName: account.displayName ?? 'Administrator' })
          .returning({ id: users.id })
      )[0]!.id;
    if (existing && !options.resetPassword) return { userId, created: false };

    await tx
      .insert(localAccounts)
      .values({ userId, passwordHash })
      .onConflictDoUpdate({
        target: localAccounts.userId,
        set: { passwordHash, passwordChangedAt: new Date() },
      });
    const [admin] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'admin')));
    if (!admin) await tx.insert(roleAssignments).values({ userId, role: 'admin', source: 'app' });
    await recordAudit(tx, {
      action: existing ? 'admin.password_reset' : 'admin.created',
      outcome: 'success',
      actorLabel: options.via,
      targetType: 'user',
      targetId: userId,
      after: { email, roles: ['admin'] },
    });
    return { userId, created: !existing };
  });
}

/** Whether anyone could sign in at all (a fresh installation has nobody). */
export async function hasAnyUser(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}
