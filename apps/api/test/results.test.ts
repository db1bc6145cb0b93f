import { classificationKey } from '@co2-calculator/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factors } from '../src/features/factors/table.js';
import { reportSchema, resultsSchema } from '../src/features/reports/contract.js';
import { years } from '../src/features/years/table.js';
import { auditRowsAfter, lastAuditId } from './support/audit.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let unitId: string;
let principal: SignedIn;
let member: SignedIn;

const gas = (year: number, code: string, gwp100: number) => {
  const classification = { code };
  return {
    factorSet: 'process-gases',
    year,
    emissionType: 'process.gases',
    classification,
    classificationKey: classificationKey(classification),
    values: { gwp100 },
    unit: 'kg CO2-eq / kg',
    source: 'IPCC AR5',
  };
};
const car = (year: number) => ({
  factorSet: 'equivalents',
  year,
  emissionType: null,
  classification: { equivalent: 'car-km' },
  classificationKey: classificationKey({ equivalent: 'car-km' }),
  values: { kgCo2eqPerKm: 0.2 },
  unit: 'kg CO2-eq / km',
  source: 'illustrative',
});
const staff = (year: number) => {
  const classification = { category: 'food', class: 'meal' };
  return {
    factorSet: 'headcount-staff',
    year,
    emissionType: 'headcount.food',
    classification,
    classificationKey: classificationKey(classification),
    values: { unitsPerFte: 100, kgCo2eqPerUnit: 2 },
    unit: 'kg CO2-eq / meal',
    source: 'illustrative',
  };
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const ids = await insertUnits(testDb.handle.db, [
    { code: 'ROOT', level: 1 },
    { code: 'LAB', level: 4, parent: 'ROOT' },
  ]);
  unitId = ids.get('LAB')!;
  await testDb.handle.db.insert(years).values([
    { year: 2024, open: true },
    { year: 2025, open: true },
  ]);
  await testDb.handle.db
    .insert(factors)
    .values([gas(2024, 'CH4', 28), gas(2025, 'CH4', 28), car(2025), staff(2025)]);
  app = await buildTestApp(testDb.handle);
  await createUser(testDb.handle.db, 'pi@test.example', [{ role: 'principal', unitId }]);
  await createUser(testDb.handle.db, 'member@test.example', [{ role: 'standard', unitId }]);
  principal = await signIn(app, 'pi@test.example');
  member = await signIn(app, 'member@test.example');
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const base = (year: number) => `/api/v1/units/${unitId}/years/${year}`;
const addGas = (year: number, kg: number) =>
  app.inject({
    method: 'POST',
    url: `${base(year)}/modules/process-emissions/entries`,
    headers: principal.headers,
    payload: { subModule: 'gases', fields: { code: 'CH4', kgReleased: kg } },
  });
const setStatus = (year: number, module: string, status: string, as = principal) =>
  app.inject({
    method: 'PUT',
    url: `${base(year)}/modules/${module}/status`,
    headers: as.headers,
    payload: { status },
  });
const results = async (year: number, as = principal) =>
  resultsSchema.parse(
    (await app.inject({ url: `${base(year)}/results`, headers: as.headers })).json(),
  );

describe('validation and results', () => {
  it('results count validated modules only', async () => {
    expect((await addGas(2025, 10)).statusCode).toBe(201); // 10 kg × 28 = 280 kg
    expect((await results(2025)).totalKgCo2eq).toBe(0);
    const before = await lastAuditId(testDb.handle.db);
    expect((await setStatus(2025, 'process-emissions', 'validated')).statusCode).toBe(204);
    const validated = await results(2025);
    expect(validated).toMatchObject({
      totalKgCo2eq: 280,
      totalTCo2eq: 0.28,
      byScope: { '1': 280 },
      byCategory: { process: 280 },
      byModule: { 'process-emissions': 280 },
      byEmissionType: { 'process.gases': 280 },
      validatedModules: ['process-emissions'],
      carKmEquivalent: 1400,
      itFocusKgCo2eq: 0,
    });
    const report = reportSchema.parse(
      (await app.inject({ url: `${base(2025)}/report`, headers: principal.headers })).json(),
    );
    expect(report.completion).toEqual({ validated: 1, enabled: 8 });
    expect(report.validatedKgCo2eq).toBe(280);
    // Each module's emission types, for its page's chart.
    const gases = report.modules.find((line) => line.module === 'process-emissions')!;
    expect(gases.byEmissionType).toEqual({ 'process.gases': 280 });
    expect(report.modules.find((line) => line.module === 'buildings')!.byEmissionType).toEqual({});
    const [audit] = await auditRowsAfter(testDb.handle.db, before);
    expect(audit).toMatchObject({ action: 'module.validated', before: { status: 'in_progress' } });
    // A validated module is locked until reopened.
    expect((await addGas(2025, 1)).statusCode).toBe(409);
  });

  it('refuses to validate a headcount without FTE, with the reason', async () => {
    const refused = await setStatus(2025, 'headcount', 'validated');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('no FTE');
    const member1 = await app.inject({
      method: 'POST',
      url: `${base(2025)}/modules/headcount/entries`,
      headers: principal.headers,
      payload: {
        subModule: 'members',
        fields: { name: 'Ada', functionCode: 'PI', personId: 'P1', fte: 0.5 },
      },
    });
    expect(member1.statusCode).toBe(201);
    expect((await setStatus(2025, 'headcount', 'validated')).statusCode).toBe(204);
    const withHeadcount = await results(2025);
    // 0.5 FTE × 100 meals × 2 kg = 100 kg of food, per FTE: 380 / 0.5.
    expect(withHeadcount.totalKgCo2eq).toBe(380);
    expect(withHeadcount.fte).toBe(0.5);
    expect(withHeadcount.perFteKgCo2eq).toBe(760);
  });

  it('compares with the previous year and shows the evolution', async () => {
    await addGas(2024, 20); // 560 kg
    await setStatus(2024, 'process-emissions', 'validated');
    const current = await results(2025);
    expect(current.previousYear).toEqual({
      year: 2024,
      totalKgCo2eq: 560,
      changePercent: ((380 - 560) / 560) * 100,
    });
    expect(current.evolution).toEqual([
      { year: 2024, totalKgCo2eq: 560 },
      { year: 2025, totalKgCo2eq: 380 },
    ]);
  });

  it('reopening takes a module out of the results', async () => {
    expect((await setStatus(2025, 'headcount', 'in_progress')).statusCode).toBe(204);
    expect((await results(2025)).totalKgCo2eq).toBe(280);
  });

  it('only principals validate; members see the results', async () => {
    expect((await setStatus(2025, 'process-emissions', 'in_progress', member)).statusCode).toBe(
      403,
    );
    expect((await results(2025, member)).totalKgCo2eq).toBe(280);
  });
});
