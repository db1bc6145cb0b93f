import { and, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { roleAssignments, users } from '../users/table.js';

/**
 * The account of a row's traveller: a person holding a role in the unit whose e-mail address
 * or display name is the row's `traveller` (case ignored). Such a person may see and edit the
 * row as a standard user. No match, or an ambiguous one, links nobody.
 */
export async function travellerAccount(
  db: Database,
  unitId: string,
  fields: Record<string, unknown>,
): Promise<string | null> {
  const traveller =
    typeof fields.traveller === 'string' ? fields.traveller.trim().toLowerCase() : '';
  if (!traveller) return null;
  const matches = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(roleAssignments.unitId, unitId),
        eq(users.active, true),
        or(eq(users.email, traveller), eq(sql`lower(${users.displayName})`, traveller)),
      ),
    )
    .limit(2);
  return matches.length === 1 ? matches[0]!.id : null;
}
