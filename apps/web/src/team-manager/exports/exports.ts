// What a year lets the unit export: one CSV per sub-module in use, of every module in use. As
// the API: a module the year has no setting for is in use with all its sub-modules.
import { MODULE_IDS, MODULES } from '@co2-calculator/domain';
import type { ModuleId, SubModuleId, Year } from '../../shared/api/types';

export interface ModuleExport {
  module: ModuleId;
  subModules: SubModuleId[];
}

export function exportsOf(year: Year | undefined): ModuleExport[] {
  if (!year) return [];
  return MODULE_IDS.flatMap((module) => {
    const setting = year.modules.find((candidate) => candidate.module === module);
    if (setting && !setting.enabled) return [];
    return [{ module, subModules: setting?.subModules ?? [...MODULES[module]] }];
  });
}

/** Contract: GET …/modules/{module}/entries.csv?subModule= (the sub-module's columns). */
export function entriesCsvPath(
  unitId: string,
  year: number,
  module: ModuleId,
  subModule: SubModuleId,
): string {
  return `/units/${unitId}/years/${year}/modules/${module}/entries.csv?subModule=${subModule}`;
}
