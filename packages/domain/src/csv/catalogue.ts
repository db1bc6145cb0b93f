import { isSubModule } from '../footprint/modules.js';
import { FACTOR_FORMAT_PREFIX, factorCsvFormat, factorCsvFormats } from './factor-formats.js';
import type { CsvFormat } from './format.js';
import { moduleCsvFormat, moduleCsvFormats } from './module-formats.js';
import {
  AIRPORTS_CSV,
  BUILDING_ROOMS_CSV,
  EXCHANGE_RATES_CSV,
  RAILWAY_STATIONS_CSV,
  RESEARCH_FACILITIES_CSV,
} from './reference-formats.js';
import { ROLE_ASSIGNMENTS_CSV, UNITS_CSV } from './registry-formats.js';

/** The formats of the targets that have one format each, in catalogue order. */
const SINGLE_FORMATS: readonly CsvFormat[] = [
  UNITS_CSV,
  ROLE_ASSIGNMENTS_CSV,
  AIRPORTS_CSV,
  RAILWAY_STATIONS_CSV,
  BUILDING_ROOMS_CSV,
  RESEARCH_FACILITIES_CSV,
  EXCHANGE_RATES_CSV,
] as CsvFormat[];

const SINGLE_BY_NAME: ReadonlyMap<string, CsvFormat> = new Map(
  SINGLE_FORMATS.map((format) => [format.name, format]),
);

let all: readonly CsvFormat[] | undefined;

/**
 * Every CSV format, in catalogue order. Names (the template file names without `.csv`):
 * - module data: the sub-module id (`plane`, `members`, `other-purchases`…);
 * - factor sets: `factors-<set>` (`factors-plane`, `factors-electricity`…);
 * - the other targets: `units`, `role-assignments`, `airports`, `railway-stations`,
 *   `building-rooms`, `research-facilities`, `exchange-rates`.
 * Sub-module ids never take these names nor the `factors-` prefix (a test checks it).
 */
export function csvFormats(): readonly CsvFormat[] {
  all ??= [...moduleCsvFormats(), ...factorCsvFormats(), ...SINGLE_FORMATS] as CsvFormat[];
  return all;
}

/** The format of that name, if any. */
export function csvFormat(name: string): CsvFormat | undefined {
  if (isSubModule(name)) return moduleCsvFormat(name) as CsvFormat;
  if (name.startsWith(FACTOR_FORMAT_PREFIX)) {
    return factorCsvFormat(name.slice(FACTOR_FORMAT_PREFIX.length)) as CsvFormat | undefined;
  }
  return SINGLE_BY_NAME.get(name);
}
