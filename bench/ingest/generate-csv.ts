import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { seededRandom } from '../../apps/api/src/features/demo/random.js';
import { DEMO_AIRPORTS } from '../../apps/api/src/features/demo/reference-data.js';

/** The columns of the file, as the back office's template of plane trips names them. */
export const PLANE_COLUMNS = [
  'unitCode',
  'origin',
  'destination',
  'traveller',
  'date',
  'trips',
  'roundTrip',
  'class',
] as const;

const FIRST_NAMES = ['Ada', 'Alan', 'Grace', 'Marie', 'Tim', 'Lise', 'Niels', 'Emmy', 'Jean'];
const LAST_NAMES = ['Meier', 'Favre', 'Keller', 'Rochat', 'Curie', 'Bohr', 'Noether', 'Piccard'];
/** Departures from the institution's home airports mostly, anywhere in the demo set else. */
const HOME_AIRPORTS = ['GVA', 'GVA', 'GVA', 'ZRH', 'BSL'];
const CLASSES: [string, number][] = [
  ['economy', 0.8],
  ['premium-economy', 0.05],
  ['business', 0.13],
  ['first', 0.02],
];
/** One row in this many is refused by the import (unknown unit, date outside the year). */
export const REJECTED_EVERY = 1000;

/**
 * Writes `rows` plane trips of `year` for the given labs to `file`, streamed (never the whole
 * file in memory), the same rows on every run: a realistic mix of airports of the demo set,
 * dates across the year, cabin classes, round trips, repeated trips, spellings of yes/no; one
 * row in `REJECTED_EVERY` names an unknown unit or a date of the previous year. Every cell is
 * of its column's SQL type, so the same file also loads with a plain `COPY`.
 */
export async function writePlaneTripsCsv(
  file: string,
  rows: number,
  year: number,
  labCodes: readonly string[],
): Promise<number> {
  const random = seededRandom(2025);
  const out = createWriteStream(file);
  const iatas = DEMO_AIRPORTS.map((airport) => airport.iata);
  const dayOfYear = (n: number) => new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10);
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  let bytes = 0;
  let buffer = `${PLANE_COLUMNS.join(',')}\r\n`;
  for (let i = 0; i < rows; i += 1) {
    const origin = random.pick(HOME_AIRPORTS);
    let destination = random.pick(iatas);
    while (destination === origin) destination = random.pick(iatas);
    let unit = random.pick(labCodes);
    let date = dayOfYear(random.int(0, days - 1));
    if (i % REJECTED_EVERY === REJECTED_EVERY - 1) {
      if (random.next() < 0.5) unit = 'X99';
      else date = `${year - 1}-12-${String(random.int(1, 31)).padStart(2, '0')}`;
    }
    const traveller = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)} ${random.int(1, 5000)}`;
    const trips = random.next() < 0.9 ? 1 : random.int(2, 4);
    const roundTrip =
      random.next() < 0.7 ? random.pick(['yes', 'true']) : random.pick(['no', 'false']);
    let draw = random.next();
    const flightClass = CLASSES.find(([, share]) => (draw -= share) < 0)?.[0] ?? 'economy';
    buffer += `${unit},${origin},${destination},${traveller},${date},${trips},${roundTrip},${flightClass}\r\n`;
    if (buffer.length >= 1 << 16) {
      bytes += buffer.length;
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  bytes += buffer.length;
  out.end(buffer);
  await once(out, 'finish');
  return bytes;
}
