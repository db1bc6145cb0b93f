import { z } from 'zod';
import { type CalculationFlag, missingReference, type References } from '../calculation.js';

/**
 * The currency of every monetary emission factor (sets `purchases` and `cloud`): factors are
 * kg CO2-eq per euro, and an amount in another currency is converted at the year's average
 * rate before it is multiplied. A set published in another currency is converted on import.
 */
export const FACTOR_CURRENCY = 'EUR';

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code');

/**
 * The year's average rate from `from` to `to` (units of `to` for one unit of `from`), from
 * rates quoted per euro as the exchange-rates file holds them (`unitsPerEur`; the euro is 1 by
 * definition). Undefined when either currency has no rate.
 */
export function rateViaEur(
  unitsPerEur: (currency: string) => number | undefined,
  from: string,
  to: string,
): number | undefined {
  const perEur = (currency: string) => (currency === FACTOR_CURRENCY ? 1 : unitsPerEur(currency));
  const fromPerEur = perEur(from);
  const toPerEur = perEur(to);
  return fromPerEur && toPerEur ? toPerEur / fromPerEur : undefined;
}

export type EurConversion = { ok: true; eur: number } | { ok: false; flag: CalculationFlag };

/**
 * `amount` in `currency` converted to euros at the year's average rate
 * (`references.exchangeRate(currency, 'EUR')`: euros for one unit of `currency`). Euros need no
 * rate; an unknown, non-finite or non-positive rate is a missing reference.
 */
export function toEur(amount: number, currency: string, references: References): EurConversion {
  if (currency === FACTOR_CURRENCY) return { ok: true, eur: amount };
  const rate = references.exchangeRate?.(currency, FACTOR_CURRENCY);
  if (rate === undefined || !Number.isFinite(rate) || rate <= 0) {
    return {
      ok: false,
      flag: missingReference(
        `exchange rate ${currency}>${FACTOR_CURRENCY}`,
        `No average ${currency} to ${FACTOR_CURRENCY} exchange rate for the year.`,
      ),
    };
  }
  return { ok: true, eur: amount * rate };
}
