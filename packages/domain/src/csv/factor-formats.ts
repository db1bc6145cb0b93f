import { z } from 'zod';
import type { EmissionTypeId } from '../footprint/emission-types.js';
import { ENTRY_TYPES } from '../footprint/entry-types/index.js';
import type { SubModuleId } from '../footprint/modules.js';
import { columnsOf } from './column.js';
import { FACTOR_SET_SPECS, type FactorSetSpec } from './factor-set-specs.js';
import { type CsvFormat, flatCells, rowIssues } from './format.js';

/**
 * A factor row of a set, as the import upserts it for the job's year: the identity
 * (emission type, classification) and what it holds. `values` names every value column of
 * the set; an empty optional value is null.
 */
export interface FactorRow {
  emissionType: EmissionTypeId | null;
  classification: Record<string, string>;
  values: Record<string, number | null>;
  /** What the main value is per, in words (the `factorUnit` column, or the set's default). */
  unit: string;
  /** Publisher and document. */
  source: string;
  /** Where in the source: table, page, URL. */
  citation?: string;
}

/** The prefix of factor-set format names: `factors-<set>`. */
export const FACTOR_FORMAT_PREFIX = 'factors-';

/**
 * The columns a factor row has besides its classification keys and values. The factor's own
 * unit is `factorUnit`: `unit` is a classification key of two sets (combustion,
 * centralised purchases).
 */
function fixedColumns(spec: FactorSetSpec) {
  const unitDefault = typeof spec.unit === 'string' ? spec.unit : spec.unitDescription;
  return {
    factorUnit: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe(`What the main value is per, in words; default: ${unitDefault}`),
    source: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .describe('Publisher and document, e.g. ADEME Base Empreinte 2024'),
    citation: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .describe('Where in the source: table, page or URL'),
  };
}

function emissionTypeColumn(spec: FactorSetSpec) {
  const [only, ...others] = spec.emissionTypes;
  if (only === undefined) return {};
  const fallback = others.length ? 'the one of the classification' : only;
  return {
    emissionType: z
      .enum(spec.emissionTypes as [EmissionTypeId, ...EmissionTypeId[]])
      .optional()
      .describe(`The leaf its emissions are booked under; default: ${fallback}`),
  };
}

function factorFormat(spec: FactorSetSpec): CsvFormat<FactorRow> {
  const keyNames = Object.keys(spec.keys);
  const valueNames = Object.keys(spec.values);
  const parts = [emissionTypeColumn(spec), spec.keys, spec.values, fixedColumns(spec)];
  const names = parts.flatMap((part) => Object.keys(part));
  if (new Set(names).size !== names.length) {
    throw new Error(`factor set ${spec.factorSet}: two columns have the same name`);
  }
  const shape = Object.assign({}, ...parts) as z.ZodRawShape;
  const columns = columnsOf(z.object(shape));
  const schema = spec.refine ? z.object(shape).superRefine(spec.refine) : z.object(shape);
  const subModules: readonly SubModuleId[] =
    spec.subModules ??
    ENTRY_TYPES.filter((type) => type.factorSets.includes(spec.factorSet)).flatMap(
      (type) => type.subModules,
    );
  return {
    name: `${FACTOR_FORMAT_PREFIX}${spec.factorSet}`,
    target: 'factors',
    title: spec.title,
    factorSet: spec.factorSet,
    subModules,
    columns,
    example: spec.example,
    validate(cells) {
      const result = schema.safeParse(cells);
      if (!result.success) return { ok: false, issues: rowIssues(result.error) };
      const row = result.data as Record<string, unknown>;
      const classification: Record<string, string> = {};
      for (const name of keyNames) {
        if (row[name] !== undefined) classification[name] = row[name] as string;
      }
      const values: Record<string, number | null> = {};
      for (const name of valueNames) values[name] = (row[name] as number | undefined) ?? null;
      const emissionType =
        (row.emissionType as EmissionTypeId | undefined) ??
        spec.emissionTypeOf?.(classification) ??
        spec.emissionTypes[0] ??
        null;
      const unit =
        (row.factorUnit as string | undefined) ??
        (typeof spec.unit === 'string' ? spec.unit : spec.unit(classification));
      const value: FactorRow = {
        emissionType,
        classification,
        values,
        unit,
        source: row.source as string,
      };
      if (row.citation !== undefined) value.citation = row.citation as string;
      return { ok: true, value };
    },
    cellsOf: (factor) => ({
      ...(factor.emissionType === null ? {} : { emissionType: factor.emissionType }),
      ...factor.classification,
      ...flatCells(factor.values),
      factorUnit: factor.unit,
      source: factor.source,
      ...(factor.citation === undefined ? {} : { citation: factor.citation }),
    }),
  };
}

const SPECS: ReadonlyMap<string, FactorSetSpec> = new Map(
  FACTOR_SET_SPECS.map((spec) => [spec.factorSet, spec]),
);
const formats = new Map<string, CsvFormat<FactorRow>>();

/** The format of a factor set, if the set is known; built on first use. */
export function factorCsvFormat(factorSet: string): CsvFormat<FactorRow> | undefined {
  let format = formats.get(factorSet);
  if (!format) {
    const spec = SPECS.get(factorSet);
    if (!spec) return undefined;
    format = factorFormat(spec);
    formats.set(factorSet, format);
  }
  return format;
}

/** Every factor set the formats know, in catalogue order. */
export const FACTOR_SETS: readonly string[] = FACTOR_SET_SPECS.map((spec) => spec.factorSet);

/** The formats of every factor set, in catalogue order. */
export function factorCsvFormats(): CsvFormat<FactorRow>[] {
  return FACTOR_SETS.map((factorSet) => factorCsvFormat(factorSet)!);
}
