import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  checkHeader,
  CSV_PARSE_OPTIONS,
  csvFormat,
  type CsvFormat,
  decodeRow,
  detectDelimiter,
  type FactorRow,
  type ModuleRow,
} from '../../src/index.js';

function format<T = unknown>(name: string): CsvFormat<T> {
  const found = csvFormat(name);
  if (!found) throw new Error(`no format ${name}`);
  return found as CsvFormat<T>;
}

const plane = format<ModuleRow>('plane');
const members = format<ModuleRow>('members');

const TRIP = { origin: 'GVA', destination: 'JFK', traveller: 'A. R.', date: '2025-03-10' };

/** The reason a record is refused for (fails the test if it is accepted). */
function reasonOf(name: string, record: Record<string, string>, allUnits = false): string {
  const result = decodeRow(format(name), record, { allUnits });
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.reason;
}

describe('decodeRow: what spreadsheets write', () => {
  it('reads a French-locale file: `;`, decimal commas, oui/non, BOM, headers in other case', () => {
    const text =
      '\uFEFF# exported by a spreadsheet\r\n' +
      ' Name ;FUNCTIONCODE;personId;fte\r\n' +
      'Dupont, Marie;PHD;p-1;0,8\r\n';
    const records = parse(text, {
      ...CSV_PARSE_OPTIONS,
      delimiter: detectDelimiter(text),
      columns: true,
    }) as Record<string, string>[];
    expect(decodeRow(members, records[0]!)).toEqual({
      ok: true,
      value: { fields: { name: 'Dupont, Marie', functionCode: 'PHD', personId: 'p-1', fte: 0.8 } },
    });
  });

  it('matches header keys ignoring case, spaces and a BOM; enum values ignoring case', () => {
    const result = decodeRow(plane, {
      '\uFEFF Origin ': 'gva',
      DESTINATION: 'jfk',
      Traveller: ' A. R. ',
      date: '2025-03-10',
      class: 'Business',
      roundTrip: 'Oui',
      trips: '2',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        fields: {
          origin: 'GVA',
          destination: 'JFK',
          traveller: 'A. R.',
          date: '2025-03-10',
          trips: 2,
          roundTrip: true,
          class: 'business',
        },
      },
    });
  });

  it('takes empty and blank cells for no value, so defaults apply', () => {
    const result = decodeRow(plane, { ...TRIP, trips: '', roundTrip: '  ', note: '' });
    expect(result).toEqual({
      ok: true,
      value: { fields: { ...TRIP, trips: 1, roundTrip: false, class: 'economy' } },
    });
  });

  it('gives the unit, override and note of a row beside its fields', () => {
    const result = decodeRow(plane, { ...TRIP, unitCode: 'L01', kgCo2eq: '1234,5', note: 'x' });
    expect(result.ok && result.value).toMatchObject({
      unitCode: 'L01',
      kgCo2eq: 1234.5,
      note: 'x',
    });
  });

  it('keeps a note that is a field of the entry type (process gas) in its fields', () => {
    const result = decodeRow(format<ModuleRow>('gases'), {
      code: 'N2O',
      kgReleased: '15',
      note: 'Room #3',
    });
    expect(result).toEqual({
      ok: true,
      value: { fields: { code: 'N2O', kgReleased: 15, note: 'Room #3' } },
    });
  });

  it('keeps formula-looking text as text', () => {
    const result = decodeRow(plane, { ...TRIP, traveller: '=HYPERLINK("http://x")' });
    expect(result.ok && result.value.fields.traveller).toBe('=HYPERLINK("http://x")');
  });

  it('builds a factor row: classification, every value, default emission type and unit', () => {
    const result = decodeRow(format<FactorRow>('factors-plane'), {
      haul: 'long',
      class: 'economy',
      kgCo2eqPerKm: '0,083',
      minDistanceKm: '3500',
      source: 'ADEME Base Empreinte 2024',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        emissionType: 'travel.plane',
        classification: { haul: 'long', class: 'economy' },
        values: { kgCo2eqPerKm: 0.083, minDistanceKm: 3500, maxDistanceKm: null, rfi: null },
        unit: 'kg CO2-eq / passenger-km',
        source: 'ADEME Base Empreinte 2024',
      },
    });
  });

  it('derives what a factor row leaves empty from its classification', () => {
    const headcount = decodeRow(format<FactorRow>('factors-headcount-staff'), {
      category: 'food',
      class: 'meat-meal',
      unitsPerFte: '90',
      kgCo2eqPerUnit: '5.5',
      source: 's',
    });
    expect(headcount.ok && headcount.value).toMatchObject({
      emissionType: 'headcount.food',
      unit: 'kg CO2-eq / meal',
    });
    const intermediate = decodeRow(format<FactorRow>('factors-equipment'), {
      class: 'freezer',
      activePowerW: '800',
      source: 's',
      citation: 'p. 12',
    });
    expect(intermediate.ok && intermediate.value).toEqual({
      emissionType: null,
      classification: { class: 'freezer' },
      values: {
        activePowerW: 800,
        standbyPowerW: null,
        defaultActiveHours: null,
        defaultStandbyHours: null,
      },
      unit: 'W',
      source: 's',
      citation: 'p. 12',
    });
  });
});

describe('decodeRow: the reason of a refused row names the column and the rule', () => {
  it.each([
    ['wrong type', 'plane', { ...TRIP, trips: 'two' }, 'trips: must be a number (got "two")'],
    [
      'thousands separator',
      'members',
      { name: 'A', functionCode: 'F', personId: 'p', fte: '1 000' },
      'fte: must be a number, written without thousands separators (got "1 000")',
    ],
    ['whole number', 'plane', { ...TRIP, trips: '1,5' }, 'trips: must be a whole number (got 1.5)'],
    [
      'above the maximum',
      'members',
      { name: 'A', functionCode: 'F', personId: 'p', fte: '1,5' },
      'fte: must be at most 1 (got 1.5)',
    ],
    ['below the minimum', 'plane', { ...TRIP, trips: '0' }, 'trips: must be at least 1 (got 0)'],
    [
      'not above an exclusive minimum',
      'plane',
      { ...TRIP, distanceKm: '0' },
      'distanceKm: must be above 0 (got 0)',
    ],
    [
      'unknown enum value',
      'plane',
      { ...TRIP, class: 'cheap' },
      'class: must be one of economy, premium-economy, business, first (got "cheap")',
    ],
    [
      'missing required',
      'plane',
      { origin: 'GVA', destination: 'JFK', date: '2025-03-10' },
      'traveller: is required',
    ],
    [
      'bad yes/no',
      'plane',
      { ...TRIP, roundTrip: 'maybe' },
      'roundTrip: must be yes or no (or true/false, oui/non, 1/0; got "maybe")',
    ],
    [
      'not a date',
      'plane',
      { ...TRIP, date: '10/03/2025' },
      'date: must be a date written YYYY-MM-DD (got "10/03/2025")',
    ],
    [
      'no such day',
      'plane',
      { ...TRIP, date: '2025-02-30' },
      'date: must be a date written YYYY-MM-DD (got "2025-02-30")',
    ],
    [
      "a rule's own message",
      'plane',
      { ...TRIP, origin: 'Geneva' },
      'origin: must be a three-letter IATA airport code (got "Geneva")',
    ],
    [
      'too long',
      'members',
      { name: 'A', functionCode: 'F'.repeat(51), personId: 'p', fte: '1' },
      'functionCode: must be at most 50 characters, got 51',
    ],
    [
      'a rule across columns',
      'research-facilities',
      { name: 'Cryo-EM', useUnit: 'hours', totalUse: '10' },
      'declaredKg: give the unitCode of the facility or its declaredKg',
    ],
    ['an unknown column', 'plane', { ...TRIP, travler: 'x' }, 'unknown column "travler"'],
    [
      'a value without a header',
      'plane',
      { ...TRIP, '': 'x' },
      'a value stands in a column without a header',
    ],
  ])('%s', (_kind, name, record, reason) => {
    expect(reasonOf(name, record as Record<string, string>)).toBe(reason);
  });

  it('lists every faulty column once, in one reason', () => {
    expect(reasonOf('plane', { origin: 'GVA', destination: 'JFK', date: 'x', trips: 'y' })).toBe(
      'date: must be a date written YYYY-MM-DD (got "x"); trips: must be a number (got "y"); traveller: is required',
    );
  });

  it('requires the unit of each row in a file of all units', () => {
    expect(reasonOf('plane', TRIP, true)).toBe('unitCode: is required in a file of all units');
    expect(decodeRow(plane, { ...TRIP, unitCode: 'L01' }, { allUnits: true }).ok).toBe(true);
    // Only module data has a unit column to require.
    expect(
      decodeRow(
        format('exchange-rates'),
        { currency: 'CHF', unitsPerEur: '0,95' },
        { allUnits: true },
      ).ok,
    ).toBe(true);
  });

  it('shortens a long cell in the reason', () => {
    const reason = reasonOf('plane', { ...TRIP, trips: 'x'.repeat(100) });
    expect(reason).toBe(`trips: must be a number (got "${'x'.repeat(39)}…")`);
  });
});

describe('checkHeader', () => {
  it('accepts the header in any case, with spaces, a BOM and trailing blank cells', () => {
    const check = checkHeader(plane, [
      '\uFEFFOrigin',
      ' DESTINATION ',
      'traveller',
      'Date',
      '',
      '',
    ]);
    expect(check).toEqual({
      ok: true,
      columns: ['origin', 'destination', 'traveller', 'date', undefined, undefined],
      missing: [],
      unknown: [],
      duplicate: [],
    });
  });

  it('refuses missing, unknown and repeated columns with one message', () => {
    const check = checkHeader(plane, ['origin', 'destination', 'travler', 'date', 'DATE']);
    expect(check).toMatchObject({
      ok: false,
      missing: ['traveller'],
      unknown: ['travler'],
      duplicate: ['date'],
    });
    expect(check.message).toBe(
      'The header does not fit the CSV format "plane": missing required column(s) traveller; ' +
        'unknown column(s) "travler"; column(s) given twice: date. Its columns are unitCode, ' +
        'origin, destination, traveller, date, trips, roundTrip, distanceKm, class, kgCo2eq, ' +
        'note (see its template).',
    );
  });

  it('requires unitCode in a file of all units only', () => {
    const header = ['origin', 'destination', 'traveller', 'date'];
    expect(checkHeader(plane, header).ok).toBe(true);
    expect(checkHeader(plane, header, { allUnits: true }).missing).toEqual(['unitCode']);
  });

  it('refuses a file without a header line', () => {
    expect(checkHeader(plane, ['']).message).toBe('The file has no header line.');
    expect(checkHeader(plane, []).ok).toBe(false);
  });

  it('gives the columns csv-parse needs to key records by their canonical names', () => {
    const text = 'ORIGIN;Destination;traveller;date;\r\nGVA;JFK;A. R.;2025-03-10;\r\n';
    const [header] = parse(text, {
      ...CSV_PARSE_OPTIONS,
      delimiter: ';',
      to_line: 1,
    }) as string[][];
    const check = checkHeader(plane, header!);
    const records = parse(text, {
      ...CSV_PARSE_OPTIONS,
      delimiter: ';',
      // A function consumes the header line; undefined skips a column.
      columns: () => check.columns,
    }) as Record<string, string>[];
    expect(records).toEqual([{ ...TRIP, traveller: 'A. R.' }]);
    expect(decodeRow(plane, records[0]!).ok).toBe(true);
  });
});
