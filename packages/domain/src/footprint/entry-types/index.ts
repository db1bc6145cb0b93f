import type { EntryType } from '../calculation.js';
import type { SubModuleId } from '../modules.js';
import { planeTrip } from './plane-trip.js';

export * from './plane-trip.js';

/** Every data-entry type. */
export const ENTRY_TYPES: readonly EntryType[] = [planeTrip as unknown as EntryType];

/** The entry type serving a sub-module. */
export function entryTypeOf(subModule: SubModuleId): EntryType | undefined {
  return ENTRY_TYPES.find((type) => type.subModules.includes(subModule));
}
