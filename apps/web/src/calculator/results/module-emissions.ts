// Which emission-type leaves belong to which module: a leaf's id starts with its module's
// family ('travel.plane' is professional travel), as packages/domain/src/footprint names them.
import type { ModuleId } from '../../shared/api/types';

const FAMILY: Record<ModuleId, string> = {
  headcount: 'headcount',
  'professional-travel': 'travel',
  buildings: 'buildings',
  'equipment-electricity': 'equipment',
  purchases: 'purchases',
  'research-facilities': 'facilities',
  'external-cloud-ai': 'digital',
  'process-emissions': 'process',
};

export interface EmissionTypeTotal {
  id: string;
  kg: number;
}

/** The module's leaves with their kg, largest first. */
export function emissionTypesOf(
  module: ModuleId,
  byEmissionType: Readonly<Record<string, number>>,
): EmissionTypeTotal[] {
  const prefix = `${FAMILY[module]}.`;
  return Object.entries(byEmissionType)
    .filter(([id]) => id.startsWith(prefix))
    .map(([id, kg]) => ({ id, kg }))
    .sort((a, b) => b.kg - a.kg);
}
