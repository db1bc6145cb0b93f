import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Emission factors, versioned by year. The identity (set, year, emission type, canonical
 * classification) is unique, so a re-imported set updates in place; rows missing from the
 * latest import of a set are marked stale, never deleted.
 */
export const factors = pgTable(
  'factors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    factorSet: text('factor_set').notNull(),
    year: integer('year').notNull(),
    emissionType: text('emission_type'),
    classification: jsonb('classification').$type<Record<string, string>>().notNull(),
    /** `classificationKey()` of packages/domain: key=value pairs in key order. */
    classificationKey: text('classification_key').notNull(),
    values: jsonb('values').$type<Record<string, number | null>>().notNull(),
    unit: text('unit').notNull(),
    source: text('source').notNull(),
    citation: text('citation'),
    stale: boolean('stale').notNull().default(false),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('factors_identity')
      .on(t.factorSet, t.year, t.emissionType, t.classificationKey)
      .nullsNotDistinct(),
    index('factors_year_set_idx').on(t.year, t.factorSet),
  ],
);
