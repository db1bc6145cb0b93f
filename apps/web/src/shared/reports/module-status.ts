// PUT …/modules/{module}/status: a principal validates a module (its rows are then frozen and
// count in the results) or sets it back in progress. The Calculator's module page and the Team
// manager's validation matrix both do it.
import { http } from '../api/http';
import type { ModuleId } from '../api/types';

export type SettableModuleStatus = 'validated' | 'in_progress';

export async function setModuleStatus(
  unitId: string,
  year: number,
  module: ModuleId,
  status: SettableModuleStatus,
): Promise<void> {
  await http.put(`/units/${unitId}/years/${year}/modules/${module}/status`, { status });
}
