import { z } from 'zod';
import { type CalculationResult, type EntryType, missingFactor } from '../calculation.js';
import type { EmissionTypeId } from '../emission-types.js';
import type { FactorQuery } from '../factors.js';
import type { SubModuleId } from '../modules.js';
import {
  DEFAULT_ELECTRICITY_MIX,
  ELECTRICITY_FACTOR_SET,
  electricityFactor,
} from './energy-factors.js';

export const EQUIPMENT_HOURS_PER_WEEK = 168;

/** Weeks of use in a year: the annual kWh are 52 times the weekly ones. */
export const EQUIPMENT_WEEKS_PER_YEAR = 52;

/** The leaf of each equipment sub-module. */
export const EQUIPMENT_EMISSION_TYPES = {
  scientific: 'equipment.scientific',
  it: 'equipment.it',
  other: 'equipment.other',
} as const satisfies Partial<Record<SubModuleId, EmissionTypeId>>;

type EquipmentSubModule = keyof typeof EQUIPMENT_EMISSION_TYPES;

function equipmentEmissionType(subModule: SubModuleId): EmissionTypeId {
  if (!(subModule in EQUIPMENT_EMISSION_TYPES)) {
    throw new Error(`equipment does not serve sub-module ${subModule}`);
  }
  return EQUIPMENT_EMISSION_TYPES[subModule as EquipmentSubModule];
}

const hours = (what: string) =>
  z
    .number()
    .min(0)
    .max(EQUIPMENT_HOURS_PER_WEEK)
    .optional()
    .describe(`Hours per week ${what}, 0–168; default: the class's typical hours`);

/** Tolerates the rounding of decimal hours, e.g. 100.1 + 67.9. */
const HOURS_EPSILON = 1e-9;

export const equipmentFields = z
  .object({
    inventoryId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("The institution's inventory number, if any"),
    name: z.string().trim().min(1).max(200).describe('What the device is, e.g. Zeiss LSM 980'),
    class: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('Equipment class of the factor set, e.g. microscope'),
    subclass: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Subclass refining the class, e.g. confocal; falls back to the class'),
    activeHoursPerWeek: hours('in use'),
    standbyHoursPerWeek: hours('on standby'),
    quantity: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(1)
      .describe('Identical devices used the same way, default 1'),
  })
  .refine(
    (row) =>
      (row.activeHoursPerWeek ?? 0) + (row.standbyHoursPerWeek ?? 0) <=
      EQUIPMENT_HOURS_PER_WEEK + HOURS_EPSILON,
    {
      message: `active and standby hours add up to more than ${EQUIPMENT_HOURS_PER_WEEK} a week`,
      path: ['standbyHoursPerWeek'],
    },
  );

export type EquipmentFields = z.output<typeof equipmentFields>;

/**
 * kWh = (P_active × h_active + P_standby × h_standby) / 1000 × 52 × quantity;
 * kg = kWh × EF_electricity. Powers (W) and typical weekly hours come from set `equipment`
 * `{ class, subclass }`, falling back to `{ class }` (also when the first has no active power).
 * Hours not given take the class's typical ones, capped so that active + standby ≤ 168 (given
 * hours win; between two defaults, active wins). No standby power or standby hours in the
 * factor count as 0.
 */
export const equipment: EntryType<typeof equipmentFields> = {
  id: 'equipment',
  module: 'equipment-electricity',
  subModules: ['scientific', 'it', 'other'],
  fields: equipmentFields,
  factorSets: ['equipment', ELECTRICITY_FACTOR_SET],
  overrideEmissionType: equipmentEmissionType,
  calculate(fields, { factors }, subModule): CalculationResult {
    const emissionType = equipmentEmissionType(subModule);
    const byClass: FactorQuery = { class: fields.class };
    const query = fields.subclass ? { ...byClass, subclass: fields.subclass } : byClass;
    const chain = query === byClass ? [byClass] : [query, byClass];
    const found = factors.firstWithValue('equipment', chain, 'activePowerW');
    const typicalActive = fields.activeHoursPerWeek ?? found?.factor.values.defaultActiveHours;
    if (!found || typicalActive == null) {
      return { emissions: [], flags: [missingFactor('equipment', query)] };
    }
    const { factor, value: activeW } = found;
    const standbyW = factor.values.standbyPowerW ?? 0;
    const week = EQUIPMENT_HOURS_PER_WEEK;
    const activeHours =
      fields.activeHoursPerWeek ??
      Math.min(typicalActive, week - (fields.standbyHoursPerWeek ?? 0));
    const standbyHours =
      fields.standbyHoursPerWeek ??
      Math.max(0, Math.min(factor.values.defaultStandbyHours ?? 0, week - activeHours));
    const kwh =
      ((activeW * activeHours + standbyW * standbyHours) / 1000) *
      EQUIPMENT_WEEKS_PER_YEAR *
      fields.quantity;
    const electricity = electricityFactor(factors);
    if (!electricity) {
      return {
        emissions: [],
        flags: [missingFactor(ELECTRICITY_FACTOR_SET, DEFAULT_ELECTRICITY_MIX)],
      };
    }
    return {
      emissions: [
        {
          emissionType,
          kgCo2eq: kwh * electricity.kgCo2eqPerKwh,
          quantity: { value: kwh, unit: 'kWh' },
          factorIds: [factor.id, electricity.id],
        },
      ],
      flags: [],
    };
  },
};
