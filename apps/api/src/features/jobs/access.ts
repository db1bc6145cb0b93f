import { type Action, scopesOf } from '@co2-calculator/domain';
import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import { dataIngestionJobs } from './table.js';

/**
 * The jobs a caller may `action` (view, or edit: cancel and retry), as a filter: admins every
 * job; principals the jobs of their units; back-office officers (view) those of the units of
 * their subtree. A job of no unit (an institution-wide import, a factor set, a sync) is only
 * seen with a global grant. `undefined` means no restriction.
 */
export function jobScope(principal: Principal, action: Action): SQL | undefined {
  const scopes = scopesOf(principal.permissions, action, 'jobs');
  if (scopes.global) return undefined;
  const paths = scopes.subtrees
    .map((id) => principal.unitPaths.get(id))
    .filter((path): path is string => path !== undefined);
  const conditions = [
    scopes.units.length ? inArray(dataIngestionJobs.unitId, scopes.units) : undefined,
    ...paths.map(
      (path) =>
        sql`${dataIngestionJobs.unitId} in (select id from units where path like ${path + '%'})`,
    ),
  ].filter((condition): condition is SQL => condition !== undefined);
  return conditions.length ? or(...conditions) : sql`false`;
}
