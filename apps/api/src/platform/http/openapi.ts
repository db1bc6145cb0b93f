import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const { version } = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/**
 * The OpenAPI 3.1 document is generated from the routes' Zod schemas, so it cannot drift from
 * what the server validates: `/api/openapi.json`, browsable at `/api/docs`.
 */
export const openApi = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'CO₂ Calculator API',
          version,
          description:
            'Annual greenhouse-gas footprint of a research institution’s units. ' +
            'Errors are RFC 9457 problem details (`application/problem+json`). ' +
            'Lists take `page`, `pageSize` (≤ 1000), `sort` (`field` or `-field`) and `q`.',
        },
        tags: [
          { name: 'operations', description: 'Health and readiness probes' },
          { name: 'auth', description: 'Sign-in, tokens and the current session' },
          { name: 'users', description: 'People and their roles' },
          { name: 'units', description: 'The institution’s organisational tree' },
          { name: 'years', description: 'Reporting years and how their modules are run' },
          { name: 'reports', description: 'A unit’s footprint of a year, module by module' },
          { name: 'entries', description: 'Rows of activity data and their emissions' },
          { name: 'factors', description: 'Emission factors, versioned by year' },
          { name: 'reference', description: 'Airports and railway stations' },
          { name: 'reporting', description: 'Across units, for the back office' },
          { name: 'templates', description: 'CSV formats and their templates' },
          { name: 'uploads', description: 'Signed URLs to send files to storage' },
          { name: 'storage', description: 'The embedded store’s signed URLs (not with S3)' },
          { name: 'audit', description: 'The append-only, hash-chained audit log' },
          { name: 'system', description: 'Health of the system for its administrators' },
        ],
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: 'An access token from `POST /api/v1/auth/login` or `/auth/refresh`',
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });

    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { deepLinking: true },
      // The UI's own CSP (it needs a hashed inline script) replaces the app-wide one; TLS is
      // terminated in front of the API, so plain-HTTP local runs must not be upgraded.
      staticCSP: true,
      transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
    });
  },
  { name: 'openapi' },
);
