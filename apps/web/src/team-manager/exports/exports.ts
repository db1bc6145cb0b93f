// Where a sub-module's rows are exported from.
import type { ModuleId, SubModuleId } from '../../shared/api/types';

/** Contract: GET …/modules/{module}/entries.csv?subModule= (the sub-module's columns). */
export function entriesCsvPath(
  unitId: string,
  year: number,
  module: ModuleId,
  subModule: SubModuleId,
): string {
  return `/units/${unitId}/years/${year}/modules/${module}/entries.csv?subModule=${subModule}`;
}
