import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  csvFormats,
  CSV_PARSE_OPTIONS,
  CSV_TARGETS,
  csvFormat,
  decodeRow,
  detectDelimiter,
  ENTRY_TYPES,
  FACTOR_FORMAT_PREFIX,
  FACTOR_SETS,
  MODULE_ROW_EXAMPLES,
  moduleCsvFormat,
  SUB_MODULE_IDS,
  SUB_MODULE_ROW_EXAMPLES,
  type SubModuleId,
  templateCsv,
} from '../../src/index.js';

const formats = csvFormats().map((format) => [format.name, format] as const);

/** The records of a CSV text, read as the importer reads files. */
function read(text: string): Record<string, string>[] {
  return parse(text, {
    ...CSV_PARSE_OPTIONS,
    delimiter: detectDelimiter(text),
    columns: true,
  }) as Record<string, string>[];
}

describe('the catalogue of CSV formats', () => {
  it('has one format per sub-module, named by it, and one per factor set', () => {
    for (const subModule of SUB_MODULE_IDS) {
      expect(csvFormat(subModule)).toBe(moduleCsvFormat(subModule));
      expect(csvFormat(subModule)?.target).toBe('module-data');
    }
    for (const set of FACTOR_SETS) {
      expect(csvFormat(`${FACTOR_FORMAT_PREFIX}${set}`)?.factorSet).toBe(set);
    }
  });

  it('has a format for every factor set a calculator reads', () => {
    const read = new Set(ENTRY_TYPES.flatMap((type) => type.factorSets));
    expect([...read].filter((set) => !FACTOR_SETS.includes(set))).toEqual([]);
  });

  it('has a format for every other target', () => {
    const targets = new Set(csvFormats().map((format) => format.target));
    expect([...targets].sort()).toEqual([...CSV_TARGETS].sort());
  });

  it('names formats uniquely, and no sub-module takes a name of another target', () => {
    const names = csvFormats().map((format) => format.name);
    expect(new Set(names).size).toBe(names.length);
    for (const subModule of SUB_MODULE_IDS) {
      expect(subModule.startsWith(FACTOR_FORMAT_PREFIX)).toBe(false);
    }
  });

  it.each(formats)(
    '%s: columns are unique, described and case-insensitively distinct',
    (_n, format) => {
      const names = format.columns.map((column) => column.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      for (const column of format.columns) {
        expect(column.description, column.name).not.toBe('');
        expect(column.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
      }
    },
  );
});

describe('templates', () => {
  it.each(formats)('%s: parses back to its header and example row, which decodes', (_n, format) => {
    const text = templateCsv(format);
    expect(text.startsWith('\uFEFF#')).toBe(true);
    const records = read(text);
    expect(records).toHaveLength(1);
    expect(Object.keys(records[0]!)).toEqual(format.columns.map((column) => column.name));
    const decoded = decodeRow(format, records[0]!, { allUnits: true });
    expect(decoded).toMatchObject({ ok: true });
    // The example, read back, is the row it describes.
    const validated = format.validate({ ...format.example });
    expect(validated.ok && decoded.ok && decoded.value).toEqual(validated.ok && validated.value);
  });

  it.each(formats)('%s: has one comment line per column, naming it', (_n, format) => {
    const comments = templateCsv(format)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((line) => line.startsWith('#'));
    for (const column of format.columns) {
      expect(comments.filter((line) => line.startsWith(`# ${column.name}: `))).toHaveLength(1);
    }
  });

  it('keeps a # inside a value, and quotes one that starts a record', () => {
    const rooms = csvFormat('building-rooms')!;
    const text = templateCsv({
      ...rooms,
      example: { building: '#B', room: 'Room #3', roomType: 'office', areaM2: 12 },
    });
    expect(text).toContain('\r\n"#B",Room #3,office,12\r\n');
    expect(read(text)).toEqual([
      { building: '#B', room: 'Room #3', roomType: 'office', areaM2: '12' },
    ]);
  });

  it('reads the same once a French-locale spreadsheet saved it with ; and decimal commas', () => {
    const format = csvFormat('refrigerants')!;
    // Separators outside quotes become `;`, and the decimal point a comma.
    const semicolons = (line: string) =>
      line.startsWith('#')
        ? line
        : line
            .split('"')
            .map((part, i) => (i % 2 ? part : part.replaceAll(',', ';').replace('.', ',')))
            .join('"');
    const text = templateCsv(format).split('\r\n').map(semicolons).join('\r\n');
    expect(text).toContain('L01;R-134a;3,5;"Cold room 2, annual maintenance";\r\n');
    const [record] = read(text);
    expect(decodeRow(format, record!)).toEqual({
      ok: true,
      value: {
        unitCode: 'L01',
        fields: { code: 'R-134a', kgReleased: 3.5, note: 'Cold room 2, annual maintenance' },
      },
    });
  });
});

describe('module examples', () => {
  const pages = import.meta.glob('../../../../docs/methodology/*.md', {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;
  const workedExamples = Object.values(pages).flatMap((text) =>
    [...text.matchAll(/```json worked-example\n([\s\S]*?)```/g)].map(
      (match) => JSON.parse(match[1]!) as { entryType: string; fields: unknown },
    ),
  );

  it.each(ENTRY_TYPES.map((type) => [type.id]))(
    '%s: the example row is the worked example of its methodology page',
    (id) => {
      const fields = workedExamples
        .filter((example) => example.entryType === id)
        .map((example) => example.fields);
      expect(fields).toContainEqual(MODULE_ROW_EXAMPLES[id as keyof typeof MODULE_ROW_EXAMPLES]);
    },
  );

  it.each(Object.entries(SUB_MODULE_ROW_EXAMPLES))(
    '%s: the example row is a worked example of its entry type',
    (subModule, example) => {
      const id = moduleCsvFormat(subModule as SubModuleId).entryType;
      const fields = workedExamples
        .filter((worked) => worked.entryType === id)
        .map((worked) => worked.fields);
      expect(fields).toContainEqual(example);
    },
  );
});
