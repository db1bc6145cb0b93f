/**
 * Decoding CSV records of module data (`decodeRow`: header keys → columns, text → typed cells,
 * then the row's Zod schema) against its floor on the same machine: the same schema
 * validating cells already typed by hand. Prints rows/s of both and the ratio (target ≥ 0.6):
 * what the decoder adds to validation must stay small, since imports decode up to a million
 * rows. Records are keyed by header cells as a spreadsheet wrote them (case, spaces, BOM).
 */
import { csvFormat, decodeRow } from '@co2-calculator/domain';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const ROUNDS = 5;
const plane = csvFormat('plane')!;

const records = Array.from({ length: ROWS }, (_, i) => ({
  '\uFEFFunitCode': `L${String(i % 100).padStart(2, '0')}`,
  Origin: 'GVA',
  ' destination ': 'JFK',
  traveller: `Traveller ${i}`,
  date: '2025-03-10',
  trips: String(1 + (i % 3)),
  roundTrip: i % 2 ? 'oui' : 'non',
  distanceKm: i % 5 ? '' : '6245,5',
  class: 'Economy',
  kgCo2eq: '',
  note: '',
}));

const typed = records.map((record) => ({
  unitCode: record['\uFEFFunitCode'],
  origin: record.Origin,
  destination: record[' destination '],
  traveller: record.traveller,
  date: record.date,
  trips: Number(record.trips),
  roundTrip: record.roundTrip === 'oui',
  ...(record.distanceKm ? { distanceKm: Number(record.distanceKm.replace(',', '.')) } : {}),
  class: 'economy',
}));

function rowsPerSecond(run: () => number): number {
  const start = performance.now();
  const accepted = run();
  const seconds = (performance.now() - start) / 1000;
  if (accepted !== ROWS) throw new Error(`only ${accepted} of ${ROWS} rows accepted`);
  return ROWS / seconds;
}

const decoder: number[] = [];
const floor: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  decoder.push(rowsPerSecond(() => records.filter((record) => decodeRow(plane, record).ok).length));
  floor.push(rowsPerSecond(() => typed.filter((cells) => plane.validate(cells).ok).length));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const [ours, bare] = [median(decoder), median(floor)];
console.log(`decodeRow            ${Math.round(ours).toLocaleString('en')} rows/s`);
console.log(`schema on typed cells ${Math.round(bare).toLocaleString('en')} rows/s`);
console.log(`ratio ${(ours / bare).toFixed(2)} (target ≥ 0.6)`);
