import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AI_DEFAULT_WORKING_DAYS_PER_YEAR,
  aiUsage,
  calculateEntry,
  totalKg,
} from '../../src/index.js';
import { expectClose } from './close.js';
import { contextOf, type FactorSpec } from './support.js';

const factors: FactorSpec[] = [
  {
    factorSet: 'ai',
    classification: { provider: 'openai', usageType: 'chat' },
    values: { kgCo2eqPerRequest: 0.004 },
  },
  {
    factorSet: 'ai',
    classification: { provider: 'mistral', usageType: 'chat' },
    values: { kgCo2eqPerRequest: 0.002, workingDaysPerYear: 210 },
  },
  {
    factorSet: 'ai',
    classification: { provider: '*', usageType: 'image' },
    values: { kgCo2eqPerRequest: 0.02 },
  },
  { factorSet: 'ai-bands', classification: { band: '1-10' }, values: { requestsPerDay: 5 } },
  { factorSet: 'ai-bands', classification: { band: '10-50' }, values: { requestsPerDay: 30 } },
  { factorSet: 'ai-bands', classification: { band: '50+' }, values: { requestsPerDay: 75 } },
  { factorSet: 'ai-bands', classification: { band: 'unknown' }, values: { requestsPerDay: null } },
];
const context = contextOf(factors);
const row = (fields: Record<string, unknown>) =>
  aiUsage.fields.parse({
    provider: 'openai',
    usageType: 'chat',
    requestsBand: '10-50',
    fte: 3.5,
    ...fields,
  });

describe('AI usage', () => {
  it("multiplies the band's requests per day by working days, FTE and the factor per request", () => {
    const result = aiUsage.calculate(row({}), context, 'ai');
    // 30 requests/day × 220 days × 3.5 FTE = 23,100 requests; × 0.004 kg = 92.4 kg
    expect(result.flags).toEqual([]);
    expect(result.emissions).toHaveLength(1);
    const [line] = result.emissions;
    expect(line!.emissionType).toBe('digital.ai');
    expect(line!.kgCo2eq).toBeCloseTo(92.4, 9);
    expect(line!.quantity).toEqual({ value: 23_100, unit: 'request' });
    expect(line!.factorIds).toEqual(['f1', 'f5']);
    expect(AI_DEFAULT_WORKING_DAYS_PER_YEAR).toBe(220);
  });

  it("uses the factor's working days when it has them", () => {
    const result = aiUsage.calculate(
      row({ provider: 'mistral', requestsBand: '1-10', fte: 2 }),
      context,
      'ai',
    );
    // 5 × 210 × 2 = 2,100 requests × 0.002 kg = 4.2 kg
    expect(totalKg(result)).toBeCloseTo(4.2, 9);
    expect(result.emissions[0]!.quantity).toEqual({ value: 2100, unit: 'request' });
  });

  it('falls back to the any-provider factor of the usage type', () => {
    const result = aiUsage.calculate(
      row({ provider: 'midjourney', usageType: 'image', requestsBand: '50+', fte: 1 }),
      context,
      'ai',
    );
    // 75 × 220 × 1 = 16,500 requests × 0.02 kg = 330 kg
    expect(totalKg(result)).toBeCloseTo(330, 9);
    expect(result.emissions[0]!.factorIds).toEqual(['f3', 'f6']);
  });

  it('keeps and flags a row without factor or without band', () => {
    const noFactor = aiUsage.calculate(row({ usageType: 'code' }), context, 'ai');
    expect(noFactor).toEqual({
      emissions: [],
      flags: [
        {
          code: 'missing-factor',
          factorSet: 'ai',
          classification: { provider: 'openai', usageType: 'code' },
          message: "No ai factor for provider openai, usageType code in this year's factor set.",
        },
      ],
    });
    const noBand = aiUsage.calculate(row({ requestsBand: '100+' }), context, 'ai');
    expect(noBand.flags).toEqual([
      {
        code: 'missing-factor',
        factorSet: 'ai-bands',
        classification: { band: '100+' },
        message: "No ai-bands factor for band 100+ in this year's factor set.",
      },
    ]);
    const emptyBand = aiUsage.calculate(row({ requestsBand: 'unknown' }), context, 'ai');
    expect(emptyBand.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
    const neither = aiUsage.calculate(
      row({ usageType: 'code', requestsBand: '100+' }),
      context,
      'ai',
    );
    expect(neither.emissions).toEqual([]);
    expect(neither.flags.map((flag) => 'factorSet' in flag && flag.factorSet)).toEqual([
      'ai',
      'ai-bands',
    ]);
  });

  it('normalises and accepts well-formed rows, rejects malformed ones', () => {
    expect(
      aiUsage.fields.parse({
        provider: ' openai',
        usageType: 'chat ',
        requestsBand: '1-10',
        fte: 0,
      }),
    ).toEqual({ provider: 'openai', usageType: 'chat', requestsBand: '1-10', fte: 0 });
    for (const bad of [
      { provider: '' },
      { usageType: '' },
      { requestsBand: '' },
      { requestsBand: 10 },
      { fte: -0.5 },
      { fte: Number.POSITIVE_INFINITY },
      { fte: undefined },
    ]) {
      expect(
        aiUsage.fields.safeParse({
          provider: 'openai',
          usageType: 'chat',
          requestsBand: '1-10',
          fte: 1,
          ...bad,
        }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('gives zero for zero FTE and is linear in FTE (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['openai', 'chat'], ['mistral', 'chat'], ['stability', 'image']),
        fc.constantFrom('1-10', '10-50', '50+'),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        ([provider, usageType], requestsBand, fte, k) => {
          const calculate = (value: number) =>
            aiUsage.calculate(
              row({ provider, usageType, requestsBand, fte: value }),
              context,
              'ai',
            );
          const base = calculate(fte);
          expect(base.flags).toEqual([]);
          expect(totalKg(calculate(0))).toBe(0);
          expectClose(totalKg(calculate(fte * k)), totalKg(base) * k);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.constantFrom('chat', 'code'),
        (kg, usageType) => {
          const result = calculateEntry(aiUsage, 'ai', row({ usageType }), kg, context);
          expect(result.emissions).toEqual([
            { emissionType: 'digital.ai', kgCo2eq: kg, factorIds: [] },
          ]);
          expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
        },
      ),
    );
  });

  it('flags rather than drops a row whose factors are missing (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name.trim() !== ''),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (usageType, fte) => {
          const result = aiUsage.calculate(row({ usageType, fte }), contextOf([]), 'ai');
          expect(result.emissions).toEqual([]);
          expect(result.flags.map((flag) => flag.code)).toEqual([
            'missing-factor',
            'missing-factor',
          ]);
        },
      ),
    );
  });
});
