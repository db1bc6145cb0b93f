import { type CsvFormat, decodeRow } from '@co2-calculator/domain';
import type { JobContext } from '../jobs/runner.js';
import type { CsvSource } from './csv-source.js';
import type { ErrorReport } from './error-report.js';

/** A row of the file that decoded: its value, and where and how it was written. */
export interface DecodedRow<T> {
  line: number;
  value: T;
  /** The cells as written, for the error report should a later check refuse the row. */
  cells: string[];
}

/** How often (in rows) progress is reported and cancellation checked. */
const PROGRESS_EVERY = 1_000;

/**
 * Reads a file row by row for a target: decodes each record with its format, sends the rows
 * that break a rule (and those the parser could not read) to the error report, and yields the
 * others in file order. Targets refuse rows for reasons of their own with `reject`, so every
 * refused row is counted and reported the same way.
 */
export class RowReader<T> {
  readonly counts = { read: 0, skipped: 0 };

  constructor(
    private readonly source: CsvSource,
    private readonly format: CsvFormat<T>,
    readonly report: ErrorReport,
    private readonly context: Pick<JobContext, 'signal' | 'progress'>,
    /** Told of every record that did not decode, for targets that need its raw cells. */
    private readonly onUndecoded?: (record: Readonly<Record<string, string>>) => void,
  ) {}

  async reject(line: number, cells: readonly string[], reason: string): Promise<void> {
    this.counts.skipped += 1;
    await this.report.add(line, cells, reason);
  }

  async *rows(): AsyncIterable<DecodedRow<T>> {
    for await (const { line, record, cells } of this.source.records) {
      // The parser reports unreadable records as it passes them: keep the report in line order.
      await this.drainUnreadable();
      this.counts.read += 1;
      const decoded = decodeRow(this.format, record);
      if (decoded.ok) {
        yield { line, value: decoded.value, cells };
      } else {
        this.onUndecoded?.(record);
        await this.reject(line, cells, decoded.reason);
      }
      if (this.counts.read % PROGRESS_EVERY === 0) {
        this.context.signal.throwIfAborted();
        this.context.progress({ rowsDone: this.counts.read, counts: { ...this.counts } });
      }
    }
    await this.drainUnreadable();
  }

  private async drainUnreadable() {
    for (const skip of this.source.skipped.splice(0)) {
      this.counts.read += 1;
      await this.reject(skip.line, [], `The row cannot be read: ${skip.reason}`);
    }
  }
}

/**
 * The first line of each identity seen in a file: a second row with the same identity is
 * refused (which of the two should win is the user's call, not ours), naming the first.
 */
export class FirstLines {
  private readonly lines = new Map<string, number>();

  /** Why the row is refused when `key` came earlier (`label` names it); else records it. */
  repeated(key: string, label: string, line: number): string | undefined {
    const first = this.lines.get(key);
    if (first === undefined) {
      this.lines.set(key, line);
      return undefined;
    }
    return `${label} is already on line ${first}; keep one of the two rows`;
  }
}

/**
 * Every decoded row of a file, in memory, each identity once (repeats are refused): for the
 * targets whose file is a whole snapshot checked as a set (the units, the role assignments),
 * which an institution counts in thousands of rows.
 */
export async function distinctRows<T>(
  reader: RowReader<T>,
  identity: (row: T) => { key: string; label: string },
): Promise<DecodedRow<T>[]> {
  const firstLines = new FirstLines();
  const rows: DecodedRow<T>[] = [];
  for await (const row of reader.rows()) {
    const { key, label } = identity(row.value);
    const repeated = firstLines.repeated(key, label, row.line);
    if (repeated) await reader.reject(row.line, row.cells, repeated);
    else rows.push(row);
  }
  return rows;
}
