import { z } from 'zod';
import { type CalculationResult, type EntryType, missingFactor } from '../calculation.js';
import { ANY_BUILDING, buildingReferenceKey } from './building-room.js';

/** The parts of a building whose construction emissions are counted, each with its factor. */
export const EMBODIED_CATEGORIES = [
  'structure',
  'envelope',
  'technical-installations',
  'interior-fit-out',
] as const;

export const embodiedEnergyFields = z.object({
  building: buildingReferenceKey.describe('Building code, e.g. BC'),
  category: z.enum(EMBODIED_CATEGORIES).describe('Building part, e.g. structure'),
  areaM2: z
    .number()
    .min(0)
    .max(1e7)
    .describe('Floor area the row accounts for, in m² (usually the rooms the unit occupies)'),
  allocationRatio: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe('Share of that area attributed to the unit, from 0 to 1; default 1'),
});

export type EmbodiedEnergyFields = z.output<typeof embodiedEnergyFields>;

/**
 * kg CO2-eq = areaM2 × allocationRatio × EF[building, category], EF in kg CO2-eq per m² and
 * per year: the part's construction emissions divided by its service life. A building without
 * its own factor for the category (or whose own factor has no value) falls back to building `*`.
 */
export const embodiedEnergy: EntryType<typeof embodiedEnergyFields> = {
  id: 'embodied-energy',
  module: 'buildings',
  subModules: ['embodied'],
  fields: embodiedEnergyFields,
  factorSets: ['embodied'],
  overrideEmissionType: () => 'buildings.embodied',
  calculate({ building, category, areaM2, allocationRatio }, { factors }): CalculationResult {
    const found = factors.firstWithValue(
      'embodied',
      [
        { building, category },
        { building: ANY_BUILDING, category },
      ],
      'kgCo2eqPerM2',
    );
    if (!found) {
      return { emissions: [], flags: [missingFactor('embodied', { building, category })] };
    }
    const allocatedM2 = areaM2 * allocationRatio;
    return {
      emissions: [
        {
          emissionType: 'buildings.embodied',
          kgCo2eq: allocatedM2 * found.value,
          quantity: { value: allocatedM2, unit: 'm2' },
          factorIds: [found.factor.id],
        },
      ],
      flags: [],
    };
  },
};
