import { type CellConverter, converterOf } from './cells.js';
import type { CsvColumn } from './column.js';
import type { CsvCells, CsvFormat } from './format.js';
import { columnsByHeader, type CsvReadOptions, normaliseHeaderCell } from './header.js';
import { issueMessage } from './issue-message.js';
import { UNIT_CODE_COLUMN } from './module-formats.js';

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A record as csv-parse gives it with `columns`: cell text by header cell. */
export type CsvRecord = Readonly<Record<string, string | undefined>>;

interface Slot {
  column: CsvColumn;
  convert: CellConverter;
}

const MAX_CACHED_KEYS = 1000;

/** A header cell naming no column: its cells must stay empty (blank) or the row is refused. */
type Unmatched = { blank: boolean };

/**
 * What the decoder of a format needs, built once per format: a converter per column, and the
 * column of each record key met so far. Records are keyed by the header cells as written
 * (`Origin `, a BOM on the first), so each distinct key is normalised once, not once per row.
 */
class CompiledFormat {
  private readonly slots = new Map<string, Slot | Unmatched>();
  private readonly converters = new Map<string, CellConverter>();

  constructor(readonly format: CsvFormat) {
    for (const column of format.columns) this.converters.set(column.name, converterOf(column));
  }

  slot(key: string): Slot | Unmatched {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      const normalised = normaliseHeaderCell(key);
      const column = columnsByHeader(this.format).get(normalised);
      slot = column
        ? { column, convert: this.converters.get(column.name)! }
        : { blank: normalised === '' };
      // Keys come from file headers, a few spellings per column; the bound keeps a
      // long-running worker fed odd headers from growing the map without end.
      if (this.slots.size >= MAX_CACHED_KEYS) this.slots.clear();
      this.slots.set(key, slot);
    }
    return slot;
  }
}

const compiled = new WeakMap<CsvFormat, CompiledFormat>();

function compiledOf(format: CsvFormat): CompiledFormat {
  let found = compiled.get(format);
  if (!found) {
    found = new CompiledFormat(format);
    compiled.set(format, found);
  }
  return found;
}

const NOT_BLANK = /\S/;

/**
 * Decodes one CSV record of a format: converts each non-empty cell to its column's type
 * (an empty cell is no value), then validates the typed cells with the format's schema. A
 * refused row gets one reason naming every faulty column (`fte: must be at most 1 (got 1.5);
 * name: is required`), for the error report. Records may carry the header cells as keys as
 * written (case, spaces, BOM) or the canonical names `checkHeader` returns.
 */
export function decodeRow<T>(
  format: CsvFormat<T>,
  record: CsvRecord,
  options: CsvReadOptions = {},
): DecodeResult<T> {
  const compiledFormat = compiledOf(format as CsvFormat);
  const cells: CsvCells = {};
  const problems: string[] = [];
  // Columns whose cell did not convert; most rows have none.
  let faulty: Set<string> | undefined;
  for (const key in record) {
    const text = record[key];
    if (text === undefined || text === null || !NOT_BLANK.test(text)) continue;
    const slot = compiledFormat.slot(key);
    if (!('column' in slot)) {
      problems.push(
        slot.blank ? 'a value stands in a column without a header' : `unknown column "${key}"`,
      );
      continue;
    }
    const converted = slot.convert(text);
    if (converted.ok) {
      cells[slot.column.name] = converted.value;
    } else {
      problems.push(`${slot.column.name}: ${converted.reason}`);
      (faulty ??= new Set()).add(slot.column.name);
    }
  }
  if (
    options.allUnits &&
    format.target === 'module-data' &&
    cells[UNIT_CODE_COLUMN] === undefined &&
    !faulty?.has(UNIT_CODE_COLUMN)
  ) {
    problems.push(`${UNIT_CODE_COLUMN}: is required in a file of all units`);
  }
  const validation = format.validate(cells);
  if (validation.ok && problems.length === 0) return { ok: true, value: validation.value };
  if (!validation.ok) {
    for (const { column, issue } of validation.issues) {
      // A cell that did not convert is reported once, not again as missing.
      if (column !== undefined && faulty?.has(column)) continue;
      const message = issueMessage(issue, column === undefined ? undefined : cells[column]);
      problems.push(column === undefined ? message : `${column}: ${message}`);
    }
  }
  return { ok: false, reason: problems.join('; ') };
}
