import { classificationKey } from '@co2-calculator/domain';

const ILLUSTRATIVE = 'illustrative (order of magnitude of published values; not for reporting)';
const IPCC_AR5 = 'IPCC AR5 WG1 (2013), ch. 8, table 8.A.1: GWP100';

interface Spec {
  factorSet: string;
  emissionType: string | null;
  classification: Record<string, string>;
  values: Record<string, number | null>;
  unit: string;
  source?: string;
}

const specs: Spec[] = [
  // Flights: per passenger-km without non-CO2 effects; the RFI carries them.
  ...(
    [
      ['short', 0, 1000, 0.141],
      ['medium', 1000, 3500, 0.102],
      ['long', 3500, null, 0.083],
    ] as const
  ).flatMap(([haul, min, max, economy]) =>
    (
      [
        ['economy', 1],
        ['business', 2.9],
      ] as const
    ).map(([flightClass, multiplier]) => ({
      factorSet: 'plane',
      emissionType: 'travel.plane',
      classification: { haul, class: flightClass },
      values: {
        kgCo2eqPerKm: Math.round(economy * multiplier * 1000) / 1000,
        minDistanceKm: min,
        maxDistanceKm: max,
        rfi: 1.9,
      },
      unit: 'kg CO2-eq / passenger-km',
    })),
  ),
  ...(
    [
      ['CH', 0.007],
      ['FR', 0.004],
      ['DE', 0.032],
      ['IT', 0.028],
      ['RoW', 0.035],
    ] as const
  ).map(([country, value]) => ({
    factorSet: 'train',
    emissionType: 'travel.train',
    classification: { country },
    values: { kgCo2eqPerKm: value, firstClassMultiplier: 1.5 },
    unit: 'kg CO2-eq / passenger-km',
  })),
  ...(
    [
      ['commuting', 'car', 2200, 0.19, 'km'],
      ['commuting', 'public-transport', 1800, 0.03, 'km'],
      ['food', 'meat-meal', 90, 5.5, 'meal'],
      ['food', 'vegetarian-meal', 60, 1.9, 'meal'],
      ['waste', 'incinerated', 60, 0.45, 'kg'],
    ] as const
  ).flatMap(([category, kind, units, kg, unit]) =>
    ['headcount-staff', 'headcount-students'].map((factorSet) => ({
      factorSet,
      emissionType: `headcount.${category}`,
      classification: { category, class: kind },
      values: {
        unitsPerFte: factorSet === 'headcount-students' ? Math.round(units * 0.6) : units,
        kgCo2eqPerUnit: kg,
      },
      unit: `kg CO2-eq / ${unit}`,
    })),
  ),
  {
    factorSet: 'electricity',
    emissionType: null,
    classification: { mix: 'default' },
    values: { kgCo2eqPerKwh: 0.125 },
    unit: 'kg CO2-eq / kWh',
  },
  ...(
    [
      ['microscope', 1200, 150, 30, 20],
      ['freezer', 800, 800, 168, 0],
      ['fume-hood', 300, 50, 40, 128],
      ['server', 450, 450, 168, 0],
      ['workstation', 180, 5, 45, 123],
    ] as const
  ).map(([equipmentClass, active, standby, hActive, hStandby]) => ({
    factorSet: 'equipment',
    emissionType: null,
    classification: { class: equipmentClass },
    values: {
      activePowerW: active,
      standbyPowerW: standby,
      defaultActiveHours: hActive,
      defaultStandbyHours: hStandby,
    },
    unit: 'W',
  })),
  ...(
    [
      ['NB13', 0.9],
      ['NA21', 0.55],
      ['NB01', 0.4],
    ] as const
  ).map(([code, value]) => ({
    factorSet: 'purchases',
    emissionType: null,
    classification: { code },
    values: { kgCo2eqPerEur: value },
    unit: 'kg CO2-eq / EUR',
  })),
  ...(
    ['scientific-equipment', 'it-equipment', 'consumables', 'services', 'other-purchases'] as const
  ).map((subModule) => ({
    factorSet: 'purchases',
    emissionType: null,
    classification: { code: '*', subModule },
    values: { kgCo2eqPerEur: subModule === 'services' ? 0.15 : 0.5 },
    unit: 'kg CO2-eq / EUR',
  })),
  {
    factorSet: 'cloud',
    emissionType: 'digital.cloud',
    classification: { provider: '*', service: '*' },
    values: { kgCo2eqPerEur: 0.12 },
    unit: 'kg CO2-eq / EUR',
  },
  ...(
    [
      ['CO2', 1],
      ['CH4', 28],
      ['N2O', 265],
      ['SF6', 23500],
    ] as const
  ).map(([code, gwp]) => ({
    factorSet: 'process-gases',
    emissionType: 'process.gases',
    classification: { code },
    values: { gwp100: gwp },
    unit: 'kg CO2-eq / kg',
    source: IPCC_AR5,
  })),
  ...(
    [
      ['R-134a', 1300],
      ['R-404A', 3943],
    ] as const
  ).map(([code, gwp]) => ({
    factorSet: 'refrigerants',
    emissionType: 'process.refrigerants',
    classification: { code },
    values: { gwp100: gwp },
    unit: 'kg CO2-eq / kg',
    source: IPCC_AR5,
  })),
  // Buildings: intensities per m² by room type and use, heated by district heating.
  ...(
    [
      ['laboratory', { heating: 180, cooling: 40, ventilation: 90, lighting: 25 }],
      ['office', { heating: 90, cooling: 10, ventilation: 20, lighting: 15 }],
      ['server-room', { heating: 0, cooling: 600, ventilation: 120, lighting: 10 }],
    ] as const
  ).flatMap(([roomType, uses]) =>
    Object.entries(uses).map(([use, kwhPerM2]) => ({
      factorSet: 'building-energy',
      emissionType: null,
      classification: { building: '*', roomType, use },
      values: { kwhPerM2 },
      unit: 'kWh / m² / year',
    })),
  ),
  {
    factorSet: 'building-heating',
    emissionType: null,
    classification: { building: '*', energy: 'district-heating' },
    values: { share: 1 },
    unit: 'share of heating',
  },
  {
    factorSet: 'heat',
    emissionType: 'buildings.heating.thermal',
    classification: { energy: 'district-heating' },
    values: { kgCo2eqPerKwh: 0.09 },
    unit: 'kg CO2-eq / kWh',
  },
  {
    factorSet: 'equivalents',
    emissionType: null,
    classification: { equivalent: 'car-km' },
    values: { kgCo2eqPerKm: 0.19 },
    unit: 'kg CO2-eq / km',
  },
];

/** The demo factor set of a year; every row names its source or says it is illustrative. */
export function demoFactors(year: number) {
  return specs.map((spec) => ({
    factorSet: spec.factorSet,
    year,
    emissionType: spec.emissionType,
    classification: spec.classification,
    classificationKey: classificationKey(spec.classification),
    values: spec.values,
    unit: spec.unit,
    source: spec.source ?? ILLUSTRATIVE,
  }));
}
