import { z } from 'zod';
import { AI_ANY_PROVIDER } from '../footprint/entry-types/ai-usage.js';
import { ANY_BUILDING, BUILDING_USES } from '../footprint/entry-types/building-room.js';
import { CLOUD_ANY } from '../footprint/entry-types/cloud-service.js';
import { COMBUSTION_FUELS, COMBUSTION_UNITS } from '../footprint/entry-types/combustion.js';
import { EMBODIED_CATEGORIES } from '../footprint/entry-types/embodied-energy.js';
import { DEFAULT_ELECTRICITY_MIX } from '../footprint/entry-types/energy-factors.js';
import { EQUIPMENT_HOURS_PER_WEEK } from '../footprint/entry-types/equipment.js';
import {
  HEADCOUNT_CATEGORIES,
  HEADCOUNT_STAFF_FACTOR_SET,
  HEADCOUNT_STUDENTS_FACTOR_SET,
  type HeadcountCategory,
} from '../footprint/entry-types/headcount.js';
import { FLIGHT_CLASSES } from '../footprint/entry-types/plane-trip.js';
import { PROCESS_GAS_SUB_MODULES } from '../footprint/entry-types/process-gas.js';
import { PURCHASE_DEFAULT_CODE, PURCHASE_SUB_MODULES } from '../footprint/entry-types/purchase.js';
import { TRAIN_FALLBACK_COUNTRY } from '../footprint/entry-types/train-trip.js';
import { CAR_KM_FACTOR } from '../footprint/derived.js';
import type { EmissionTypeId } from '../footprint/emission-types.js';
import type { SubModuleId } from '../footprint/modules.js';
import type { CsvCells } from './format.js';

/**
 * What a factor set's rows look like, set by set: the classification keys its calculators
 * look up (docs/methodology/, "Factors"), its values, the leaf its factors book emissions
 * under and the unit its main value is per. The CSV format of each set is built from this.
 */
export interface FactorSetSpec {
  factorSet: string;
  title: string;
  /** The sub-modules reading it, when fewer than those of the entry types naming the set. */
  subModules?: readonly SubModuleId[];
  /** The leaves its factors may produce; none for intermediate factors (intensities, powers). */
  emissionTypes: readonly EmissionTypeId[];
  /** The leaf of a row that leaves `emissionType` empty; default: the only one. */
  emissionTypeOf?: (classification: Readonly<Record<string, string>>) => EmissionTypeId;
  /** Classification keys, in column order: text (or one of a list) cells. */
  keys: Record<string, z.ZodType<string | undefined>>;
  /** Values, in column order: number cells; an empty optional value is stored as null. */
  values: Record<string, z.ZodType<number | undefined>>;
  /** What the main value is per, in words: the default of the `factorUnit` column. */
  unit: string | ((classification: Readonly<Record<string, string>>) => string);
  /** The default unit in words, for the column's description when it depends on the row. */
  unitDescription?: string;
  /** Rules across the row's columns. */
  refine?: (row: Record<string, unknown>, context: z.RefinementCtx) => void;
  example: CsvCells;
}

const key = (description: string, max = 100) =>
  z.string().trim().min(1).max(max).describe(description);
const amount = (description: string) => z.number().min(0).describe(description);
const optionalAmount = (description: string) => z.number().min(0).optional().describe(description);
const nacres = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}\d{2}$/, 'must be a NACRES code: two letters, two digits');

const ILLUSTRATIVE = { source: 'illustrative' };
const IPCC_AR5 = {
  source: 'IPCC AR5 WG1 (2013)',
  citation: 'chapter 8, table 8.A.1: GWP100',
};

function headcountSet(factorSet: string, whose: string): FactorSetSpec {
  const categories = Object.keys(HEADCOUNT_CATEGORIES) as HeadcountCategory[];
  const units = { commuting: 'km', food: 'meal', waste: 'kg' } as const;
  const categoryOf = (classification: Readonly<Record<string, string>>) =>
    classification.category as HeadcountCategory;
  return {
    factorSet,
    title: `Per-FTE activity and emission factors of ${whose}: commuting, food, waste`,
    emissionTypes: categories.map((category) => HEADCOUNT_CATEGORIES[category].emissionType),
    emissionTypeOf: (classification) =>
      HEADCOUNT_CATEGORIES[categoryOf(classification)].emissionType,
    keys: {
      category: z.enum(categories).describe('Additional category the factor counts in'),
      class: key('Kind within the category, e.g. car, public-transport, meat-meal, incinerated'),
    },
    values: {
      unitsPerFte: amount('Activity per FTE and year: km commuted, meals eaten or kg of waste'),
      kgCo2eqPerUnit: amount('kg CO2-eq per km, per meal or per kg of waste'),
    },
    unit: (classification) => `kg CO2-eq / ${units[categoryOf(classification)]}`,
    unitDescription: 'kg CO2-eq / km, / meal or / kg, by category',
    refine(row, context) {
      const category = row.category as HeadcountCategory;
      const expected = HEADCOUNT_CATEGORIES[category].emissionType;
      if (row.emissionType !== undefined && row.emissionType !== expected) {
        context.addIssue({
          code: 'custom',
          path: ['emissionType'],
          message: `must be ${expected} for category ${category}`,
        });
      }
    },
    example: {
      emissionType: 'headcount.commuting',
      category: 'commuting',
      class: 'car',
      unitsPerFte: 2200,
      kgCo2eqPerUnit: 0.19,
      ...ILLUSTRATIVE,
    },
  };
}

function processGasSet(
  subModule: keyof typeof PROCESS_GAS_SUB_MODULES,
  title: string,
  example: CsvCells,
): FactorSetSpec {
  const { factorSet, emissionType } = PROCESS_GAS_SUB_MODULES[subModule];
  return {
    factorSet,
    title,
    subModules: [subModule],
    emissionTypes: [emissionType],
    keys: { code: key('Gas or refrigerant code, e.g. CO2, CH4, R-134a', 50) },
    values: { gwp100: amount('100-year global warming potential: kg CO2-eq per kg released') },
    unit: 'kg CO2-eq / kg',
    example: { emissionType, ...example, ...IPCC_AR5 },
  };
}

export const FACTOR_SET_SPECS: readonly FactorSetSpec[] = [
  {
    factorSet: 'plane',
    title: 'Flights: per passenger-km by haul band and cabin class',
    emissionTypes: ['travel.plane'],
    keys: {
      haul: key('Haul band, e.g. short, medium, long; its bounds are the distance columns'),
      class: z
        .enum(FLIGHT_CLASSES)
        .describe('Cabin class; a class without a factor in a band falls back to economy'),
    },
    values: {
      kgCo2eqPerKm: amount('kg CO2-eq per passenger-km, without non-CO2 effects'),
      minDistanceKm: optionalAmount('Shortest distance of the band in km (included); empty: 0'),
      maxDistanceKm: z
        .number()
        .positive()
        .optional()
        .describe('Longest distance of the band in km (excluded); empty: no bound'),
      rfi: z
        .number()
        .positive()
        .optional()
        .describe('Radiative forcing index multiplying the emission (non-CO2 effects); empty: 1'),
    },
    unit: 'kg CO2-eq / passenger-km',
    refine(row, context) {
      const min = row.minDistanceKm as number | undefined;
      const max = row.maxDistanceKm as number | undefined;
      if (max !== undefined && max <= (min ?? 0)) {
        context.addIssue({
          code: 'custom',
          path: ['maxDistanceKm'],
          message: 'must be above minDistanceKm',
        });
      }
    },
    example: {
      emissionType: 'travel.plane',
      haul: 'long',
      class: 'economy',
      kgCo2eqPerKm: 0.083,
      minDistanceKm: 3500,
      rfi: 1.9,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: 'train',
    title: 'Trains: per passenger-km by country of the departure station',
    emissionTypes: ['travel.train'],
    keys: {
      country: z
        .string()
        .trim()
        .regex(
          /^(?:[A-Z]{2}|RoW)$/,
          `must be a two-letter ISO 3166-1 country code, or ${TRAIN_FALLBACK_COUNTRY}`,
        )
        .describe(
          `ISO 3166-1 alpha-2 code of the country, e.g. CH; ${TRAIN_FALLBACK_COUNTRY} for the rest of the world`,
        ),
    },
    values: {
      kgCo2eqPerKm: amount('kg CO2-eq per passenger-km'),
      firstClassMultiplier: z
        .number()
        .positive()
        .optional()
        .describe('Multiplies the factor for first class; empty: 1'),
    },
    unit: 'kg CO2-eq / passenger-km',
    example: {
      emissionType: 'travel.train',
      country: 'CH',
      kgCo2eqPerKm: 0.007,
      firstClassMultiplier: 1.5,
      ...ILLUSTRATIVE,
    },
  },
  headcountSet(HEADCOUNT_STAFF_FACTOR_SET, 'staff (members)'),
  headcountSet(HEADCOUNT_STUDENTS_FACTOR_SET, 'students'),
  {
    factorSet: 'electricity',
    title: 'Grid electricity, per kWh (buildings and equipment)',
    emissionTypes: [],
    keys: {
      mix: key('Electricity mix; the calculators read the mix named default').default(
        DEFAULT_ELECTRICITY_MIX.mix,
      ),
    },
    values: { kgCo2eqPerKwh: amount('kg CO2-eq per kWh of electricity') },
    unit: 'kg CO2-eq / kWh',
    example: { mix: DEFAULT_ELECTRICITY_MIX.mix, kgCo2eqPerKwh: 0.125, ...ILLUSTRATIVE },
  },
  {
    factorSet: 'equipment',
    title: 'Equipment: electric power and typical hours by class and subclass',
    emissionTypes: [],
    keys: {
      class: key('Equipment class, e.g. microscope, freezer, workstation'),
      subclass: key(
        'Subclass refining the class, e.g. confocal; empty for the whole class',
      ).optional(),
    },
    values: {
      activePowerW: amount('Power in use, in W'),
      standbyPowerW: optionalAmount('Power on standby, in W; empty: 0'),
      defaultActiveHours: z
        .number()
        .min(0)
        .max(EQUIPMENT_HOURS_PER_WEEK)
        .optional()
        .describe('Typical hours per week in use, for rows that give none'),
      defaultStandbyHours: z
        .number()
        .min(0)
        .max(EQUIPMENT_HOURS_PER_WEEK)
        .optional()
        .describe('Typical hours per week on standby, for rows that give none; empty: 0'),
    },
    unit: 'W',
    example: {
      class: 'microscope',
      subclass: 'confocal',
      activePowerW: 1200,
      standbyPowerW: 150,
      defaultActiveHours: 30,
      defaultStandbyHours: 20,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: 'purchases',
    title: 'Purchases: per euro spent, by NACRES code or as a sub-module default',
    emissionTypes: [],
    keys: {
      code: z
        .string()
        .trim()
        .toUpperCase()
        .min(1)
        .max(20)
        .describe(`NACRES code, e.g. NB13; ${PURCHASE_DEFAULT_CODE} for a sub-module's default`),
      subModule: z
        .enum(PURCHASE_SUB_MODULES)
        .optional()
        .describe(`The sub-module of a default (code ${PURCHASE_DEFAULT_CODE}); empty otherwise`),
    },
    values: { kgCo2eqPerEur: amount('kg CO2-eq per euro spent') },
    unit: 'kg CO2-eq / EUR',
    refine(row, context) {
      const isDefault = row.code === PURCHASE_DEFAULT_CODE;
      if (isDefault !== (row.subModule !== undefined)) {
        context.addIssue({
          code: 'custom',
          path: ['subModule'],
          message: `must be given with code ${PURCHASE_DEFAULT_CODE} and only with it`,
        });
      }
      if (!isDefault && !nacres.safeParse(row.code).success) {
        context.addIssue({
          code: 'custom',
          path: ['code'],
          message: `must be a NACRES code (two letters, two digits) or ${PURCHASE_DEFAULT_CODE}`,
        });
      }
    },
    example: { code: 'NB13', kgCo2eqPerEur: 0.9, ...ILLUSTRATIVE },
  },
  {
    factorSet: 'purchases-unspsc',
    title: 'UNSPSC to NACRES correspondence of purchase codes (no values)',
    emissionTypes: [],
    keys: {
      unspsc: z
        .string()
        .trim()
        .regex(/^\d{8}$/, 'must be a UNSPSC commodity code: eight digits')
        .describe('UNSPSC commodity code, eight digits'),
      nacres: nacres.describe('The NACRES code it corresponds to, e.g. NB13'),
    },
    values: {},
    unit: 'UNSPSC to NACRES',
    example: { unspsc: '41116130', nacres: 'NB13', ...ILLUSTRATIVE },
  },
  {
    factorSet: 'centralised-purchases',
    title: 'Centralised purchases: per kg of each catalogue item, and kg per unit',
    emissionTypes: ['purchases.centralised'],
    keys: {
      name: key('Item of the centralised-purchase catalogue, e.g. Copy paper A4 80 g', 200),
      unit: z
        .string()
        .trim()
        .toLowerCase()
        .min(1)
        .max(20)
        .optional()
        .describe('A unit rows count the item in, e.g. ream; empty for the item as a whole'),
    },
    values: {
      kgCo2eqPerKg: optionalAmount('kg CO2-eq per kg of the item'),
      kgPerUnit: z
        .number()
        .positive()
        .optional()
        .describe('kg of one unit, for rows in that unit that give none; needs a unit'),
    },
    unit: 'kg CO2-eq / kg',
    refine(row, context) {
      if (row.kgCo2eqPerKg === undefined && row.kgPerUnit === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['kgCo2eqPerKg'],
          message: 'give kgCo2eqPerKg, kgPerUnit or both',
        });
      }
      if (row.kgPerUnit !== undefined && row.unit === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['kgPerUnit'],
          message: 'needs a unit: it is the mass of one unit',
        });
      }
    },
    example: {
      emissionType: 'purchases.centralised',
      name: 'Copy paper A4 80 g',
      unit: 'ream',
      kgCo2eqPerKg: 0.919,
      kgPerUnit: 2.4948,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: 'cloud',
    title: 'Cloud services: per euro billed, by provider and service',
    emissionTypes: ['digital.cloud'],
    keys: {
      provider: key(`Cloud provider, e.g. aws; ${CLOUD_ANY} for any provider`),
      service: key(`Service, e.g. compute, storage; ${CLOUD_ANY} for any service`),
    },
    values: { kgCo2eqPerEur: amount('kg CO2-eq per euro billed') },
    unit: 'kg CO2-eq / EUR',
    example: {
      emissionType: 'digital.cloud',
      provider: 'aws',
      service: 'compute',
      kgCo2eqPerEur: 0.35,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: 'ai',
    title: 'AI usage: per request, by provider and usage type',
    emissionTypes: ['digital.ai'],
    keys: {
      provider: key(`AI provider, e.g. openai; ${AI_ANY_PROVIDER} for any provider`),
      usageType: key('Kind of use, e.g. chat, code, image', 50),
    },
    values: {
      kgCo2eqPerRequest: amount('kg CO2-eq per request'),
      workingDaysPerYear: z
        .number()
        .min(0)
        .max(366)
        .optional()
        .describe('Working days per FTE and year; empty: 220'),
    },
    unit: 'kg CO2-eq / request',
    example: {
      emissionType: 'digital.ai',
      provider: 'openai',
      usageType: 'chat',
      kgCo2eqPerRequest: 0.0025,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: 'ai-bands',
    title: 'AI usage: requests per user and working day of each band',
    emissionTypes: [],
    keys: { band: key('Band as rows name it, e.g. 10-50', 20) },
    values: { requestsPerDay: amount('Requests per user and working day counted for the band') },
    unit: 'requests / user / working day',
    example: { band: '10-50', requestsPerDay: 30, ...ILLUSTRATIVE },
  },
  processGasSet('gases', 'Process and laboratory gases: GWP100', { code: 'N2O', gwp100: 265 }),
  processGasSet('refrigerants', 'Refrigerants: GWP100', { code: 'R-134a', gwp100: 1300 }),
  {
    factorSet: 'building-energy',
    title: 'Buildings: energy intensity per m² by building, room type and use',
    emissionTypes: [],
    keys: {
      building: key(`Building code, e.g. BC; ${ANY_BUILDING} for any building`),
      roomType: key('Room type, e.g. office, laboratory'),
      use: z.enum(BUILDING_USES).describe('Energy use'),
    },
    values: { kwhPerM2: amount('Final energy in kWh per m² and year') },
    unit: 'kWh / m² / year',
    example: {
      building: ANY_BUILDING,
      roomType: 'office',
      use: 'heating',
      kwhPerM2: 90,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: 'building-heating',
    title: 'Buildings: how each building is heated (shares of heating energies)',
    emissionTypes: [],
    keys: {
      building: key(`Building code, e.g. BC; ${ANY_BUILDING} for any building`),
      energy: key('Heating energy, e.g. district-heating, natural-gas, electricity'),
    },
    values: {
      share: z.number().min(0).max(1).describe("Share of the building's heating, from 0 to 1"),
    },
    unit: 'share of heating',
    example: { building: ANY_BUILDING, energy: 'district-heating', share: 1, ...ILLUSTRATIVE },
  },
  {
    factorSet: 'heat',
    title: 'Buildings: per kWh of each thermal heating energy',
    emissionTypes: ['buildings.heating.thermal'],
    keys: { energy: key('Heating energy other than electricity, e.g. district-heating') },
    values: { kgCo2eqPerKwh: amount('kg CO2-eq per kWh of heat') },
    unit: 'kg CO2-eq / kWh',
    example: {
      emissionType: 'buildings.heating.thermal',
      energy: 'district-heating',
      kgCo2eqPerKwh: 0.09,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: 'embodied',
    title: 'Buildings: embodied emissions per m² and year by building part',
    emissionTypes: ['buildings.embodied'],
    keys: {
      building: key(`Building code, e.g. BC; ${ANY_BUILDING} for any building`),
      category: z.enum(EMBODIED_CATEGORIES).describe('Building part'),
    },
    values: {
      kgCo2eqPerM2: amount('kg CO2-eq per m² and year: construction emissions over service life'),
    },
    unit: 'kg CO2-eq / m² / year',
    example: {
      emissionType: 'buildings.embodied',
      building: ANY_BUILDING,
      category: 'structure',
      kgCo2eqPerM2: 7.5,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: 'combustion',
    title: 'Fuels burnt on site: per kWh, kg or litre',
    emissionTypes: ['buildings.combustion'],
    keys: {
      fuel: z.enum(COMBUSTION_FUELS).describe('Fuel'),
      unit: z.enum(COMBUSTION_UNITS).describe('Unit the factor is per, as rows state quantities'),
    },
    values: { kgCo2eqPerUnit: amount('kg CO2-eq per kWh, kg or litre of the fuel') },
    unit: (classification) => `kg CO2-eq / ${classification.unit}`,
    unitDescription: 'kg CO2-eq / the unit of the row',
    example: {
      emissionType: 'buildings.combustion',
      fuel: 'natural-gas',
      unit: 'kWh',
      kgCo2eqPerUnit: 0.205,
      ...ILLUSTRATIVE,
    },
  },
  {
    factorSet: CAR_KM_FACTOR.factorSet,
    title: 'Equivalents shown with results, e.g. the car-km of a footprint',
    emissionTypes: [],
    keys: {
      equivalent: key(
        `What the figure is compared with, e.g. ${CAR_KM_FACTOR.classification.equivalent}`,
      ),
    },
    values: { [CAR_KM_FACTOR.value]: amount('kg CO2-eq per km') },
    unit: 'kg CO2-eq / km',
    example: {
      equivalent: CAR_KM_FACTOR.classification.equivalent,
      [CAR_KM_FACTOR.value]: 0.19,
      ...ILLUSTRATIVE,
    },
  },
];
