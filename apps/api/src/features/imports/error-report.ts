import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutraliseFormula } from '../../platform/csv/safe-csv.js';
import type { ObjectStore } from '../../platform/storage/object-store.js';

/** The key of a job's error report: next to its source file. */
export const errorReportKeyOf = (sourceKey: string) => `${sourceKey}.errors.csv`;

/**
 * The rejected rows of an import, as the user wrote them plus `line` and `reason` columns,
 * streamed to storage as they come. Nothing is stored when no row is rejected. Cells that a
 * spreadsheet would run as formulas are neutralised: the report is opened in one.
 */
export class ErrorReport {
  private stream: ReturnType<typeof stringify> | undefined;
  private stored: Promise<void> | undefined;
  count = 0;

  constructor(
    private readonly store: ObjectStore,
    readonly key: string,
    private readonly header: string[],
  ) {}

  async add(line: number, cells: readonly string[], reason: string): Promise<void> {
    if (!this.stream) {
      this.stream = stringify({ record_delimiter: '\r\n', bom: true });
      const body = new PassThrough();
      this.stream.pipe(body);
      this.stored = this.store.write(this.key, body, 'text/csv; charset=utf-8');
      this.stream.write([...this.header.map(neutraliseFormula), 'line', 'reason']);
    }
    this.count += 1;
    // Exactly the header's cells, so `line` and `reason` stay under their names: an unreadable
    // row comes with no cells, a row with a cell beyond the header with too many (its reason
    // names that cell).
    const fitted = this.header.map((_, i) => neutraliseFormula(cells[i] ?? ''));
    const row = [...fitted, line, reason];
    if (!this.stream.write(row)) {
      await new Promise<void>((resolve) => this.stream!.once('drain', resolve));
    }
  }

  /** Finishes the file; resolves with its key, or null when no row was rejected. */
  async close(): Promise<string | null> {
    if (!this.stream) return null;
    this.stream.end();
    await this.stored;
    return this.key;
  }
}
