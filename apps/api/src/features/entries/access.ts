import { can, entriesResource, type ModuleId } from '@co2-calculator/domain';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { visibleUnit } from '../units/access.js';

export interface UnitAccess {
  unitId: string;
  unitPath: string[];
  /** May act on every row of the module. */
  all: (action: 'view' | 'edit' | 'export') => boolean;
  /** May act on the rows they own (created, or travelled). */
  own: (action: 'view' | 'edit') => boolean;
}

/**
 * What the caller may do with a unit's rows of a module. A unit they may not see is a 404
 * (its existence is not confirmed); the route guard has already checked the permission exists
 * somewhere.
 */
export async function unitAccess(
  db: Database,
  principal: Principal,
  unitId: string,
  module: ModuleId,
): Promise<UnitAccess> {
  const { unitPath } = await visibleUnit(db, principal, unitId);
  const resource = entriesResource(module);
  const target = { unitId, unitPath };
  return {
    unitId,
    unitPath,
    all: (action) => can(principal.permissions, action, resource, target),
    own: (action) =>
      can(principal.permissions, action, resource, { ...target, ownedByCaller: true }),
  };
}
