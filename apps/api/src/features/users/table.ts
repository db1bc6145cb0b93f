import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLE_SOURCES, ROLES } from '@co2-calculator/domain';
import { units } from '../units/table.js';

export const roleEnum = pgEnum('role', ROLES);
export const roleSourceEnum = pgEnum('role_source', ROLE_SOURCES);

/** A person who signs in: locally (see local_accounts) or through the institution's IdP. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable id in the institution's registry or IdP (e.g. Entra ID object id). */
  institutionalId: text('institutional_id').unique(),
  /** Always stored lower-case, so uniqueness ignores case. */
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  active: boolean('active').notNull().default(true),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a user may do, one `{role, scope}` per row with where it came from. Each source owns its
 * rows: a registry sync replaces only `registry-sync` rows, an OIDC login only `oidc` rows, so
 * neither removes what a principal granted in the app. The same role may come from two sources.
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    /** The unit (standard, principal) or subtree root (backoffice); none for admin. */
    unitId: uuid('unit_id').references((): AnyPgColumn => units.id),
    source: roleSourceEnum('source').notNull(),
    grantedBy: uuid('granted_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('role_assignments_identity').on(t.userId, t.role, t.unitId, t.source).nullsNotDistinct(),
    check('role_assignments_scope', sql`(${t.role} = 'admin') = (${t.unitId} is null)`),
    index('role_assignments_unit_idx').on(t.unitId),
  ],
);
