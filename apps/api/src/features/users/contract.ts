import { ROLE_SOURCES, ROLES, roleAssignmentSchema } from '@co2-calculator/domain';
import { z } from 'zod';
import { listOf, paginationQuery, sortQuery } from '../../platform/http/list.js';

export const userRoleSchema = z
  .object({
    role: z.enum(ROLES),
    unitId: z.uuid().nullable().describe('The unit (subtree root for backoffice); null for admin'),
    source: z
      .enum(ROLE_SOURCES)
      .describe('Who granted it: the IdP, the registry, a CSV or the app'),
  })
  .meta({ id: 'UserRole' });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    institutionalId: z.string().nullable(),
    active: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    roles: z.array(userRoleSchema),
  })
  .meta({ id: 'User' });

export const USER_SORT_FIELDS = ['email', 'displayName', 'lastLoginAt'] as const;

export const userListQuerySchema = z.object({
  ...paginationQuery,
  sort: sortQuery(USER_SORT_FIELDS, 'email'),
  q: z.string().trim().min(1).max(200).optional().describe('Text in the e-mail or the name'),
  unitId: z.uuid().optional().describe('Only users holding a role in this unit'),
  role: z.enum(ROLES).optional(),
});

export const userListSchema = listOf(userSchema).meta({ id: 'UserList' });

export const userIdParamsSchema = z.object({ id: z.uuid() });

export const setRolesBodySchema = z
  .object({
    roles: z
      .array(roleAssignmentSchema)
      .max(500)
      .describe(
        'The complete list of app-granted roles the caller manages for this user: missing ones ' +
          'are revoked, new ones granted. Roles from the IdP, the registry or CSV are untouched.',
      ),
  })
  .meta({ id: 'SetRoles' });

export type User = z.infer<typeof userSchema>;
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const memberPathSchema = z.object({ unitId: z.uuid() });

export const addMemberBodySchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email().max(320))
      .describe('The e-mail address of an existing account'),
  })
  .meta({ id: 'AddMember' });
