import {
  type CalculationContext,
  calculateEntry,
  dateFieldsOf,
  dateOutsideYear,
  type EntryType,
  type ModuleRow,
  type SubModuleId,
  withOutlierFlag,
} from '@co2-calculator/domain';
import { emissionColumns } from '../../recalculation/emission-writes.js';
import { copyValue } from '../copy-text.js';
import { timeOrderedIds } from '../time-ordered-ids.js';

/** A lab-level unit as a file of all units names it by code. */
export interface UnitRef {
  id: string;
  level: number;
  active: boolean;
}

export interface ModuleRowsOptions {
  jobId: string;
  /** The claim of the job that stages the rows (see claim.ts). */
  attempt: number;
  year: number;
  subModule: SubModuleId;
  type: EntryType;
  calculation: CalculationContext;
  /** The year's outlier threshold of the module; none: never an outlier. */
  thresholdKg: number | null | undefined;
  /** A file of one unit: its id. A file of all units: every lab by code instead. */
  unitId: string | null;
  unitsByCode?: Map<string, UnitRef>;
}

export type StagedRow =
  { ok: true; text: string; withoutFactor: boolean } | { ok: false; reason: string };

/**
 * What an import does with each row the domain's decoder accepted: the checks the decoder
 * cannot make (a date within the year, the unit of a file of all units), the calculation
 * (emissions, flags, outlier), and the row as one line of `import_staged_entries` in COPY text
 * format. Synchronous, and no more work than the row needs: it runs up to a million times
 * per file.
 */
export class ModuleRows {
  private readonly nextId = timeOrderedIds();
  /** The first two columns, the same on every row. */
  private readonly claim: string;
  private readonly dates: readonly string[];
  /** The units of the rows staged so far. */
  readonly unitIds = new Set<string>();
  /** The file line of the last row staged. */
  lastLine = 0;

  constructor(private readonly options: ModuleRowsOptions) {
    this.claim = `${copyValue(options.jobId)}\t${options.attempt}`;
    this.dates = dateFieldsOf(options.subModule);
  }

  stage(line: number, row: ModuleRow): StagedRow {
    const { options } = this;
    const outside = dateOutsideYear(row.fields, this.dates, options.year);
    if (outside) return { ok: false, reason: `${outside.field}: ${outside.message}` };
    let unitId = options.unitId;
    if (options.unitsByCode) {
      const unit = options.unitsByCode.get(row.unitCode ?? '');
      if (!unit) return { ok: false, reason: `unitCode: no unit has the code "${row.unitCode}"` };
      if (unit.level !== 4) {
        return { ok: false, reason: `unitCode: ${row.unitCode} is not a lab-level unit` };
      }
      if (!unit.active) {
        return { ok: false, reason: `unitCode: ${row.unitCode} is no longer active` };
      }
      unitId = unit.id;
    }
    const result = withOutlierFlag(
      calculateEntry(
        options.type,
        options.subModule,
        row.fields,
        row.kgCo2eq ?? null,
        options.calculation,
      ),
      options.thresholdKg,
    );
    if (unitId) this.unitIds.add(unitId);
    this.lastLine = line;
    let kgCo2eq = 0;
    for (const emission of result.emissions) kgCo2eq += emission.kgCo2eq;
    const emissions = result.emissions.map(emissionColumns);
    // Columns of import_staged_entries, in the order of the COPY statement; ids and numbers
    // never need escaping.
    const text =
      `${this.claim}\t${line}\t${this.nextId()}\t${copyValue(unitId)}\t` +
      `${copyValue(JSON.stringify(row.fields))}\t${copyValue(row.note)}\t` +
      `${copyValue(row.kgCo2eq)}\t${kgCo2eq}\t` +
      `${result.flags.length === 0 ? '[]' : copyValue(JSON.stringify(result.flags))}\t` +
      `${copyValue(JSON.stringify(emissions))}\n`;
    return {
      ok: true,
      text,
      withoutFactor: result.flags.some((flag) => flag.code === 'missing-factor'),
    };
  }
}

/** The columns of `import_staged_entries` that {@link ModuleRows.stage} writes, in order. */
export const STAGED_ENTRY_COLUMNS =
  'job_id, attempt, line, entry_id, unit_id, fields, note, kg_override, kg_co2eq, flags, emissions';
