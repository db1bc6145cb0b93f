import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContext, principalOf } from '../../platform/auth/guard.js';
import { problemSchema } from '../../platform/http/problem.js';
import {
  addMemberBodySchema,
  memberPathSchema,
  setRolesBodySchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
} from './contract.js';
import { addMember } from './members.js';
import { getUser, listUsers, setAppRoles } from './service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { access: { resource: 'users', action: 'view' } },
      schema: {
        tags: ['users'],
        summary: 'List users (admins: all; principals: the members of their units)',
        querystring: userListQuerySchema,
        response: { 200: userListSchema, ...problems },
      },
    },
    (request) => listUsers(app.readDb, principalOf(request), request.query),
  );

  app.get(
    '/users/:id',
    {
      config: { access: { resource: 'users', action: 'view' } },
      schema: {
        tags: ['users'],
        summary: 'One user with their roles and where each came from',
        params: userIdParamsSchema,
        response: { 200: userSchema, ...problems, 404: problemSchema },
      },
    },
    (request) => getUser(app.db, principalOf(request), request.params.id),
  );

  app.put(
    '/users/:id/roles',
    {
      config: {
        access: [
          { resource: 'users', action: 'edit' },
          { resource: 'members', action: 'edit' },
        ],
      },
      schema: {
        tags: ['users'],
        summary:
          'Set the app-granted roles you manage (admins: any; principals: standard in their units)',
        params: userIdParamsSchema,
        body: setRolesBodySchema,
        response: {
          200: userSchema,
          ...problems,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    (request) =>
      setAppRoles(
        app.db,
        app.changes,
        principalOf(request),
        request.params.id,
        request.body.roles,
        auditContext(request),
      ),
  );

  app.post(
    '/units/:unitId/members',
    {
      config: {
        access: [
          { resource: 'users', action: 'edit' },
          { resource: 'members', action: 'edit' },
        ],
      },
      schema: {
        tags: ['users'],
        summary:
          'Give `standard` in the unit to the account with this e-mail (principals: delegation)',
        params: memberPathSchema,
        body: addMemberBodySchema,
        response: { 201: userSchema, ...problems, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const user = await addMember(
        app.db,
        app.changes,
        principalOf(request),
        request.params.unitId,
        request.body.email,
        auditContext(request),
      );
      return reply.code(201).send(user);
    },
  );
};
