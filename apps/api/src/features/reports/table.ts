import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../units/table.js';
import { users } from '../users/table.js';
import { years } from '../years/table.js';

export const reportKindEnum = pgEnum('report_kind', ['official', 'simulation']);
export const moduleStatusEnum = pgEnum('module_status', [
  'not_started',
  'in_progress',
  'validated',
]);

/** Sums kept with a report or a module: what results and reporting read, never live sums. */
export interface FootprintStats {
  byScope: Record<'1' | '2' | '3', number>;
  byCategory: Record<string, number>;
  byEmissionType: Record<string, number>;
  entries: number;
  flagged: number;
}

/**
 * One unit's footprint for one year (the official report), or a personal what-if copy of it
 * (a simulation, owned by its author).
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year')
      .notNull()
      .references(() => years.year),
    kind: reportKindEnum('kind').notNull().default('official'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    /** kg CO2-eq of the validated modules (what results show). */
    validatedKg: doublePrecision('validated_kg').notNull().default(0),
    /** kg CO2-eq of every module, validated or not (what the unit sees while entering). */
    totalKg: doublePrecision('total_kg').notNull().default(0),
    validatedModules: integer('validated_modules').notNull().default(0),
    enabledModules: integer('enabled_modules').notNull().default(0),
    fte: doublePrecision('fte'),
    stats: jsonb('stats').$type<FootprintStats>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('reports_simulation_owner', sql`(${t.kind} = 'simulation') = (${t.ownerId} is not null)`),
    uniqueIndex('reports_official_unit_year')
      .on(t.unitId, t.year)
      .where(sql`${t.kind} = 'official'`),
    index('reports_year_idx').on(t.year),
  ],
);

/** A module of a report: its validation status and its sums. */
export const reportModules = pgTable(
  'report_modules',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    module: text('module').notNull(),
    status: moduleStatusEnum('status').notNull().default('not_started'),
    totalKg: doublePrecision('total_kg').notNull().default(0),
    stats: jsonb('stats').$type<FootprintStats>(),
    validatedBy: uuid('validated_by').references(() => users.id, { onDelete: 'set null' }),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.module] }),
    index('report_modules_status_idx').on(t.status),
  ],
);
