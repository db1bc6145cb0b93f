import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { loginThrottle } from './table.js';

export interface ThrottlePolicy {
  maxFailures: number;
  lockoutMinutes: number;
}

/** When the address is locked out, the time it opens again. */
export async function lockedUntil(db: Database, email: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.email, email));
  return row?.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil : undefined;
}

/**
 * Counts a failed sign-in in one statement (concurrent failures cannot lose a count); the
 * `maxFailures`-th consecutive failure locks the address for `lockoutMinutes`, and the count
 * starts again after that.
 */
export async function recordFailure(db: Database, email: string, policy: ThrottlePolicy) {
  await db.execute(sql`
    insert into login_throttle (email, failures, last_failure_at)
    values (${email}, 1, now())
    on conflict (email) do update set
      failures = case when login_throttle.locked_until is not null
                       and login_throttle.locked_until <= now() then 1
                      else login_throttle.failures + 1 end,
      locked_until = case when login_throttle.locked_until is not null
                           and login_throttle.locked_until <= now() then null
                          when login_throttle.failures + 1 >= ${policy.maxFailures}
                          then now() + make_interval(mins => ${policy.lockoutMinutes})
                          else login_throttle.locked_until end,
      last_failure_at = now()`);
}

export async function clearFailures(db: Database, email: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.email, email));
}
