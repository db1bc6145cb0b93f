import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { reports } from '../reports/table.js';
import { users } from '../users/table.js';

export const entrySourceEnum = pgEnum('entry_source', [
  'manual',
  'backoffice-csv',
  'unit-csv',
  'api-feed',
  'computed',
]);

/**
 * One row of activity data: its typed fields (validated by the entry type's schema from
 * packages/domain), where it came from, and its flags after calculation.
 */
export const dataEntries = pgTable(
  'data_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /**
     * The report's unit, copied for the filters that need no join. No foreign key of its own:
     * the report's (its `report_id`) already ties the row to an existing unit, and a second
     * check per row made bulk imports a tenth slower.
     */
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    module: text('module').notNull(),
    subModule: text('sub_module').notNull(),
    entryType: text('entry_type').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    source: entrySourceEnum('source').notNull().default('manual'),
    note: text('note'),
    /** Supplied kg CO2-eq that replaces the formula. */
    kgOverride: doublePrecision('kg_override'),
    /** Sum of the row's emissions, kept for sorting and outlier checks. */
    kgCo2eq: doublePrecision('kg_co2eq').notNull().default(0),
    flags: jsonb('flags').$type<unknown[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** The person who travelled (travel rows), who may edit the row as a standard user. */
    travellerId: uuid('traveller_id').references(() => users.id, { onDelete: 'set null' }),
    /** The import job that loaded the row, for replace semantics and traceability. */
    importJobId: uuid('import_job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('data_entries_report_module_idx').on(t.reportId, t.module, t.subModule),
    index('data_entries_year_submodule_source_idx').on(t.year, t.subModule, t.source),
    index('data_entries_created_by_idx').on(t.createdBy),
    index('data_entries_traveller_idx').on(t.travellerId),
    // A person counts once in a unit's headcount.
    uniqueIndex('data_entries_headcount_person')
      .on(t.reportId, sql`(${t.fields}->>'personId')`)
      .where(sql`${t.subModule} = 'members' and ${t.fields}->>'personId' is not null`),
  ],
);

/** The emissions of a row: one per emission-type leaf it produced. */
export const emissions = pgTable(
  'emissions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => dataEntries.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').notNull(),
    module: text('module').notNull(),
    emissionType: text('emission_type').notNull(),
    scope: smallint('scope').notNull(),
    category: text('category').notNull(),
    kgCo2eq: doublePrecision('kg_co2eq').notNull(),
    quantity: doublePrecision('quantity'),
    quantityUnit: text('quantity_unit'),
    factorIds: text('factor_ids').array().notNull().default([]),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('emissions_scope', sql`${t.scope} between 1 and 3`),
    index('emissions_entry_idx').on(t.entryId),
    index('emissions_report_module_idx').on(t.reportId, t.module),
  ],
);
