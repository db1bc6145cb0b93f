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

/** A record as the parser hands it on: its cells and the line it ends on. */
interface ParsedRecord {
  record: string[];
  info: { lines: number };
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
  // What makes the whole file unreadable, found while streaming it: thrown at the next record,
  // so the import fails and changes nothing instead of loading part of the file.
  let fatal: PermanentJobError | undefined;
  /** The last line of the last record parsed, and of the last one refused. */
  let parsedLine = 0;
  let skippedLine = -1;
  const text = new TextChecker();
  const body = await store.read(key);
  const hashed = new PassThrough();
  body.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    // The upload was checked on its first bytes only: a NUL byte later would fail the load
    // with a database error (retried, then shown raw), and another encoding would be stored
    // garbled (U+FFFD) without a word.
    fatal ??= text.check(chunk);
  });
  body.on('end', () => (fatal ??= text.end()));
  body.on('error', (error) => hashed.destroy(error));
  body.pipe(hashed);

  const parser = hashed.pipe(
    parse({
      ...CSV_PARSE_OPTIONS,
      delimiter,
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
      skip_records_with_error: true,
      on_skip: (error) => {
        const { code, lines = 0 } = error as { code?: string; lines?: number };
        // csv-parse cannot resume after these: a quote never closed takes the rest of the file
        // as one value, and past a too long row it drops every chunk to the end, silently.
        if (code === 'CSV_QUOTE_NOT_CLOSED') {
          fatal ??= new PermanentJobError(
            `The file cannot be read as CSV: a quote opened after line ${parsedLine} is never ` +
              'closed, so the rest of the file would be one value.',
          );
          return;
        }
        if (code === 'CSV_MAX_RECORD_SIZE') {
          fatal ??= new PermanentJobError(
            `The file cannot be read as CSV: line ${lines} holds a row longer than ` +
              `${MAX_RECORD_BYTES / 1024} KiB.`,
          );
          return;
        }
        // A row the parser stumbles on twice (two stray quotes) is one unreadable row.
        if (lines === skippedLine) return;
        skippedLine = lines;
        parsedLine = Math.max(parsedLine, lines);
        skipped.push({ line: lines, reason: readableParseError(error) });
      },
      // The record with its line, as `info: true` would give it: with both, csv-parse builds
      // its info object twice per record, a cost that shows on files of a million rows. (Its
      // types expect cells back, but it hands on whatever this returns.)
      on_record: (record, { lines }) => {
        parsedLine = lines;
        const parsed: ParsedRecord = { record, info: { lines } };
        return parsed as unknown as string[];
      },
    }),
  );
  const parsed = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  const iterator: typeof parsed = {
    async next() {
      const next = await parsed.next();
      if (fatal) {
        parser.destroy();
        body.destroy();
        throw fatal;
      }
      return next;
    },
  };
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
    if (error instanceof PermanentJobError) throw error;
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
    case 'INVALID_OPENING_QUOTE':
      return `a quote inside a value that is not quoted as a whole${at}`;
    default:
      return `${message ?? String(error)}${at}`;
  }
}

/**
 * The whole file against the rule the upload checked on its first bytes (`sniffText`): UTF-8,
 * no control bytes but tab and line ends. Fed every chunk in order; answers the first fault.
 */
class TextChecker {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;

  check(chunk: Buffer): PermanentJobError | undefined {
    const start = this.offset;
    this.offset += chunk.length;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      return notUtf8(start);
    }
    const control = FORBIDDEN_CONTROL.exec(text);
    if (!control) return undefined;
    // A byte below 0x20 is never part of a multi-byte character: its first occurrence in the
    // chunk is the character found.
    const byte = control[0].charCodeAt(0);
    return new PermanentJobError(
      `The file holds binary data (byte ${byte} at offset ${start + chunk.indexOf(byte)}); ` +
        'it must be a CSV file saved as UTF-8 text.',
    );
  }

  end(): PermanentJobError | undefined {
    try {
      this.decoder.decode();
      return undefined;
    } catch {
      return notUtf8(this.offset);
    }
  }
}

/** C0 controls but tab, line feed, form feed and carriage return: what `sniffText` refuses. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const FORBIDDEN_CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;

const notUtf8 = (from: number) =>
  new PermanentJobError(
    `The file is not UTF-8 text (from byte ${from} on); save it as "CSV UTF-8" and import it again.`,
  );
