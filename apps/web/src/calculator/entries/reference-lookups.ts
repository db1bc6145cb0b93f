// Airports and stations a row names, looked up as the user types: there are too many to load
// up front, and the calculators need them synchronously, so answers land in reactive maps.
import { reactive } from 'vue';
import { http } from '../../shared/api/http';
import type { components } from '../../shared/api/types';

type Airport = components['schemas']['Airport'];
type Station = components['schemas']['Station'];

export const airports = reactive(new Map<string, Airport | null>());
export const stations = reactive(new Map<string, Station | null>());

export const stationKey = (name: string, country: string) =>
  `${name.trim().toLowerCase()}|${country.toUpperCase()}`;

/** Fetches an airport by IATA code once; `null` when it does not exist. */
export async function lookUpAirport(iata: string): Promise<void> {
  const code = iata.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || airports.has(code)) return;
  const { data } = await http.get<{ items: Airport[] }>('/reference/airports', {
    params: { q: code, limit: 5 },
  });
  airports.set(code, data.items.find((airport) => airport.iata === code) ?? null);
}

/** Fetches a station by exact name in a country once; `null` when it does not exist. */
export async function lookUpStation(name: string, country: string): Promise<void> {
  if (name.trim().length < 2 || !/^[A-Za-z]{2}$/.test(country)) return;
  const key = stationKey(name, country);
  if (stations.has(key)) return;
  const { data } = await http.get<{ items: Station[] }>('/reference/stations', {
    params: { q: name.trim(), country, limit: 10 },
  });
  const match = data.items.find((station) => stationKey(station.name, station.country) === key);
  stations.set(key, match ?? null);
}
