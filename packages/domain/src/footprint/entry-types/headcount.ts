import { z } from 'zod';
import {
  type CalculationFlag,
  type CalculationResult,
  type EmissionLine,
  type EntryType,
  missingFactor,
  type QuantityUnit,
} from '../calculation.js';
import type { EmissionTypeId } from '../emission-types.js';
import type { FactorIndex } from '../factors.js';

/**
 * The additional categories headcount drives, each with its emission leaf and the unit of its
 * activity (what `unitsPerFte` counts): km commuted, meals eaten, kg of waste.
 */
export const HEADCOUNT_CATEGORIES = {
  commuting: { emissionType: 'headcount.commuting', unit: 'km' },
  food: { emissionType: 'headcount.food', unit: 'unit' },
  waste: { emissionType: 'headcount.waste', unit: 'kg' },
} as const satisfies Record<string, { emissionType: EmissionTypeId; unit: QuantityUnit }>;

export type HeadcountCategory = keyof typeof HEADCOUNT_CATEGORIES;

function isHeadcountCategory(value: string | undefined): value is HeadcountCategory {
  return value !== undefined && Object.hasOwn(HEADCOUNT_CATEGORIES, value);
}

/** The factor set of members (staff) and the one of students. */
export const HEADCOUNT_STAFF_FACTOR_SET = 'headcount-staff';
export const HEADCOUNT_STUDENTS_FACTOR_SET = 'headcount-students';

/**
 * Per-FTE emissions of a headcount: every factor of the set is one class of one category
 * (`{ category, class }`, e.g. commuting by car) and gives one line,
 * kg = FTE × unitsPerFte × kgCo2eqPerUnit. The categories counted are those the year's set
 * has factors for. A set with no factor for the year flags the row `missing-factor`; a factor
 * without both values or with an unknown category is flagged for its classification, and the
 * other factors still count.
 */
export function headcountEmissions(
  factorSet: string,
  fte: number,
  factors: FactorIndex,
): CalculationResult {
  const all = factors.filter(factorSet);
  if (all.length === 0) return { emissions: [], flags: [missingFactor(factorSet, {})] };
  const emissions: EmissionLine[] = [];
  const flags: CalculationFlag[] = [];
  for (const factor of all) {
    const category = factor.classification.category;
    const { unitsPerFte, kgCo2eqPerUnit } = factor.values;
    if (!isHeadcountCategory(category) || unitsPerFte == null || kgCo2eqPerUnit == null) {
      flags.push(missingFactor(factorSet, factor.classification));
      continue;
    }
    const activity = fte * unitsPerFte;
    emissions.push({
      emissionType: HEADCOUNT_CATEGORIES[category].emissionType,
      kgCo2eq: activity * kgCo2eqPerUnit,
      quantity: { value: activity, unit: HEADCOUNT_CATEGORIES[category].unit },
      factorIds: [factor.id],
    });
  }
  return { emissions, flags };
}

const text = (max: number) => z.string().trim().min(1).max(max);

export const headcountMemberFields = z.object({
  name: text(200).describe('Full name of the member'),
  functionCode: text(50).describe('Function code from the HR system, e.g. the staff category'),
  personId: text(100).describe(
    'Person identifier from the HR system; a person appears once per unit (enforced by the database)',
  ),
  fte: z
    .number()
    .min(0)
    .max(1)
    .describe('Full-time equivalent in the unit over the year, from 0 to 1'),
});

export type HeadcountMemberFields = z.output<typeof headcountMemberFields>;

/**
 * One member of the unit (staff). Their FTE adds to the unit's FTE total (the denominator of
 * per-FTE results) and drives the additional categories:
 * kg = FTE × unitsPerFte × kgCo2eqPerUnit for every factor of the set `headcount-staff`,
 * booked under headcount.commuting, headcount.food or headcount.waste by the factor's category.
 */
export const headcountMember: EntryType<typeof headcountMemberFields> = {
  id: 'headcount-member',
  module: 'headcount',
  subModules: ['members'],
  fields: headcountMemberFields,
  factorSets: [HEADCOUNT_STAFF_FACTOR_SET],
  // The taxonomy has no undivided headcount leaf: an overriding total is booked as commuting.
  overrideEmissionType: () => 'headcount.commuting',
  calculate(fields, { factors }): CalculationResult {
    return headcountEmissions(HEADCOUNT_STAFF_FACTOR_SET, fields.fte, factors);
  },
};

export const headcountStudentsFields = z.object({
  totalFte: z
    .number()
    .min(0)
    .max(100_000)
    .describe('Full-time equivalent of all students of the unit over the year'),
});

export type HeadcountStudentsFields = z.output<typeof headcountStudentsFields>;

/**
 * The unit's students, as one total FTE: the same formula as members with the student factor
 * set, kg = totalFte × unitsPerFte × kgCo2eqPerUnit for every factor of `headcount-students`.
 */
export const headcountStudents: EntryType<typeof headcountStudentsFields> = {
  id: 'headcount-students',
  module: 'headcount',
  subModules: ['students'],
  fields: headcountStudentsFields,
  factorSets: [HEADCOUNT_STUDENTS_FACTOR_SET],
  overrideEmissionType: () => 'headcount.commuting',
  calculate(fields, { factors }): CalculationResult {
    return headcountEmissions(HEADCOUNT_STUDENTS_FACTOR_SET, fields.totalFte, factors);
  },
};
