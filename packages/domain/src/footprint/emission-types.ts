/**
 * The emission-type taxonomy: every emission computed belongs to one leaf, and the leaf fixes
 * its GHG Protocol scope and its reporting category. Results are summed by scope, category,
 * module and leaf. `itFocus` leaves make up the "IT focus" total.
 */
export const CATEGORIES = [
  'energy',
  'equipment-electricity',
  'business-travel',
  'commuting',
  'food',
  'waste',
  'infrastructure',
  'purchases',
  'research-facilities',
  'digital',
  'process',
] as const;

export type Category = (typeof CATEGORIES)[number];
export type Scope = 1 | 2 | 3;

export interface EmissionTypeInfo {
  scope: Scope;
  category: Category;
  itFocus?: true;
}

export const EMISSION_TYPES = {
  'headcount.commuting': { scope: 3, category: 'commuting' },
  'headcount.food': { scope: 3, category: 'food' },
  'headcount.waste': { scope: 3, category: 'waste' },
  'travel.plane': { scope: 3, category: 'business-travel' },
  'travel.train': { scope: 3, category: 'business-travel' },
  'buildings.heating.electric': { scope: 2, category: 'energy' },
  'buildings.heating.thermal': { scope: 1, category: 'energy' },
  'buildings.cooling': { scope: 2, category: 'energy' },
  'buildings.ventilation': { scope: 2, category: 'energy' },
  'buildings.lighting': { scope: 2, category: 'energy' },
  'buildings.combustion': { scope: 1, category: 'energy' },
  'buildings.embodied': { scope: 3, category: 'infrastructure' },
  'equipment.scientific': { scope: 2, category: 'equipment-electricity' },
  'equipment.it': { scope: 2, category: 'equipment-electricity', itFocus: true },
  'equipment.other': { scope: 2, category: 'equipment-electricity' },
  'purchases.scientific-equipment': { scope: 3, category: 'purchases' },
  'purchases.it-equipment': { scope: 3, category: 'purchases', itFocus: true },
  'purchases.consumables': { scope: 3, category: 'purchases' },
  'purchases.bio-chem-gas': { scope: 3, category: 'purchases' },
  'purchases.services': { scope: 3, category: 'purchases' },
  'purchases.vehicles': { scope: 3, category: 'purchases' },
  'purchases.other': { scope: 3, category: 'purchases' },
  'purchases.centralised': { scope: 3, category: 'purchases' },
  'facilities.common': { scope: 3, category: 'research-facilities' },
  'facilities.computing': { scope: 3, category: 'research-facilities', itFocus: true },
  'facilities.animal': { scope: 3, category: 'research-facilities' },
  'digital.cloud': { scope: 3, category: 'digital', itFocus: true },
  'digital.ai': { scope: 3, category: 'digital', itFocus: true },
  'process.gases': { scope: 1, category: 'process' },
  'process.refrigerants': { scope: 1, category: 'process' },
} as const satisfies Record<string, EmissionTypeInfo>;

export type EmissionTypeId = keyof typeof EMISSION_TYPES;

export const EMISSION_TYPE_IDS = Object.keys(EMISSION_TYPES) as EmissionTypeId[];

export function emissionTypeInfo(id: EmissionTypeId): EmissionTypeInfo {
  return EMISSION_TYPES[id];
}
