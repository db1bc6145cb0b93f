import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  checkHeader,
  CSV_PARSE_OPTIONS,
  type CsvFormat,
  type CsvReadOptions,
  detectDelimiter,
} from '@co2-calculator/domain';
import { parse } from 'csv-parse';
import type { ObjectStore } from '../../platform/storage/object-store.js';
import { PermanentJobError } from '../jobs/runner.js';

/** A record of the file by canonical column name, with where it was and its cells as read. */
export interface SourceRecord {
  line: number;
  record: Record<string, string>;
  /** The cells as written, in file order, for the error report. */
  cells: string[];
}

export interface CsvSource {
  header: string[];
  /** Canonical column name of each header cell (undefined for blank cells). */
  columns: (string | undefined)[];
  records: AsyncIterable<SourceRecord>;
  /** Records the parser could not read (a huge field, a stray quote), as they come. */
  skipped: { line: number; reason: string }[];
  /** SHA-256 of the bytes read, complete once `records` is exhausted. */
  sha256(): string;
}

/** A field longer than this makes its row unreadable; the row goes to the error report. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** How much of the beginning of a file is read to find its header and separator. */
const HEAD_BYTES = 64 * 1024;

/**
 * Opens a stored CSV file for a format: finds its separator, checks its header (a file whose
 * columns do not fit fails as a whole, before any row is read) and streams its records, with
 * the parser options every import shares (BOM, comments, CRLF, quoted fields).
 */
export async function openCsvSource(
  store: ObjectStore,
  key: string,
  format: CsvFormat,
  options: CsvReadOptions = {},
): Promise<CsvSource> {
  const start = (await store.head(key, HEAD_BYTES)).toString('utf8');
  if (start.replace(/^\uFEFF/, '').trim() === '') {
    throw new PermanentJobError('The file is empty.');
  }
  const delimiter = detectDelimiter(start);
  const hash = createHash('sha256');
  const skipped: CsvSource['skipped'] = [];
  const body = await store.read(key);
  const hashed = new PassThrough();
  body.on('data', (chunk: Buffer) => hash.update(chunk));
  body.on('error', (error) => hashed.destroy(error));
  body.pipe(hashed);

  const parser = hashed.pipe(
    parse({
      ...CSV_PARSE_OPTIONS,
      delimiter,
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
      skip_records_with_error: true,
      info: true,
      on_skip: (error) => {
        skipped.push({
          line: (error as { lines?: number }).lines ?? 0,
          reason: readableParseError(error),
        });
      },
    }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[];
    info: { lines: number };
  }>;
  const first = await nextOrFail(iterator);
  if (first.done) throw new PermanentJobError('The file has no header line.');
  const header = first.value.record;
  const check = checkHeader(format, header, options);
  if (!check.ok) {
    parser.destroy();
    body.destroy();
    const hint =
      header.length === 1 && /[\t|]/.test(header[0] ?? '')
        ? ' Separate the columns with "," or ";".'
        : '';
    throw new PermanentJobError(`${check.message}${hint}`);
  }
  const { columns } = check;
  async function* records(): AsyncIterable<SourceRecord> {
    for (;;) {
      const next = await nextOrFail(iterator);
      if (next.done) return;
      const record: Record<string, string> = {};
      const cells = next.value.record;
      for (let i = 0; i < cells.length; i += 1) {
        const column = i < columns.length ? columns[i] : undefined;
        // A cell beyond the header keeps its position, so the decoder refuses the row.
        record[column ?? (i < columns.length ? '' : `column ${i + 1}`)] = cells[i]!;
      }
      yield { line: next.value.info.lines, record, cells };
    }
  }
  return { header, columns, records: records(), skipped, sha256: () => hash.digest('hex') };
}

async function nextOrFail<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (error) {
    throw new PermanentJobError(`The file cannot be read as CSV: ${readableParseError(error)}`);
  }
}

function readableParseError(error: unknown): string {
  const { code, message, lines } = error as { code?: string; message?: string; lines?: number };
  const at = lines ? ` (line ${lines})` : '';
  switch (code) {
    case 'CSV_MAX_RECORD_SIZE':
      return `a row longer than ${MAX_RECORD_BYTES / 1024} KiB${at}`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quote opened and never closed${at}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `a quote inside a value that is not doubled${at}`;
    default:
      return `${message ?? String(error)}${at}`;
  }
}
