import { EXCHANGE_RATES_CSV, type ExchangeRateRow, FACTOR_CURRENCY } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/query-rows.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { subModulesReading } from '../reference-readers.js';
import { recalculateAfterImport } from '../recalculation-follow-up.js';
import { type MergeCounts, runStagedImport, type TargetDeps } from '../staged-import.js';

/**
 * Imports the average exchange rates of one year: upserts on (year, currency); rates the file
 * leaves out stay. Then the rows that convert amounts to euros (purchases, cloud) are
 * recalculated for the year, and the year aggregated.
 */
export async function importExchangeRates(deps: TargetDeps, context: JobContext): Promise<Outcome> {
  const year = context.job.year!;
  const { outcome, applied } = await runStagedImport<ExchangeRateRow>(deps, context, {
    format: EXCHANGE_RATES_CSV,
    identity: (row) => ({ key: row.currency, label: `the currency ${row.currency}` }),
    check: (row) =>
      // Factors are per euro: the euro's own rate is 1 by definition, never read.
      row.currency === FACTOR_CURRENCY && row.unitsPerEur !== 1
        ? { reason: `unitsPerEur: one ${FACTOR_CURRENCY} is 1 ${FACTOR_CURRENCY}` }
        : {
            data: { currency: row.currency, units_per_eur: row.unitsPerEur, source: row.source },
          },
    merge: async (tx, staged) => {
      const [counts] = await queryRows<MergeCounts>(
        tx,
        sql`
        with written as (
          insert into exchange_rates as e (year, currency, units_per_eur, source)
          select ${year}::int, r.currency, r.units_per_eur, r.source
            from ${staged} s
            cross join lateral jsonb_to_record(s.data)
              as r(currency text, units_per_eur double precision, source text)
          on conflict (year, currency) do update
             set units_per_eur = excluded.units_per_eur, source = excluded.source
           where (e.units_per_eur, e.source) is distinct from (excluded.units_per_eur, excluded.source)
          returning (xmax = 0) as inserted)
        select count(*) filter (where inserted)::int as inserted,
               count(*) filter (where not inserted)::int as updated
          from written`,
      );
      return counts!;
    },
    tables: ['exchange_rates'],
  });
  if (applied) await recalculateAfterImport(context, [year], subModulesReading.exchangeRates);
  return outcome;
}
