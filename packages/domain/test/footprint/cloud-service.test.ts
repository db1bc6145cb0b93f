import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateEntry, cloudService, totalKg } from '../../src/index.js';
import { expectClose } from './close.js';
import { contextOf, type FactorSpec } from './support.js';

const factors: FactorSpec[] = [
  {
    factorSet: 'cloud',
    classification: { provider: 'aws', service: 'compute' },
    values: { kgCo2eqPerEur: 0.35 },
  },
  {
    factorSet: 'cloud',
    classification: { provider: 'aws', service: '*' },
    values: { kgCo2eqPerEur: 0.25 },
  },
  {
    factorSet: 'cloud',
    classification: { provider: '*', service: '*' },
    values: { kgCo2eqPerEur: 0.2 },
  },
];
const exchangeRates = { 'USD>EUR': 0.924 };
const context = contextOf(factors, { exchangeRates });
const withoutDefault = contextOf(factors.slice(0, 2), { exchangeRates });
const row = (fields: Record<string, unknown>) =>
  cloudService.fields.parse({
    provider: 'aws',
    service: 'compute',
    amount: 12_000,
    currency: 'USD',
    ...fields,
  });

describe('cloud service', () => {
  it('converts the bill to euros and multiplies by the provider and service factor', () => {
    const result = cloudService.calculate(row({}), context, 'cloud');
    // 12,000 USD × 0.924 EUR/USD = 11,088 EUR; × 0.35 kg/EUR = 3,880.8 kg
    expect(result.flags).toEqual([]);
    expect(result.emissions).toHaveLength(1);
    const [line] = result.emissions;
    expect(line!.emissionType).toBe('digital.cloud');
    expect(line!.kgCo2eq).toBeCloseTo(3880.8, 9);
    expect(line!.quantity!.unit).toBe('EUR');
    expect(line!.quantity!.value).toBeCloseTo(11_088, 9);
    expect(line!.factorIds).toEqual(['f1']);
  });

  it("falls back to the provider's any-service factor, then to the any-provider one", () => {
    const storage = cloudService.calculate(row({ service: 'storage' }), context, 'cloud');
    // 11,088 EUR × 0.25 = 2,772 kg
    expect(totalKg(storage)).toBeCloseTo(2772, 9);
    expect(storage.emissions[0]!.factorIds).toEqual(['f2']);
    const azure = cloudService.calculate(row({ provider: 'azure' }), context, 'cloud');
    // 11,088 EUR × 0.2 = 2,217.6 kg
    expect(totalKg(azure)).toBeCloseTo(2217.6, 9);
    expect(azure.emissions[0]!.factorIds).toEqual(['f3']);
  });

  it('needs no exchange rate for a bill in euros', () => {
    const result = cloudService.calculate(
      row({ provider: 'exoscale', amount: 5000, currency: 'EUR' }),
      { ...context, references: {} },
      'cloud',
    );
    // 5,000 EUR × 0.2 = 1,000 kg
    expect(totalKg(result)).toBeCloseTo(1000, 9);
  });

  it('keeps and flags a row without factor or without exchange rate', () => {
    const noFactor = cloudService.calculate(row({ provider: 'azure' }), withoutDefault, 'cloud');
    expect(noFactor).toEqual({
      emissions: [],
      flags: [
        {
          code: 'missing-factor',
          factorSet: 'cloud',
          classification: { provider: 'azure', service: 'compute' },
          message: "No cloud factor for provider azure, service compute in this year's factor set.",
        },
      ],
    });
    const noRate = cloudService.calculate(row({ currency: 'GBP' }), context, 'cloud');
    expect(noRate.emissions).toEqual([]);
    expect(noRate.flags).toEqual([
      {
        code: 'missing-reference',
        reference: 'exchange rate GBP>EUR',
        message: 'No average GBP to EUR exchange rate for the year.',
      },
    ]);
    const neither = cloudService.calculate(
      row({ provider: 'azure', currency: 'GBP' }),
      withoutDefault,
      'cloud',
    );
    expect(neither.flags.map((flag) => flag.code)).toEqual(['missing-factor', 'missing-reference']);
  });

  it('normalises and accepts well-formed rows, rejects malformed ones', () => {
    expect(
      cloudService.fields.parse({
        provider: ' aws ',
        service: 'compute',
        amount: 0,
        currency: 'usd',
      }),
    ).toEqual({ provider: 'aws', service: 'compute', amount: 0, currency: 'USD' });
    for (const bad of [
      { provider: '' },
      { service: ' ' },
      { amount: -0.01 },
      { amount: Number.NaN },
      { currency: 'US' },
      { currency: 'US$' },
      { currency: undefined },
    ]) {
      expect(
        cloudService.fields.safeParse({
          provider: 'aws',
          service: 'compute',
          amount: 10,
          currency: 'EUR',
          ...bad,
        }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('gives zero for a zero amount and is linear in the amount (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('aws', 'azure'),
        fc.constantFrom('compute', 'storage'),
        fc.constantFrom('EUR', 'USD'),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (provider, service, currency, amount, k) => {
          const calculate = (value: number) =>
            cloudService.calculate(
              row({ provider, service, currency, amount: value }),
              context,
              'cloud',
            );
          const base = calculate(amount);
          expect(base.flags).toEqual([]);
          expect(totalKg(calculate(0))).toBe(0);
          expectClose(totalKg(calculate(amount * k)), totalKg(base) * k);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.constantFrom('USD', 'GBP'),
        (kg, currency) => {
          const result = calculateEntry(cloudService, 'cloud', row({ currency }), kg, context);
          expect(result.emissions).toEqual([
            { emissionType: 'digital.cloud', kgCo2eq: kg, factorIds: [] },
          ]);
          expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
        },
      ),
    );
  });

  it('flags rather than drops a row whose factor or rate is missing (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name.trim() !== ''),
        fc.constantFrom('EUR', 'CHF'),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (provider, currency, amount) => {
          const result = cloudService.calculate(
            row({ provider, currency, amount }),
            contextOf([]),
            'cloud',
          );
          expect(result.emissions).toEqual([]);
          const expected =
            currency === 'EUR' ? ['missing-factor'] : ['missing-factor', 'missing-reference'];
          expect(result.flags.map((flag) => flag.code)).toEqual(expected);
        },
      ),
    );
  });
});
