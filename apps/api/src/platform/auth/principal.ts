import type { PermissionMap, RoleAssignment } from '@co2-calculator/domain';

/** The authenticated caller of a request, as the route guard resolved it. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  /** The sign-in session (refresh-token family) of the access token. */
  sessionId: string;
  assignments: RoleAssignment[];
  permissions: PermissionMap;
  /** Materialised path of every unit an assignment names, for subtree and ancestry checks. */
  unitPaths: ReadonlyMap<string, string>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the route guard on every route that is not public. */
    principal?: Principal;
  }
}
