import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateEntry,
  FactorIndex,
  purchase,
  PURCHASE_SUB_MODULES,
  totalKg,
} from '../../src/index.js';
import { expectClose } from './close.js';
import { contextOf, type FactorSpec } from './support.js';

const factors: FactorSpec[] = [
  { factorSet: 'purchases', classification: { code: 'NB13' }, values: { kgCo2eqPerEur: 0.5 } },
  {
    factorSet: 'purchases',
    classification: { code: '*', subModule: 'consumables' },
    values: { kgCo2eqPerEur: 0.3 },
  },
  {
    factorSet: 'purchases',
    classification: { code: '*', subModule: 'it-equipment' },
    values: { kgCo2eqPerEur: 0.4 },
  },
  {
    factorSet: 'purchases-unspsc',
    classification: { unspsc: '41121800', nacres: 'NB13' },
    values: {},
  },
  { factorSet: 'purchases', classification: { code: 'AB12' }, values: { kgCo2eqPerEur: null } },
  {
    factorSet: 'purchases-unspsc',
    classification: { unspsc: '12000000', nacres: 'NB13' },
    values: {},
  },
  {
    factorSet: 'purchases-unspsc',
    classification: { unspsc: '12000000', nacres: 'AA01' },
    values: {},
  },
  { factorSet: 'purchases', classification: { code: 'AA01' }, values: { kgCo2eqPerEur: 0.9 } },
];
const exchangeRates = { 'CHF>EUR': 1.0468 };
const context = contextOf(factors, { exchangeRates });
const row = (fields: Record<string, unknown>) =>
  purchase.fields.parse({
    name: 'Nitrile gloves',
    amount: 1234.5,
    currency: 'CHF',
    purchaseCode: 'NB13',
    ...fields,
  });

describe('purchase', () => {
  it('converts the amount to euros at the year rate and multiplies by the NACRES factor', () => {
    const result = purchase.calculate(row({}), context, 'consumables');
    // 1,234.50 CHF × 1.0468 EUR/CHF = 1,292.2746 EUR; × 0.5 kg/EUR = 646.1373 kg
    expect(result.flags).toEqual([]);
    expect(result.emissions).toHaveLength(1);
    const [line] = result.emissions;
    expect(line!.emissionType).toBe('purchases.consumables');
    expect(line!.kgCo2eq).toBeCloseTo(646.1373, 9);
    expect(line!.quantity!.unit).toBe('EUR');
    expect(line!.quantity!.value).toBeCloseTo(1292.2746, 9);
    expect(line!.factorIds).toEqual(['f1']);
  });

  it('needs no exchange rate for an amount in euros', () => {
    const noRates = { ...context, references: {} };
    const result = purchase.calculate(row({ amount: 2500, currency: 'eur' }), noRates, 'services');
    // 2,500 EUR × 0.5 kg/EUR = 1,250 kg
    expect(totalKg(result)).toBeCloseTo(1250, 9);
    expect(result.emissions[0]!.emissionType).toBe('purchases.services');
  });

  it("falls back to the sub-module's default factor and books under the row's sub-module", () => {
    const result = purchase.calculate(
      row({ amount: 800, currency: 'EUR', purchaseCode: 'ZZ99' }),
      context,
      'it-equipment',
    );
    // 800 EUR × 0.4 kg/EUR = 320 kg, default of it-equipment
    expect(result.emissions).toEqual([
      {
        emissionType: 'purchases.it-equipment',
        kgCo2eq: 320,
        quantity: { value: 800, unit: 'EUR' },
        factorIds: ['f3'],
      },
    ]);
  });

  it('treats a code whose factor has no value like a code without factor', () => {
    const result = purchase.calculate(row({ purchaseCode: 'AB12' }), context, 'consumables');
    // 1,292.2746 EUR × 0.3 kg/EUR (consumables default) = 387.68238 kg
    expect(totalKg(result)).toBeCloseTo(387.68238, 9);
    expect(result.emissions[0]!.factorIds).toEqual(['f2']);
  });

  it('maps a UNSPSC code to NACRES through the correspondence set', () => {
    const mapped = purchase.calculate(
      row({ purchaseCode: '41121800', codeSystem: 'unspsc' }),
      context,
      'consumables',
    );
    expect(mapped.emissions[0]!.factorIds).toEqual(['f1']);
    expect(totalKg(mapped)).toBeCloseTo(646.1373, 9);

    // Two NACRES codes for one UNSPSC code: the first in code order (AA01 before NB13).
    const ambiguous = purchase.calculate(
      row({ amount: 100, currency: 'EUR', purchaseCode: '12000000', codeSystem: 'unspsc' }),
      context,
      'consumables',
    );
    expect(ambiguous.emissions[0]!.factorIds).toEqual(['f8']);
    expect(totalKg(ambiguous)).toBeCloseTo(90, 9);

    const unmapped = purchase.calculate(
      row({ purchaseCode: '99999999', codeSystem: 'unspsc' }),
      context,
      'consumables',
    );
    expect(unmapped.emissions[0]!.factorIds).toEqual(['f2']);
  });

  it('keeps and flags a row without factor or without exchange rate', () => {
    const noFactor = purchase.calculate(row({ purchaseCode: 'ZZ99' }), context, 'vehicles');
    expect(noFactor.emissions).toEqual([]);
    expect(noFactor.flags).toEqual([
      {
        code: 'missing-factor',
        factorSet: 'purchases',
        classification: { code: 'ZZ99' },
        message:
          "No purchases factor for NACRES code ZZ99, nor a default for sub-module vehicles, in this year's factor set.",
      },
    ]);

    const unmapped = purchase.calculate(
      row({ purchaseCode: '99999999', codeSystem: 'unspsc' }),
      context,
      'other-purchases',
    );
    expect(unmapped.flags).toMatchObject([
      { code: 'missing-factor', classification: { code: '*', subModule: 'other-purchases' } },
    ]);

    const noRate = purchase.calculate(row({ currency: 'USD' }), context, 'consumables');
    expect(noRate.emissions).toEqual([]);
    expect(noRate.flags).toEqual([
      {
        code: 'missing-reference',
        reference: 'exchange rate USD>EUR',
        message: 'No average USD to EUR exchange rate for the year.',
      },
    ]);

    const neither = purchase.calculate(
      row({ currency: 'USD', purchaseCode: 'ZZ99' }),
      context,
      'vehicles',
    );
    expect(neither.flags.map((flag) => flag.code)).toEqual(['missing-factor', 'missing-reference']);
  });

  it('refuses a non-positive exchange rate', () => {
    const zeroRate = contextOf(factors, { exchangeRates: { 'CHF>EUR': 0 } });
    const result = purchase.calculate(row({}), zeroRate, 'consumables');
    expect(result.flags.map((flag) => flag.code)).toEqual(['missing-reference']);
  });

  it('books an override under the sub-module leaf', () => {
    for (const subModule of PURCHASE_SUB_MODULES) {
      const leaf = subModule === 'other-purchases' ? 'purchases.other' : `purchases.${subModule}`;
      expect(purchase.overrideEmissionType(subModule)).toBe(leaf);
      const result = calculateEntry(purchase, subModule, row({}), 42, context);
      expect(result.emissions).toEqual([{ emissionType: leaf, kgCo2eq: 42, factorIds: [] }]);
    }
    expect(() => purchase.overrideEmissionType('centralised')).toThrow(/centralised/);
  });

  it('normalises and accepts well-formed rows', () => {
    const parsed = purchase.fields.parse({
      name: ' Pipette tips ',
      supplier: 'Lab Supplies SA',
      quantity: 12,
      amount: 0,
      currency: 'chf',
      purchaseCode: 'nb13',
    });
    expect(parsed).toEqual({
      name: 'Pipette tips',
      supplier: 'Lab Supplies SA',
      quantity: 12,
      amount: 0,
      currency: 'CHF',
      purchaseCode: 'NB13',
      codeSystem: 'nacres',
    });
    expect(
      purchase.fields.safeParse({
        name: 'Laptop',
        amount: 1500,
        currency: 'EUR',
        purchaseCode: '43211503',
        codeSystem: 'unspsc',
      }).success,
    ).toBe(true);
  });

  it('rejects malformed rows', () => {
    for (const bad of [
      { name: '' },
      { amount: -1 },
      { amount: Number.POSITIVE_INFINITY },
      { quantity: -1 },
      { currency: 'EURO' },
      { currency: 'E1R' },
      { purchaseCode: 'N13' },
      { purchaseCode: '' },
      { purchaseCode: 'NB13', codeSystem: 'unspsc' },
      { purchaseCode: '4112180', codeSystem: 'unspsc' },
      { codeSystem: 'cpv' },
    ]) {
      expect(
        purchase.fields.safeParse({
          name: 'Gloves',
          amount: 10,
          currency: 'EUR',
          purchaseCode: 'NB13',
          ...bad,
        }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
    expect(purchase.fields.safeParse({ name: 'Gloves', amount: 10, currency: 'EUR' }).success).toBe(
      false,
    );
  });

  it('gives zero for a zero amount and is linear in the amount (property)', () => {
    const withDefaults = contextOf(
      [
        ...factors,
        ...PURCHASE_SUB_MODULES.filter((s) => s !== 'consumables' && s !== 'it-equipment').map(
          (subModule) => ({
            factorSet: 'purchases',
            classification: { code: '*', subModule },
            values: { kgCo2eqPerEur: 0.25 },
          }),
        ),
      ],
      { exchangeRates },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('EUR', 'CHF'),
        fc.constantFrom(...PURCHASE_SUB_MODULES),
        fc.constantFrom('NB13', 'ZZ99'),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (currency, subModule, purchaseCode, amount, k) => {
          const calculate = (value: number) =>
            purchase.calculate(
              row({ amount: value, currency, purchaseCode }),
              withDefaults,
              subModule,
            );
          const base = calculate(amount);
          expect(base.flags).toEqual([]);
          expect(base.emissions).toHaveLength(1);
          expect(totalKg(calculate(0))).toBe(0);
          expectClose(totalKg(calculate(amount * k)), totalKg(base) * k);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PURCHASE_SUB_MODULES),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.constantFrom('CHF', 'USD'),
        (subModule, kg, currency) => {
          const result = calculateEntry(purchase, subModule, row({ currency }), kg, context);
          expect(totalKg(result)).toBe(kg);
          expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
        },
      ),
    );
  });

  it('flags rather than drops a row whose factor or rate is missing (property)', () => {
    const empty = { year: 2025, factors: new FactorIndex(2025, []), references: {} };
    fc.assert(
      fc.property(
        fc.constantFrom(...PURCHASE_SUB_MODULES),
        fc.stringMatching(/^[A-Z]{2}\d{2}$/),
        fc.constantFrom('EUR', 'CHF', 'USD'),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (subModule, purchaseCode, currency, amount) => {
          const result = purchase.calculate(
            row({ purchaseCode, currency, amount }),
            empty,
            subModule,
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
