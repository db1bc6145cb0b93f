import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateEntry,
  entryTypeOf,
  normaliseGasCode,
  processGas,
  totalKg,
} from '../../src/index.js';
import { contextOf, type FactorSpec } from './support.js';

const gwp = (factorSet: string, code: string, gwp100: number | null): FactorSpec => ({
  factorSet,
  classification: { code },
  values: { gwp100 },
});

// IPCC AR5 GWP100 values (WG I, chapter 8, table 8.A.1).
const factors = [
  gwp('process-gases', 'CO2', 1), // f1
  gwp('process-gases', 'CH4', 28), // f2
  gwp('process-gases', 'SF6', 23_500), // f3
  gwp('refrigerants', 'R-134a', 1_300), // f4
  gwp('refrigerants', 'R-410A', 1_924), // f5
];
const context = contextOf(factors);
const release = (fields: Record<string, unknown> = {}) =>
  processGas.fields.parse({ code: 'CH4', kgReleased: 7, ...fields });

describe('process gas', () => {
  it('serves both sub-modules of process emissions with a factor set and a leaf each', () => {
    expect(entryTypeOf('gases')).toBe(processGas);
    expect(entryTypeOf('refrigerants')).toBe(processGas);
    expect(processGas.module).toBe('process-emissions');
    expect(processGas.factorSets).toEqual(['process-gases', 'refrigerants']);
    expect(processGas.overrideEmissionType('gases')).toBe('process.gases');
    expect(processGas.overrideEmissionType('refrigerants')).toBe('process.refrigerants');
  });

  it('multiplies the mass released by the GWP of the gas (golden)', () => {
    // 7 kg CH4 × 28 = 196; 0.25 kg SF6 × 23,500 = 5,875
    expect(processGas.calculate(release(), context, 'gases')).toEqual({
      emissions: [
        {
          emissionType: 'process.gases',
          kgCo2eq: 196,
          quantity: { value: 7, unit: 'kg' },
          factorIds: ['f2'],
        },
      ],
      flags: [],
    });
    expect(
      totalKg(processGas.calculate(release({ code: 'SF6', kgReleased: 0.25 }), context, 'gases')),
    ).toBe(5_875);
  });

  it('books refrigerants under their own leaf with the refrigerant set (golden)', () => {
    // 1.2 kg R-410A × 1,924 = 2,308.8
    const result = processGas.calculate(
      release({ code: 'R-410A', kgReleased: 1.2 }),
      context,
      'refrigerants',
    );
    expect(result.emissions).toHaveLength(1);
    expect(result.emissions[0]!.emissionType).toBe('process.refrigerants');
    expect(result.emissions[0]!.factorIds).toEqual(['f5']);
    expect(totalKg(result)).toBeCloseTo(2_308.8, 9);
  });

  it('looks a code up in the set of the sub-module only', () => {
    const result = processGas.calculate(release({ code: 'R-134a' }), context, 'gases');
    expect(result).toEqual({
      emissions: [],
      flags: [
        {
          code: 'missing-factor',
          factorSet: 'process-gases',
          classification: { code: 'R-134a' },
          message: "No process-gases factor for code R-134a in this year's factor set.",
        },
      ],
    });
  });

  it('matches codes ignoring case, spaces and hyphens, the exact code first', () => {
    expect(normaliseGasCode(' r-134 a ')).toBe('R134A');
    for (const code of ['r134a', 'R 134A', 'r-134a', ' R-134a ']) {
      const result = processGas.calculate(release({ code }), context, 'refrigerants');
      expect(result.emissions[0]!.factorIds, code).toEqual(['f4']);
    }
    const both = contextOf([gwp('refrigerants', 'R-134a', 1_300), gwp('refrigerants', 'R134a', 9)]);
    const exact = processGas.calculate(release({ code: 'R134a' }), both, 'refrigerants');
    expect(exact.emissions[0]!.factorIds).toEqual(['f2']);
  });

  it('keeps and flags a code whose factor has no GWP', () => {
    const result = processGas.calculate(
      release({ code: 'NF3' }),
      contextOf([gwp('process-gases', 'NF3', null)]),
      'gases',
    );
    expect(result.emissions).toEqual([]);
    expect(result.flags).toMatchObject([
      { code: 'missing-factor', factorSet: 'process-gases', classification: { code: 'NF3' } },
    ]);
  });

  it('accepts well-formed rows', () => {
    expect(release({ code: '  SF6 ', kgReleased: 0 })).toEqual({ code: 'SF6', kgReleased: 0 });
    expect(release({ note: ' Chiller B ' }).note).toBe('Chiller B');
  });

  it('rejects malformed rows', () => {
    for (const bad of [
      { code: '' },
      { code: '   ' },
      { code: 'X'.repeat(51) },
      { code: 134 },
      { kgReleased: -0.1 },
      { kgReleased: 1_000_001 },
      { kgReleased: '3' },
      { kgReleased: Number.NaN },
      { kgReleased: undefined },
      { note: 'x'.repeat(1001) },
    ]) {
      expect(
        processGas.fields.safeParse({ code: 'CH4', kgReleased: 7, ...bad }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  const subModule = fc.constantFrom('gases' as const, 'refrigerants' as const);
  const codeOf = { gases: 'SF6', refrigerants: 'R-134a' };
  const kg = fc.double({ min: 0, max: 1_000_000, noNaN: true });

  it('zero kg gives zero (property)', () => {
    fc.assert(
      fc.property(subModule, (sub) => {
        const result = processGas.calculate(
          release({ code: codeOf[sub], kgReleased: 0 }),
          context,
          sub,
        );
        expect(result.emissions).toHaveLength(1);
        expect(totalKg(result)).toBe(0);
      }),
    );
  });

  it('is linear in the mass released (property)', () => {
    fc.assert(
      fc.property(subModule, kg, (sub, mass) => {
        const one = totalKg(
          processGas.calculate(release({ code: codeOf[sub], kgReleased: 1 }), context, sub),
        );
        const many = totalKg(
          processGas.calculate(release({ code: codeOf[sub], kgReleased: mass }), context, sub),
        );
        expect(many).toBeCloseTo(one * mass, 3);
        expect(one).toBe(sub === 'gases' ? 23_500 : 1_300);
      }),
    );
  });

  it('an override always wins, under the leaf of the sub-module (property)', () => {
    fc.assert(
      fc.property(subModule, kg, (sub, override) => {
        const result = calculateEntry(processGas, sub, release(), override, context);
        expect(result.emissions).toEqual([
          { emissionType: `process.${sub}`, kgCo2eq: override, factorIds: [] },
        ]);
        expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
      }),
    );
  });

  it('a code without factor is kept and flagged, never dropped (property)', () => {
    fc.assert(
      fc.property(
        subModule,
        fc
          .stringMatching(/^[A-Z][A-Z0-9]{0,9}$/)
          .filter(
            (code) => !['CO2', 'CH4', 'SF6', 'R134A', 'R410A'].includes(normaliseGasCode(code)),
          ),
        kg,
        (sub, code, mass) => {
          const result = calculateEntry(
            processGas,
            sub,
            release({ code, kgReleased: mass }),
            null,
            context,
          );
          expect(result.emissions).toEqual([]);
          expect(result.flags).toMatchObject([
            {
              code: 'missing-factor',
              factorSet: sub === 'gases' ? 'process-gases' : 'refrigerants',
              classification: { code },
            },
          ]);
        },
      ),
    );
  });
});
