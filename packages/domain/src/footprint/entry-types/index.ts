import type { EntryType } from '../calculation.js';
import type { SubModuleId } from '../modules.js';
import { planeTrip } from './plane-trip.js';
import { headcountMember, headcountStudents } from './headcount.js';
import { trainTrip } from './train-trip.js';
import { processGas } from './process-gas.js';
import { buildingRoom } from './building-room.js';
import { combustion } from './combustion.js';
import { embodiedEnergy } from './embodied-energy.js';
import { equipment } from './equipment.js';
import { purchase } from './purchase.js';
import { centralisedPurchase } from './centralised-purchase.js';
import { researchFacilityUse } from './research-facility-use.js';
import { cloudService } from './cloud-service.js';
import { aiUsage } from './ai-usage.js';

export * from './plane-trip.js';
export * from './headcount.js';
export * from './train-trip.js';
export * from './process-gas.js';
export * from './building-room.js';
export * from './combustion.js';
export * from './embodied-energy.js';
export * from './equipment.js';
export * from './money.js';
export * from './purchase.js';
export * from './centralised-purchase.js';
export * from './research-facility-use.js';
export * from './cloud-service.js';
export * from './ai-usage.js';

/** Every data-entry type. */
export const ENTRY_TYPES: readonly EntryType[] = [
  planeTrip as unknown as EntryType,
  headcountMember as unknown as EntryType,
  headcountStudents as unknown as EntryType,
  trainTrip as unknown as EntryType,
  processGas as unknown as EntryType,
  buildingRoom as unknown as EntryType,
  combustion as unknown as EntryType,
  embodiedEnergy as unknown as EntryType,
  equipment as unknown as EntryType,
  purchase as unknown as EntryType,
  centralisedPurchase as unknown as EntryType,
  researchFacilityUse as unknown as EntryType,
  cloudService as unknown as EntryType,
  aiUsage as unknown as EntryType,
];

/** The entry type serving a sub-module. */
export function entryTypeOf(subModule: SubModuleId): EntryType | undefined {
  return ENTRY_TYPES.find((type) => type.subModules.includes(subModule));
}
