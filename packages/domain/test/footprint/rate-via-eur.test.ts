import { describe, expect, it } from 'vitest';
import { rateViaEur } from '../../src/index.js';

/** Rates as the exchange-rates file gives them: units of the currency for one euro. */
const unitsPerEur: Record<string, number> = { CHF: 0.94, USD: 1.08 };
const rate = (from: string, to: string) => rateViaEur((c) => unitsPerEur[c], from, to);

describe('rateViaEur', () => {
  it('converts through the euro, which is 1 by definition', () => {
    expect(rate('CHF', 'EUR')).toBeCloseTo(1 / 0.94, 12);
    expect(rate('EUR', 'USD')).toBe(1.08);
    expect(rate('CHF', 'USD')).toBeCloseTo(1.08 / 0.94, 12);
    expect(rate('EUR', 'EUR')).toBe(1);
  });

  it('has no rate when either currency has none', () => {
    expect(rate('GBP', 'EUR')).toBeUndefined();
    expect(rate('EUR', 'GBP')).toBeUndefined();
    expect(rate('CHF', 'GBP')).toBeUndefined();
  });
});
