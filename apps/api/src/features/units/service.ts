import { scopesOf } from '@co2-calculator/domain';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import type { UnitDetail, UnitListQuery } from './contract.js';
import {
  selectUnitPage,
  selectUnitsByIds,
  selectUnitWithPath,
  type UnitVisibility,
} from './queries.js';

const visibilities = new WeakMap<Principal, UnitVisibility>();

/** The part of the tree a caller may see, from the scopes of their `units` permission. */
export function unitVisibilityOf(principal: Principal): UnitVisibility {
  let visibility = visibilities.get(principal);
  if (!visibility) {
    visibility = computeVisibility(principal);
    visibilities.set(principal, visibility);
  }
  return visibility;
}

function computeVisibility(principal: Principal): UnitVisibility {
  const scopes = scopesOf(principal.permissions, 'view', 'units');
  if (scopes.global) return { all: true };
  const pathOf = (id: string) => principal.unitPaths.get(id);
  const known = (path: string | undefined): path is string => path !== undefined;
  return {
    all: false,
    unitIds: scopes.units,
    subtreePaths: scopes.subtrees.map(pathOf).filter(known),
    anchorPaths: [...scopes.units, ...scopes.subtrees].map(pathOf).filter(known),
  };
}

export async function listUnits(db: Database, visibility: UnitVisibility, query: UnitListQuery) {
  const { items, total } = await selectUnitPage(db, query, visibility);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** A unit with its ancestors, read off its materialised path `/<root>/…/<parent>/<self>/`. */
export async function getUnit(
  db: Database,
  visibility: UnitVisibility,
  id: string,
): Promise<UnitDetail> {
  // A unit the caller may not see does not exist for them: 404, not 403.
  const row = await selectUnitWithPath(db, id, visibility);
  if (!row) throw notFound(`Unit ${id} does not exist.`);
  const { path, ...unit } = row;
  const ancestorIds = path.split('/').filter((segment) => segment && segment !== id);
  return { ...unit, ancestors: await selectUnitsByIds(db, ancestorIds) };
}
