/**
 * Reference data of the demo institution: the airports and stations its trips use (public
 * coordinates, rounded), rooms of two buildings, and average exchange rates.
 */
export const DEMO_AIRPORTS = [
  {
    iata: 'GVA',
    name: 'Geneva Airport',
    city: 'Geneva',
    country: 'CH',
    latitude: 46.2381,
    longitude: 6.1089,
  },
  {
    iata: 'ZRH',
    name: 'Zurich Airport',
    city: 'Zurich',
    country: 'CH',
    latitude: 47.4647,
    longitude: 8.5492,
  },
  {
    iata: 'BSL',
    name: 'EuroAirport Basel Mulhouse Freiburg',
    city: 'Basel',
    country: 'FR',
    latitude: 47.5896,
    longitude: 7.5299,
  },
  {
    iata: 'CDG',
    name: 'Paris Charles de Gaulle',
    city: 'Paris',
    country: 'FR',
    latitude: 49.0097,
    longitude: 2.5479,
  },
  {
    iata: 'LHR',
    name: 'London Heathrow',
    city: 'London',
    country: 'GB',
    latitude: 51.47,
    longitude: -0.4543,
  },
  {
    iata: 'AMS',
    name: 'Amsterdam Schiphol',
    city: 'Amsterdam',
    country: 'NL',
    latitude: 52.3105,
    longitude: 4.7683,
  },
  {
    iata: 'FRA',
    name: 'Frankfurt am Main',
    city: 'Frankfurt',
    country: 'DE',
    latitude: 50.0379,
    longitude: 8.5622,
  },
  {
    iata: 'BCN',
    name: 'Barcelona El Prat',
    city: 'Barcelona',
    country: 'ES',
    latitude: 41.2974,
    longitude: 2.0833,
  },
  {
    iata: 'FCO',
    name: 'Rome Fiumicino',
    city: 'Rome',
    country: 'IT',
    latitude: 41.8003,
    longitude: 12.2389,
  },
  {
    iata: 'VIE',
    name: 'Vienna International',
    city: 'Vienna',
    country: 'AT',
    latitude: 48.1103,
    longitude: 16.5697,
  },
  {
    iata: 'JFK',
    name: 'John F. Kennedy International',
    city: 'New York',
    country: 'US',
    latitude: 40.6413,
    longitude: -73.7781,
  },
  {
    iata: 'BOS',
    name: 'Boston Logan International',
    city: 'Boston',
    country: 'US',
    latitude: 42.3656,
    longitude: -71.0096,
  },
  {
    iata: 'SFO',
    name: 'San Francisco International',
    city: 'San Francisco',
    country: 'US',
    latitude: 37.6213,
    longitude: -122.379,
  },
  {
    iata: 'NRT',
    name: 'Tokyo Narita',
    city: 'Tokyo',
    country: 'JP',
    latitude: 35.772,
    longitude: 140.3929,
  },
  {
    iata: 'SIN',
    name: 'Singapore Changi',
    city: 'Singapore',
    country: 'SG',
    latitude: 1.3644,
    longitude: 103.9915,
  },
];

export const DEMO_STATIONS = [
  { name: 'Lausanne', country: 'CH', latitude: 46.5167, longitude: 6.6291 },
  { name: 'Genève', country: 'CH', latitude: 46.2102, longitude: 6.1424 },
  { name: 'Zürich HB', country: 'CH', latitude: 47.3779, longitude: 8.5403 },
  { name: 'Bern', country: 'CH', latitude: 46.949, longitude: 7.4391 },
  { name: 'Basel SBB', country: 'CH', latitude: 47.5476, longitude: 7.5897 },
  { name: 'Paris Gare de Lyon', country: 'FR', latitude: 48.8443, longitude: 2.3744 },
  { name: 'Milano Centrale', country: 'IT', latitude: 45.4864, longitude: 9.2043 },
  { name: 'München Hbf', country: 'DE', latitude: 48.1402, longitude: 11.5586 },
];

export const DEMO_ROOMS = [
  { building: 'CH', room: 'CH-101', roomType: 'laboratory', areaM2: 85 },
  { building: 'CH', room: 'CH-102', roomType: 'laboratory', areaM2: 60 },
  { building: 'CH', room: 'CH-201', roomType: 'office', areaM2: 24 },
  { building: 'BC', room: 'BC-010', roomType: 'office', areaM2: 18 },
  { building: 'BC', room: 'BC-020', roomType: 'server-room', areaM2: 40 },
];

/** Units per euro; 2024: ECB euro reference rates, annual averages. 2025: illustrative. */
export const DEMO_EXCHANGE_RATES = [
  { year: 2024, currency: 'CHF', unitsPerEur: 0.9526, source: 'ECB reference rates, 2024 average' },
  { year: 2024, currency: 'USD', unitsPerEur: 1.0824, source: 'ECB reference rates, 2024 average' },
  { year: 2024, currency: 'GBP', unitsPerEur: 0.8466, source: 'ECB reference rates, 2024 average' },
  { year: 2025, currency: 'CHF', unitsPerEur: 0.94, source: 'illustrative' },
  { year: 2025, currency: 'USD', unitsPerEur: 1.11, source: 'illustrative' },
  { year: 2025, currency: 'GBP', unitsPerEur: 0.85, source: 'illustrative' },
];

/**
 * The demo's shared facilities: the three platforms of the tree (by unit code), whose own
 * reports are shared out among the labs using them. Total uses are illustrative.
 */
export const DEMO_FACILITIES = [
  { name: 'Condensed Matter Platform', unit: 'L10', useUnit: 'hours', totalUse: 2400 },
  {
    name: 'Distributed Systems Platform',
    unit: 'L20',
    useUnit: 'core-hours',
    totalUse: 400_000,
    computing: true,
  },
  { name: 'Systems Neuroscience Platform', unit: 'L30', useUnit: 'cage-days', totalUse: 9000 },
] as const;
