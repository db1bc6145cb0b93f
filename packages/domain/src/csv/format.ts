import type { z } from 'zod';
import type { ModuleId, SubModuleId } from '../footprint/modules.js';
import { type CsvCellValue, type CsvColumn, columnsOf } from './column.js';

/** What a file loads (PRODUCT §5); each target has one format, or one per sub-module or set. */
export const CSV_TARGETS = [
  'module-data',
  'factors',
  'units',
  'role-assignments',
  'airports',
  'railway-stations',
  'building-rooms',
  'research-facilities',
  'exchange-rates',
] as const;

export type CsvTarget = (typeof CSV_TARGETS)[number];

/** The typed cells of one row, by column name; an empty cell is absent. */
export type CsvCells = Record<string, CsvCellValue>;

/** A problem of a row, found by its schema, and the column it is about (if any). */
export interface CsvRowIssue {
  column: string | undefined;
  issue: z.core.$ZodIssue;
}

export type CsvValidation<T> = { ok: true; value: T } | { ok: false; issues: CsvRowIssue[] };

/**
 * The layout of one kind of CSV file: its columns in template order, how typed cells become
 * the row's value (`validate`) and back (`cellsOf`), and an example row for the template.
 * Built once at start; the decoder compiles per-column converters from `columns`.
 */
export interface CsvFormat<T = unknown> {
  /** Unique; the template's file name without `.csv` (see docs/csv-formats.md). */
  readonly name: string;
  readonly target: CsvTarget;
  /** What the file holds, in a few words. */
  readonly title: string;
  /** Module data: the module and sub-module of the rows, and their data-entry type. */
  readonly module?: ModuleId;
  readonly subModule?: SubModuleId;
  readonly entryType?: string;
  /** Factor sets: the set the rows belong to. */
  readonly factorSet?: string;
  /** The sub-modules the rows are entered in, or whose calculation reads the factor set. */
  readonly subModules: readonly SubModuleId[];
  readonly columns: readonly CsvColumn[];
  /** One valid row of typed cells, shown in the template. */
  readonly example: Readonly<CsvCells>;
  /** Validates the typed cells of a row; issues name the column they are about. */
  validate(cells: CsvCells): CsvValidation<T>;
  /** The typed cells a value is written as: `validate(cellsOf(value))` gives it back. */
  cellsOf(value: T): CsvCells;
}

/** The column an issue path points at: its first key. */
export function issueColumn(path: readonly PropertyKey[]): string | undefined {
  const first = path[0];
  return typeof first === 'string' ? first : undefined;
}

export function rowIssues(error: z.ZodError, columnOf = issueColumn): CsvRowIssue[] {
  return error.issues.map((issue) => ({ column: columnOf(issue.path), issue }));
}

/** The cells of a flat value: every key that holds a cell value (absent and null are empty). */
export function flatCells(value: object): CsvCells {
  const cells: CsvCells = {};
  for (const [key, cell] of Object.entries(value)) {
    if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') {
      cells[key] = cell;
    }
  }
  return cells;
}

interface FlatFormatSpec<S extends z.ZodType<object>> {
  name: string;
  target: CsvTarget;
  title: string;
  /** A flat object schema: one key per column. */
  schema: S;
  example: z.input<S> & CsvCells;
}

/** A format whose row is the object its schema outputs, one column per key (reference data…). */
export function flatFormat<S extends z.ZodType<object>>(
  spec: FlatFormatSpec<S>,
): CsvFormat<z.output<S>> {
  let columns: CsvColumn[] | undefined;
  return {
    name: spec.name,
    target: spec.target,
    title: spec.title,
    subModules: [],
    // Read from the schema on first use: the web apps import the package without needing it.
    get columns() {
      return (columns ??= columnsOf(spec.schema));
    },
    example: spec.example,
    validate(cells) {
      const result = spec.schema.safeParse(cells);
      return result.success
        ? { ok: true, value: result.data }
        : { ok: false, issues: rowIssues(result.error) };
    },
    cellsOf: (value) => flatCells(value),
  };
}
