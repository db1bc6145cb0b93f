import {
  csvFormats,
  decodeRow,
  factorCsvFormat,
  type FactorRow,
  SUB_MODULE_IDS,
} from '@co2-calculator/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvTemplateListSchema } from '../src/features/templates/contract.js';
import { demoFactors } from '../src/features/demo/factor-set.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let member: SignedIn;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const ids = await insertUnits(testDb.handle.db, [{ code: 'LAB', level: 1 }]);
  app = await buildTestApp(testDb.handle);
  const user = await createUser(testDb.handle.db, 'member@test.example', [
    { role: 'standard', unitId: ids.get('LAB')! },
  ]);
  member = await signIn(app, user.email);
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('GET /api/v1/templates/{name}.csv', () => {
  it('downloads a sub-module template as an attachment, which reads back', async () => {
    const response = await app.inject({
      url: '/api/v1/templates/plane.csv',
      headers: member.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="plane.csv"');
    expect(response.body.startsWith('\uFEFF# ')).toBe(true);
    // After the byte-order mark and the comment lines: the header and the example row.
    const lines = response.body
      .slice(1)
      .split('\r\n')
      .filter((line) => !line.startsWith('#'));
    expect(lines).toEqual([
      'unitCode,origin,destination,traveller,date,trips,roundTrip,distanceKm,class,kgCo2eq,note',
      'L01,GVA,JFK,A. Researcher,2025-03-10,1,yes,,economy,,',
      '',
    ]);
  });

  it('serves every format, factor sets and reference data included', async () => {
    for (const name of ['factors-electricity', 'units', 'role-assignments', 'exchange-rates']) {
      const response = await app.inject({
        url: `/api/v1/templates/${name}.csv`,
        headers: member.headers,
      });
      expect(response.statusCode, name).toBe(200);
    }
  });

  it('answers 404 with a problem for an unknown name', async () => {
    const response = await app.inject({
      url: '/api/v1/templates/nonsense.csv',
      headers: member.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain('nonsense');
  });

  it('asks for a sign-in', async () => {
    const response = await app.inject({ url: '/api/v1/templates/plane.csv' });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/v1/templates', () => {
  it('lists every format with its columns and template link', async () => {
    const response = await app.inject({ url: '/api/v1/templates', headers: member.headers });
    expect(response.statusCode).toBe(200);
    const list = csvTemplateListSchema.parse(response.json());
    expect(list.items.map((item) => item.name)).toEqual(csvFormats().map((format) => format.name));
    expect(
      list.items.filter((item) => item.target === 'module-data').map((item) => item.name),
    ).toEqual(SUB_MODULE_IDS);
    const fte = list.items
      .find((item) => item.name === 'members')!
      .columns.find((column) => column.name === 'fte');
    expect(fte).toMatchObject({
      type: 'number',
      required: true,
      minimum: 0,
      maximum: 1,
      rule: 'required number, from 0 to 1',
    });
    expect(list.items.find((item) => item.name === 'factors-electricity')).toMatchObject({
      target: 'factors',
      factorSet: 'electricity',
      href: '/api/v1/templates/factors-electricity.csv',
    });
  });

  it('documents both operations in the OpenAPI document, the template as text/csv', async () => {
    const document = (await app.inject({ url: '/api/openapi.json' })).json();
    const template = document.paths['/api/v1/templates/{name}.csv'].get;
    expect(Object.keys(template.responses['200'].content)).toEqual(['text/csv']);
    expect(document.paths['/api/v1/templates'].get).toBeDefined();
  });
});

describe('the factor formats fit the factors the product ships', () => {
  it('reads back every demo factor, written in its set’s format', () => {
    for (const factor of demoFactors(2025)) {
      const format = factorCsvFormat(factor.factorSet);
      expect(format, factor.factorSet).toBeDefined();
      const row: FactorRow = {
        emissionType: factor.emissionType as FactorRow['emissionType'],
        classification: factor.classification,
        values: factor.values,
        unit: factor.unit,
        source: factor.source,
      };
      const cells = Object.fromEntries(
        Object.entries(format!.cellsOf(row)).map(([name, value]) => [name, String(value)]),
      );
      const decoded = decodeRow(format!, cells);
      expect(decoded, `${factor.factorSet} ${factor.classificationKey}`).toMatchObject({
        ok: true,
        value: { ...row, values: expect.objectContaining(factor.values) },
      });
    }
  });
});
