import { z } from 'zod';
import { ROLES } from '../access/roles.js';
import { MAX_UNIT_LEVEL, MIN_UNIT_LEVEL, UNIT_TYPES } from '../units.js';
import { flatFormat } from './format.js';

/*
 * The institution's registry as CSV files: the unit tree and the role assignments, with the
 * same rules as its JSON feed (a file is a whole snapshot: the import deactivates what it
 * leaves out, never deletes).
 */

const unitCode = z.string().trim().min(1).max(100);
const unitName = z.string().trim().min(1).max(500);

export const unitRowSchema = z
  .object({
    code: unitCode.describe('Unique code of the unit in the registry, e.g. L01'),
    parentCode: unitCode
      .optional()
      .describe('Code of the parent unit; empty for the institution (level 1) and only for it'),
    level: z
      .number()
      .int()
      .min(MIN_UNIT_LEVEL)
      .max(MAX_UNIT_LEVEL)
      .describe('1 institution, 2 faculty, 3 institute, 4 lab (where data is entered)'),
    nameEn: unitName.describe('Name in English'),
    nameFr: unitName.describe('Name in French'),
    type: z
      .enum(UNIT_TYPES)
      .describe('organisation above labs; lab, platform or service at level 4'),
    active: z.boolean().default(true).describe('An inactive unit is kept but hidden from entry'),
  })
  .refine((unit) => (unit.parentCode === undefined) === (unit.level === MIN_UNIT_LEVEL), {
    message: `must be empty exactly when the level is ${MIN_UNIT_LEVEL} (the institution)`,
    path: ['parentCode'],
  });

export type UnitRow = z.output<typeof unitRowSchema>;

export const UNITS_CSV = flatFormat({
  name: 'units',
  target: 'units',
  title: 'Units of the institution (the organisational tree)',
  schema: unitRowSchema,
  example: {
    code: 'L01',
    parentCode: 'SCI-CHEM',
    level: 4,
    nameEn: 'Laboratory of Organic Synthesis 1',
    nameFr: 'Laboratoire Synthèse organique 1',
    type: 'lab',
    active: true,
  },
});

export const roleAssignmentRowSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('must be an e-mail address'))
      .describe('E-mail address of the person (matched ignoring case)'),
    role: z.enum(ROLES).describe('standard, principal or backoffice in a unit; admin everywhere'),
    unitCode: unitCode
      .optional()
      .describe('Code of the unit (backoffice: the root of the subtree); empty for admin'),
    institutionalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("The registry's stable id of the person; preferred over the e-mail to find them"),
    displayName: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('Name shown in the app, for a person not known yet'),
  })
  .refine((row) => (row.role === 'admin') === (row.unitCode === undefined), {
    message: 'must be empty for admin and only for admin',
    path: ['unitCode'],
  });

export type RoleAssignmentRow = z.output<typeof roleAssignmentRowSchema>;

export const ROLE_ASSIGNMENTS_CSV = flatFormat({
  name: 'role-assignments',
  target: 'role-assignments',
  title: 'Role assignments: who holds which role in which unit',
  schema: roleAssignmentRowSchema,
  example: {
    email: 'pi.l01@demo.example',
    role: 'principal',
    unitCode: 'L01',
    displayName: 'A. Researcher',
  },
});
