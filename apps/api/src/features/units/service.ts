import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import type { UnitDetail, UnitListQuery } from './contract.js';
import { selectUnitPage, selectUnitsByIds, selectUnitWithPath } from './queries.js';

export async function listUnits(db: Database, query: UnitListQuery) {
  const { items, total } = await selectUnitPage(db, query);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** A unit with its ancestors, read off its materialised path `/<root>/…/<parent>/<self>/`. */
export async function getUnit(db: Database, id: string): Promise<UnitDetail> {
  const row = await selectUnitWithPath(db, id);
  if (!row) throw notFound(`Unit ${id} does not exist.`);
  const { path, ...unit } = row;
  const ancestorIds = path.split('/').filter((segment) => segment && segment !== id);
  return { ...unit, ancestors: await selectUnitsByIds(db, ancestorIds) };
}
