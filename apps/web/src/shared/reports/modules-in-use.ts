// The modules a year collects, each with its sub-modules in use. As the API decides: a module
// the year has no setting for is in use, with all its sub-modules; one whose setting names no
// sub-modules uses all of them. The Team manager's imports and exports offer these.
import { MODULE_IDS, MODULES } from '@co2-calculator/domain';
import type { ModuleId, SubModuleId, Year } from '../api/types';

export interface ModuleInUse {
  module: ModuleId;
  subModules: SubModuleId[];
}

export function modulesInUse(year: Year | undefined): ModuleInUse[] {
  if (!year) return [];
  return MODULE_IDS.flatMap((module) => {
    const setting = year.modules.find((candidate) => candidate.module === module);
    if (setting && !setting.enabled) return [];
    return [{ module, subModules: setting?.subModules ?? [...MODULES[module]] }];
  });
}
