import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { UNIT_TYPES } from '@co2-calculator/domain';

export const unitType = pgEnum('unit_type', UNIT_TYPES);

/**
 * The institution's organisational tree. `path` is maintained by a trigger (see the
 * `units_path` migration) as `/<root id>/…/<own id>/`, so a subtree is one indexed prefix
 * match whoever writes the rows (API, registry sync, SQL).
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    nameEn: text('name_en').notNull(),
    nameFr: text('name_fr').notNull(),
    level: smallint('level').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    path: text('path').notNull().default(''),
    type: unitType('type').notNull(),
    active: boolean('active').notNull().default(true),
    // Lower-cased and accent-free so `q=ecole` finds "École"; indexed with trigrams.
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(immutable_unaccent(code || ' ' || name_en || ' ' || name_fr))`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('units_level_range', sql`${t.level} between 1 and 4`),
    index('units_parent_idx').on(t.parentId),
    index('units_level_code_idx').on(t.level, t.code),
    index('units_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('units_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
