import { MAX_UNIT_LEVEL, MIN_UNIT_LEVEL, UNIT_ROLES, UNIT_TYPES } from '@co2-calculator/domain';
import { z } from 'zod';

/**
 * What the institution's registry answers (JSON): the whole unit tree and every role it grants.
 * A snapshot is complete: a unit it leaves out is deactivated by the sync, an assignment it
 * leaves out is revoked. Unknown keys are ignored, so the registry may send more than we read.
 */

const code = z.string().trim().min(1).max(100);
const name = z.string().trim().min(1).max(500);

export const registryUnitSchema = z
  .object({
    code,
    nameEn: name,
    nameFr: name,
    level: z.number().int().min(MIN_UNIT_LEVEL).max(MAX_UNIT_LEVEL),
    /** The parent's code; null for the root (the institution, level 1) and only for it. */
    parentCode: code.nullable(),
    type: z.enum(UNIT_TYPES),
    active: z.boolean().default(true),
  })
  .refine((unit) => (unit.parentCode === null) === (unit.level === MIN_UNIT_LEVEL), {
    message: `a unit has no parent exactly when it is at level ${MIN_UNIT_LEVEL}`,
    path: ['parentCode'],
  });

const person = {
  /** Stored lower-case, as users.email is. */
  email: z.string().trim().toLowerCase().pipe(z.email()),
  /** The registry's stable id for the person; preferred over the e-mail to find them. */
  institutionalId: z.string().trim().min(1).max(200).optional(),
  displayName: z.string().trim().min(1).max(500).optional(),
};

export const registryAssignmentSchema = z.discriminatedUnion('role', [
  z.object({ ...person, role: z.literal('admin'), unitCode: z.null().optional() }),
  z.object({ ...person, role: z.enum(UNIT_ROLES), unitCode: code }),
]);

export const registrySnapshotSchema = z.object({
  units: z.array(registryUnitSchema),
  assignments: z.array(registryAssignmentSchema),
});

export type RegistryUnit = z.output<typeof registryUnitSchema>;
export type RegistryAssignment = z.output<typeof registryAssignmentSchema>;
/** A parsed snapshot: e-mails lower-cased, strings trimmed, `active` defaulted to true. */
export type RegistrySnapshot = z.output<typeof registrySnapshotSchema>;
/** What a registry may send (before defaults and normalisation). */
export type RegistrySnapshotInput = z.input<typeof registrySnapshotSchema>;
