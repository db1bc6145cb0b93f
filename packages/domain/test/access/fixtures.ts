import type { PermissionTarget } from '../../src/index.js';

// A small unit tree: institution I › faculty F › institute T › labs L and L2; faculty G › lab M.
export const I = '10000000-0000-4000-8000-000000000001';
export const F = '20000000-0000-4000-8000-000000000002';
export const T = '30000000-0000-4000-8000-000000000003';
export const L = '40000000-0000-4000-8000-000000000004';
export const L2 = '40000000-0000-4000-8000-000000000005';
export const G = '20000000-0000-4000-8000-000000000006';
export const M = '40000000-0000-4000-8000-000000000007';

export const PATHS: Readonly<Record<string, readonly string[]>> = {
  [I]: [I],
  [F]: [I, F],
  [T]: [I, F, T],
  [L]: [I, F, T, L],
  [L2]: [I, F, T, L2],
  [G]: [I, G],
  [M]: [I, G, M],
};

export const UNIT_IDS = Object.keys(PATHS);

export function at(unitId: string, ownedByCaller?: boolean): PermissionTarget {
  const unitPath = PATHS[unitId];
  if (!unitPath) throw new Error(`not in the fixture tree: ${unitId}`);
  return ownedByCaller === undefined ? { unitId, unitPath } : { unitId, unitPath, ownedByCaller };
}
