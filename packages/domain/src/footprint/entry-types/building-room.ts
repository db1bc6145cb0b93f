import { z } from 'zod';
import {
  type CalculationFlag,
  type CalculationResult,
  type EmissionLine,
  type EntryType,
  missingFactor,
  missingReference,
} from '../calculation.js';
import type { EmissionTypeId } from '../emission-types.js';
import { classificationKey, type Factor, type FactorIndex } from '../factors.js';
import {
  DEFAULT_ELECTRICITY_MIX,
  ELECTRICITY_FACTOR_SET,
  electricityFactor,
} from './energy-factors.js';

/** The energy uses of a room, each with its own intensity (kWh per m² per year). */
export const BUILDING_USES = ['heating', 'cooling', 'ventilation', 'lighting'] as const;

export type BuildingUse = (typeof BUILDING_USES)[number];

/** The `building` of the fallback factors that hold for any building. */
export const ANY_BUILDING = '*';

/**
 * The heating energy that is grid electricity (direct electric heating, heat pumps): booked in
 * scope 2 with the electricity factor. Every other energy (district heating, gas boiler…) is
 * thermal: scope 1, with the factor of set `heat`.
 */
export const ELECTRIC_HEATING_ENERGY = 'electricity';

/** Emission type of the electric uses other than heating. */
const ELECTRIC_USE_TYPES = {
  cooling: 'buildings.cooling',
  ventilation: 'buildings.ventilation',
  lighting: 'buildings.lighting',
} as const satisfies Record<Exclude<BuildingUse, 'heating'>, EmissionTypeId>;

/** A building code or room type: `*` is reserved for the fallback factors. */
export const buildingReferenceKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((value) => value !== ANY_BUILDING, `'${ANY_BUILDING}' is reserved for fallback factors`);

export const buildingRoomFields = z.object({
  building: buildingReferenceKey.describe('Building code, as in the room reference data, e.g. BC'),
  room: z.string().trim().min(1).max(100).describe('Room code within the building, e.g. BC 410'),
  roomType: buildingReferenceKey
    .optional()
    .describe("Room type selecting the energy intensities; default: the reference room's type"),
  allocationRatio: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe('Share of the room used by the unit, from 0 to 1; default 1 (the whole room)'),
});

export type BuildingRoomFields = z.output<typeof buildingRoomFields>;

/** Adds a flag unless the same missing factor was already flagged for the row. */
function addFlag(flags: CalculationFlag[], flag: CalculationFlag) {
  const same = (other: CalculationFlag) =>
    other.code === 'missing-factor' &&
    flag.code === 'missing-factor' &&
    other.factorSet === flag.factorSet &&
    classificationKey(other.classification) === classificationKey(flag.classification);
  if (!flags.some(same)) flags.push(flag);
}

/** The heating energies of a building and their shares: its own, else those of building `*`. */
function heatingShares(factors: FactorIndex, building: string): Factor[] {
  const own = factors.filter('building-heating', { building });
  return own.length > 0 ? own : factors.filter('building-heating', { building: ANY_BUILDING });
}

/**
 * kWh of a use = area (reference room) × allocationRatio × kWh/m²[building, roomType, use];
 * kg = kWh × EF. Heating is split among the building's heating energies by their shares:
 * electricity → scope 2 with the electricity factor, any other energy → scope 1 with its `heat`
 * factor. Intensities fall back to building `*` (also when the building's own has no value), and
 * so do the heating shares of a building that has none. A use, energy or factor without a value
 * is skipped and flagged; the other uses still count.
 */
export const buildingRoom: EntryType<typeof buildingRoomFields> = {
  id: 'building-room',
  module: 'buildings',
  subModules: ['rooms'],
  fields: buildingRoomFields,
  factorSets: ['building-energy', 'building-heating', 'heat', ELECTRICITY_FACTOR_SET],
  overrideEmissionType: () => 'buildings.heating.thermal',
  calculate(fields, { factors, references }): CalculationResult {
    const { building, room } = fields;
    const reference = references.room?.(building, room);
    if (!reference) {
      return {
        emissions: [],
        flags: [
          missingReference(
            `room ${building}/${room}`,
            `Unknown room ${room} in building ${building}.`,
          ),
        ],
      };
    }
    const roomType = fields.roomType ?? reference.roomType;
    if (!roomType) {
      return {
        emissions: [],
        flags: [
          missingReference(
            `room type ${building}/${room}`,
            `Room ${room} in building ${building} has no room type: give one with the row.`,
          ),
        ],
      };
    }
    const areaM2 = reference.areaM2 * fields.allocationRatio;
    const emissions: EmissionLine[] = [];
    const flags: CalculationFlag[] = [];

    /** One line of `kwh` kWh of grid electricity, if the year has an electricity factor. */
    const electric = (emissionType: EmissionTypeId, kwh: number, factorIds: string[]) => {
      const factor = electricityFactor(factors);
      if (!factor) {
        addFlag(flags, missingFactor(ELECTRICITY_FACTOR_SET, DEFAULT_ELECTRICITY_MIX));
        return;
      }
      emissions.push({
        emissionType,
        kgCo2eq: kwh * factor.kgCo2eqPerKwh,
        quantity: { value: kwh, unit: 'kWh' },
        factorIds: [...factorIds, factor.id],
      });
    };

    for (const use of BUILDING_USES) {
      const found = factors.firstWithValue(
        'building-energy',
        [
          { building, roomType, use },
          { building: ANY_BUILDING, roomType, use },
        ],
        'kwhPerM2',
      );
      if (!found) {
        addFlag(flags, missingFactor('building-energy', { building, roomType, use }));
        continue;
      }
      const intensity = found.factor;
      const kwh = areaM2 * found.value;
      if (use !== 'heating') {
        electric(ELECTRIC_USE_TYPES[use], kwh, [intensity.id]);
        continue;
      }
      const shares = heatingShares(factors, building);
      if (shares.length === 0) addFlag(flags, missingFactor('building-heating', { building }));
      for (const share of shares) {
        const energy = share.classification.energy;
        if (energy === undefined || share.values.share == null) {
          addFlag(flags, missingFactor('building-heating', share.classification));
          continue;
        }
        const energyKwh = kwh * share.values.share;
        if (energy === ELECTRIC_HEATING_ENERGY) {
          electric('buildings.heating.electric', energyKwh, [intensity.id, share.id]);
          continue;
        }
        const heat = factors.firstWithValue('heat', [{ energy }], 'kgCo2eqPerKwh');
        if (!heat) {
          addFlag(flags, missingFactor('heat', { energy }));
          continue;
        }
        emissions.push({
          emissionType: 'buildings.heating.thermal',
          kgCo2eq: energyKwh * heat.value,
          quantity: { value: energyKwh, unit: 'kWh' },
          factorIds: [intensity.id, share.id, heat.factor.id],
        });
      }
    }
    return { emissions, flags };
  },
};
