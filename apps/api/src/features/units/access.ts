import { type Action, can, type Resource } from '@co2-calculator/domain';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { selectUnitWithPath } from './queries.js';
import { unitVisibilityOf } from './service.js';

/** The unit as the caller sees it, with its ancestry; a unit they may not see is a 404. */
export async function visibleUnit(db: Database, principal: Principal, unitId: string) {
  const unit = await selectUnitWithPath(db, unitId, unitVisibilityOf(principal));
  if (!unit) throw notFound(`Unit ${unitId} does not exist.`);
  return { ...unit, unitPath: unit.path.split('/').filter(Boolean) };
}

/** Whether the caller may act on a resource of a unit they can see (404 if they cannot). */
export async function canOnUnit(
  db: Database,
  principal: Principal,
  unitId: string,
  action: Action,
  resource: Resource,
): Promise<boolean> {
  const unit = await visibleUnit(db, principal, unitId);
  return can(principal.permissions, action, resource, { unitId, unitPath: unit.unitPath });
}
