import {
  boolean,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const uncertaintyEnum = pgEnum('uncertainty', ['low', 'medium', 'high']);

/** A reduction target: `percent` less than `referenceYear` by `targetYear`. */
export interface ReductionGoal {
  targetYear: number;
  referenceYear: number;
  percent: number;
}

/** A reporting year. Unit users see only open years. */
export const years = pgTable('years', {
  year: integer('year').primaryKey(),
  open: boolean('open').notNull().default(false),
  reductionGoals: jsonb('reduction_goals').$type<ReductionGoal[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** How a module is run in a year: enabled, which sub-modules, outlier threshold, uncertainty. */
export const yearModules = pgTable(
  'year_modules',
  {
    year: integer('year')
      .notNull()
      .references(() => years.year, { onDelete: 'cascade' }),
    module: text('module').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Enabled sub-modules; all of the module's when null. */
    subModules: text('sub_modules').array(),
    /** Rows above this many kg CO2-eq are flagged as outliers. */
    outlierThresholdKg: numeric('outlier_threshold_kg', { mode: 'number' }),
    /** A sub-module's own threshold, in place of the module's (a flight is not a train ride). */
    subModuleThresholdsKg: jsonb('sub_module_thresholds_kg')
      .$type<Partial<Record<string, number>>>()
      .notNull()
      .default({}),
    uncertainty: uncertaintyEnum('uncertainty'),
  },
  (t) => [primaryKey({ columns: [t.year, t.module] })],
);
