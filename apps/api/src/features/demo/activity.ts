import type { ModuleId, SubModuleId } from '@co2-calculator/domain';
import type { Random } from './random.js';

export interface DemoRow {
  module: ModuleId;
  subModule: SubModuleId;
  fields: Record<string, unknown>;
}

const FUNCTIONS = ['PROF', 'POSTDOC', 'PHD', 'PHD', 'TECH', 'ADMIN'] as const;
const FIRST = ['Ada', 'Alan', 'Marie', 'Niels', 'Rosalind', 'Grace', 'Emmy', 'Paul', 'Lise', 'Tim'];
const LAST = ['Meier', 'Rochat', 'Favre', 'Keller', 'Bonvin', 'Schmid', 'Rossi', 'Dubois'];
const FLIGHTS = [
  'CDG',
  'LHR',
  'AMS',
  'FRA',
  'BCN',
  'FCO',
  'VIE',
  'JFK',
  'BOS',
  'SFO',
  'NRT',
  'SIN',
];
const TRAINS = [
  ['Genève', 'CH'],
  ['Zürich HB', 'CH'],
  ['Bern', 'CH'],
  ['Basel SBB', 'CH'],
  ['Paris Gare de Lyon', 'FR'],
  ['Milano Centrale', 'IT'],
  ['München Hbf', 'DE'],
] as const;
const ROOMS = [
  ['CH', 'CH-101'],
  ['CH', 'CH-102'],
  ['CH', 'CH-201'],
  ['BC', 'BC-010'],
  ['BC', 'BC-020'],
] as const;

/** A shared facility a lab may use, as the register names it. */
export interface DemoFacility {
  name: string;
  useUnit: string;
  totalUse: number;
}

/**
 * One lab's activity for a year: its people, trips, rooms, equipment, purchases, cloud, use
 * of shared `facilities` and process gases, with plausible magnitudes. `scale` varies labs
 * (and years) around 1.
 */
export function demoActivity(
  lab: string,
  year: number,
  random: Random,
  scale: number,
  facilities: readonly DemoFacility[] = [],
): DemoRow[] {
  const rows: DemoRow[] = [];
  const people = Array.from(
    { length: random.int(4, 12) },
    (_, i) => `${random.pick(FIRST)} ${random.pick(LAST)} ${i + 1}`,
  );
  people.forEach((name, i) =>
    rows.push({
      module: 'headcount',
      subModule: 'members',
      fields: {
        name,
        functionCode: i === 0 ? 'PROF' : random.pick(FUNCTIONS),
        personId: `${lab}-P${i + 1}`,
        fte: random.pick([1, 1, 1, 0.8, 0.5]),
      },
    }),
  );
  const date = (month: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  for (let i = 0; i < Math.round(random.int(2, 7) * scale); i += 1) {
    rows.push({
      module: 'professional-travel',
      subModule: 'plane',
      fields: {
        origin: 'GVA',
        destination: random.pick(FLIGHTS),
        traveller: random.pick(people),
        date: date(random.int(1, 12)),
        roundTrip: true,
        class: random.next() < 0.1 ? 'business' : 'economy',
      },
    });
  }
  for (let i = 0; i < random.int(2, 6); i += 1) {
    const [station, country] = random.pick(TRAINS);
    rows.push({
      module: 'professional-travel',
      subModule: 'train',
      fields: {
        origin: 'Lausanne',
        originCountry: 'CH',
        destination: station,
        destinationCountry: country,
        traveller: random.pick(people),
        date: date(random.int(1, 12)),
        roundTrip: true,
      },
    });
  }
  for (let i = 0; i < random.int(1, 2); i += 1) {
    const [building, room] = random.pick(ROOMS);
    rows.push({
      module: 'buildings',
      subModule: 'rooms',
      fields: { building, room, allocationRatio: random.pick([0.25, 0.5, 1]) },
    });
  }
  for (let i = 0; i < random.int(2, 5); i += 1) {
    rows.push({
      module: 'equipment-electricity',
      subModule: 'scientific',
      fields: {
        name: `Device ${i + 1}`,
        class: random.pick(['microscope', 'freezer', 'fume-hood']),
      },
    });
  }
  rows.push({
    module: 'equipment-electricity',
    subModule: 'it',
    fields: { name: 'Workstations', class: 'workstation', quantity: people.length },
  });
  if (random.next() < 0.4) {
    rows.push({
      module: 'equipment-electricity',
      subModule: 'it',
      fields: { name: 'Compute server', class: 'server', quantity: random.int(1, 3) },
    });
  }
  const purchases = [
    ['consumables', 'NB13', 'Lab consumables'],
    ['consumables', 'NB01', 'Glassware'],
    ['it-equipment', 'NA21', 'Laptops'],
    ['services', 'NZ01', 'Maintenance contracts'],
  ] as const;
  for (const [subModule, code, name] of purchases) {
    rows.push({
      module: 'purchases',
      subModule,
      fields: {
        name,
        amount: Math.round(random.int(2, 40) * 1000 * scale),
        currency: 'CHF',
        purchaseCode: code,
      },
    });
  }
  rows.push({
    module: 'external-cloud-ai',
    subModule: 'cloud',
    fields: {
      service: 'compute',
      provider: 'public-cloud',
      amount: random.int(5, 60) * 100,
      currency: 'CHF',
    },
  });
  for (const facility of facilities) {
    if (random.next() < 0.5) continue;
    const animal = facility.useUnit === 'cage-days';
    rows.push({
      module: 'research-facilities',
      subModule: animal ? 'animal-facilities' : 'common-facilities',
      fields: {
        facility: facility.name,
        use: Math.round(facility.totalUse * random.int(1, 8) * 0.01),
        useUnit: facility.useUnit,
      },
    });
  }
  if (random.next() < 0.5) {
    rows.push({
      module: 'process-emissions',
      subModule: 'gases',
      fields: { code: 'CO2', kgReleased: random.int(20, 400) },
    });
  }
  if (random.next() < 0.3) {
    rows.push({
      module: 'process-emissions',
      subModule: 'refrigerants',
      fields: { code: 'R-134a', kgReleased: random.int(1, 4) / 2 },
    });
  }
  return rows;
}
