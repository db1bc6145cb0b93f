// Addresses in the Calculator, another app (its own page and router): plain links, in the
// language the user reads this app in.
import type { ModuleId } from '../../shared/api/types';
import { CALCULATOR } from '../../shared/web-apps';

export function calculatorModuleUrl(
  locale: string,
  unitId: string,
  year: number,
  module: ModuleId,
): string {
  return `${CALCULATOR.basePath}${locale}/units/${unitId}/${year}/modules/${module}`;
}

export function calculatorResultsUrl(locale: string, unitId: string, year: number): string {
  return `${CALCULATOR.basePath}${locale}/units/${unitId}/${year}/results`;
}
