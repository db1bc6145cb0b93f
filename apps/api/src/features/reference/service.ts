import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/http/list.js';
import { airports, railwayStations, researchFacilities } from './table.js';

const normalised = (q: string) => sql`lower(immutable_unaccent(${q}))`;

/**
 * Airports for a travel form's picker: an exact IATA code first, then names and cities that
 * contain the text or resemble it (trigram similarity, so "geneve" or "zurih" still find them).
 */
export async function searchAirports(db: Database, q: string, limit: number) {
  const text = normalised(q);
  return {
    items: await db
      .select({
        iata: airports.iata,
        name: airports.name,
        city: airports.city,
        country: airports.country,
        latitude: airports.latitude,
        longitude: airports.longitude,
      })
      .from(airports)
      .where(
        or(
          sql`${airports.searchText} like '%' || ${normalised(escapeLike(q))} || '%'`,
          // Word similarity: close to one word of the text, so typos in a name still match.
          sql`${text} <% ${airports.searchText}`,
        ),
      )
      .orderBy(
        desc(sql`${airports.iata} = upper(${q})`),
        desc(sql`word_similarity(${text}, ${airports.searchText})`),
        airports.iata,
      )
      .limit(limit),
  };
}

export async function searchStations(db: Database, q: string, limit: number, country?: string) {
  const text = normalised(q);
  return {
    items: await db
      .select({
        name: railwayStations.name,
        country: railwayStations.country,
        latitude: railwayStations.latitude,
        longitude: railwayStations.longitude,
      })
      .from(railwayStations)
      .where(
        and(
          country ? eq(railwayStations.country, country) : undefined,
          or(
            sql`${railwayStations.searchText} like '%' || ${normalised(escapeLike(q))} || '%'`,
            sql`${text} <% ${railwayStations.searchText}`,
          ),
        ),
      )
      .orderBy(
        desc(sql`word_similarity(${text}, ${railwayStations.searchText})`),
        railwayStations.name,
      )
      .limit(limit),
  };
}

/** The facility register of a year, for the research-facilities forms' picker. */
export async function listFacilities(db: Database, year: number) {
  return {
    items: await db
      .select({
        name: researchFacilities.name,
        useUnit: researchFacilities.useUnit,
        totalUse: researchFacilities.totalUse,
        computing: researchFacilities.computing,
        unitId: researchFacilities.unitId,
      })
      .from(researchFacilities)
      .where(eq(researchFacilities.year, year))
      .orderBy(researchFacilities.name),
  };
}
