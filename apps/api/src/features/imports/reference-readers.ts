import {
  buildingRoom,
  cloudService,
  planeTrip,
  purchase,
  researchFacilityUse,
  type SubModuleId,
  trainTrip,
} from '@co2-calculator/domain';

/**
 * The sub-modules whose calculation reads each kind of reference data (the calculators call
 * `references.airport`, `station`, `room`, `exchangeRate` or `facility`): their rows are
 * recalculated after an import changes that data.
 */
export const subModulesReading = {
  airports: planeTrip.subModules,
  railwayStations: trainTrip.subModules,
  buildingRooms: buildingRoom.subModules,
  // Amounts in another currency than the factors' (euros) are converted at the year's rate.
  exchangeRates: [...purchase.subModules, ...cloudService.subModules],
  researchFacilities: researchFacilityUse.subModules,
} satisfies Record<string, readonly SubModuleId[]>;
