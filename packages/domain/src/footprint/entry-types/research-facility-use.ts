import { z } from 'zod';
import { type CalculationResult, type EntryType, missingReference } from '../calculation.js';
import type { EmissionTypeId } from '../emission-types.js';
import type { SubModuleId } from '../modules.js';

export const researchFacilityUseFields = z.object({
  facility: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('The research facility used, by its name in the facility register'),
  use: z.number().min(0).describe("The unit's use of the facility in the year, in `useUnit`"),
  useUnit: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .describe("Unit of the use, the facility's own (e.g. hours, cage-days)"),
});

export type ResearchFacilityUseFields = z.output<typeof researchFacilityUseFields>;

/** An override is booked without the facility register, so a computing facility's is common. */
function overrideEmissionType(subModule: SubModuleId): EmissionTypeId {
  return subModule === 'animal-facilities' ? 'facilities.animal' : 'facilities.common';
}

/**
 * kg = use / totalUse × facilityKg: the unit's share of the facility's own footprint for the
 * year (computed from the facility's own report), both read from the facility register.
 * Booked under `facilities.animal` in the animal-facilities sub-module, else under
 * `facilities.computing` when the facility is flagged computing, else `facilities.common`.
 */
export const researchFacilityUse: EntryType<typeof researchFacilityUseFields> = {
  id: 'research-facility-use',
  module: 'research-facilities',
  subModules: ['common-facilities', 'animal-facilities'],
  fields: researchFacilityUseFields,
  factorSets: [],
  overrideEmissionType,
  calculate(fields, { references }, subModule): CalculationResult {
    const facility = references.facility?.(fields.facility);
    if (!facility) {
      return {
        emissions: [],
        flags: [
          missingReference(
            `facility ${fields.facility}`,
            `Unknown research facility ${fields.facility}, or no footprint for the year.`,
          ),
        ],
      };
    }
    const { totalUse, kgCo2eq } = facility;
    if (!(totalUse > 0) || !Number.isFinite(totalUse) || !Number.isFinite(kgCo2eq)) {
      return {
        emissions: [],
        flags: [
          missingReference(
            `facility ${fields.facility}`,
            `Research facility ${fields.facility} has no total use (or no footprint) to share.`,
          ),
        ],
      };
    }
    const emissionType: EmissionTypeId =
      subModule === 'animal-facilities'
        ? 'facilities.animal'
        : facility.computing
          ? 'facilities.computing'
          : 'facilities.common';
    return {
      emissions: [
        {
          emissionType,
          kgCo2eq: (fields.use / totalUse) * kgCo2eq,
          quantity: { value: fields.use, unit: 'unit' },
          factorIds: [],
        },
      ],
      flags: [],
    };
  },
};
