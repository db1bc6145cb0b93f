import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvFormats,
  CSV_LINE_BREAK,
  CSV_PARSE_OPTIONS,
  type CsvCells,
  type CsvCellValue,
  type CsvColumn,
  csvRecord,
  csvRowOf,
  decodeRow,
} from '../../src/index.js';

/** Characters that test the writer: separators, quotes, line breaks, `#`, accents, formulas. */
const TRICKY = fc.constantFrom(...'aZ09 é€,;"#\n=-+@.'.split(''), '\r\n', 'Room #3', 'x', 'y');

/** Values a column's schema may accept: its example, allowed values, or any of its type. */
function cellArbitrary(column: CsvColumn, example: CsvCellValue | undefined) {
  const near = example === undefined ? [] : [fc.constant(example)];
  if (column.values) return fc.constantFrom(...column.values);
  switch (column.type) {
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'integer':
      return fc.oneof(
        ...near,
        fc.integer({
          min: Math.ceil(column.minimum ?? column.exclusiveMinimum ?? -1e9),
          max: Math.floor(column.maximum ?? column.exclusiveMaximum ?? 1e9),
        }),
      );
    case 'number':
      return fc.oneof(
        ...near,
        fc
          .double({
            min: column.minimum ?? column.exclusiveMinimum ?? -1e15,
            max: column.maximum ?? column.exclusiveMaximum ?? 1e15,
            minExcluded: column.exclusiveMinimum !== undefined,
            maxExcluded: column.exclusiveMaximum !== undefined,
            noNaN: true,
            noDefaultInfinity: true,
          })
          // -0 is written as 0, which is the same number to everyone but Object.is.
          .map((value) => (value === 0 ? 0 : value)),
      );
    case 'text':
      return fc.oneof(
        ...near,
        column.pattern
          ? fc.stringMatching(new RegExp(column.pattern))
          : fc
              .string({
                unit: TRICKY,
                minLength: 1,
                maxLength: Math.min(column.maxLength ?? 30, 30),
              })
              // A blank cell is no value: the decoder never gives blank text.
              .filter((text) => text.trim() !== ''),
      );
  }
}

function cellsArbitrary(columns: readonly CsvColumn[], example: Readonly<CsvCells>) {
  const entries = columns.map((column) => {
    const cell = cellArbitrary(column, example[column.name]);
    return [column.name, column.required ? cell : fc.option(cell, { nil: undefined })] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((cells) => {
    const defined: CsvCells = {};
    for (const [name, value] of Object.entries(cells)) {
      if (value !== undefined) defined[name] = value as CsvCellValue;
    }
    return defined;
  });
}

describe('round trip: what a schema accepts, written by the writer, decodes to itself', () => {
  it.each(csvFormats().map((format) => [format.name, format] as const))('%s', (_name, format) => {
    let accepted = 0;
    fc.assert(
      fc.property(cellsArbitrary(format.columns, format.example), (cells) => {
        const validated = format.validate(cells);
        if (!validated.ok) return;
        accepted += 1;
        const header = csvRecord(format.columns.map((column) => column.name));
        const text = [header, csvRowOf(format, format.cellsOf(validated.value))].join(
          CSV_LINE_BREAK,
        );
        const records = parse(text, { ...CSV_PARSE_OPTIONS, columns: true }) as Record<
          string,
          string
        >[];
        expect(records).toHaveLength(1);
        expect(decodeRow(format, records[0]!)).toEqual({ ok: true, value: validated.value });
      }),
      { numRuns: 60 },
    );
    // Refinements may refuse some generated rows, never all of them.
    expect(accepted).toBeGreaterThan(0);
  });
});
