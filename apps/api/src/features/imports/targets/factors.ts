import { classificationKey, factorCsvFormat, type FactorRow } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/query-rows.js';
import { type JobContext, PermanentJobError } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { recalculateAfterImport } from '../recalculation-follow-up.js';
import { runStagedImport, type TargetDeps } from '../staged-import.js';

/**
 * Imports one factor set of one year (format `factors-<set>`): upserts every row on the
 * factor identity (set, year, emission type, classification), flags the set's factors of the
 * year that the file leaves out as stale (never deleted: rows calculated with them keep
 * pointing at them) and un-stales those it lists again. Then the rows of the sub-modules
 * whose calculation reads the set are recalculated for the year, and the year aggregated.
 */
export async function importFactors(deps: TargetDeps, context: JobContext): Promise<Outcome> {
  const { job } = context;
  const factorSet = job.params.factorSet as string;
  const format = factorCsvFormat(factorSet);
  if (!format) throw new PermanentJobError(`Unknown factor set ${factorSet}.`);
  const year = job.year!;

  const { outcome, applied } = await runStagedImport<FactorRow>(deps, context, {
    format,
    identity: (row) => {
      const key = classificationKey(row.classification);
      const leaf = row.emissionType ? ` under ${row.emissionType}` : '';
      return { key: `${row.emissionType ?? ''}|${key}`, label: `the factor ${key}${leaf}` };
    },
    check: (row) => ({
      data: {
        emission_type: row.emissionType,
        classification: row.classification,
        classification_key: classificationKey(row.classification),
        values: row.values,
        unit: row.unit,
        source: row.source,
        citation: row.citation ?? null,
      },
    }),
    merge: async (tx, staged) => {
      // Unchanged factors are left alone: `updated` counts real changes (or un-staling).
      const [upserted] = await queryRows<{ inserted: number; updated: number }>(
        tx,
        sql`
        with written as (
          insert into factors as f (factor_set, year, emission_type, classification,
                                    classification_key, "values", unit, source, citation)
          select ${factorSet}, ${year}::int, r.emission_type, r.classification,
                 r.classification_key, r."values", r.unit, r.source, r.citation
            from ${staged} s
            cross join lateral jsonb_to_record(s.data) as r(
              emission_type text, classification jsonb, classification_key text,
              "values" jsonb, unit text, source text, citation text)
          on conflict on constraint factors_identity do update
             set classification = excluded.classification, "values" = excluded."values",
                 unit = excluded.unit, source = excluded.source, citation = excluded.citation,
                 stale = false, imported_at = now()
           where f.stale
              or (f.classification, f."values", f.unit, f.source, f.citation)
                 is distinct from (excluded.classification, excluded."values", excluded.unit,
                                   excluded.source, excluded.citation)
          returning (xmax = 0) as inserted)
        select count(*) filter (where inserted)::int as inserted,
               count(*) filter (where not inserted)::int as updated
          from written`,
      );
      const [flagged] = await queryRows<{ stale: number }>(
        tx,
        sql`
        with flagged as (
          update factors f set stale = true
           where f.factor_set = ${factorSet} and f.year = ${year} and not f.stale
             and not exists (
               select 1 from ${staged} s
                where s.data->>'classification_key' = f.classification_key
                  and (s.data->>'emission_type') is not distinct from f.emission_type)
          returning 1)
        select count(*)::int as stale from flagged`,
      );
      return { ...upserted!, stale: flagged!.stale };
    },
    tables: ['factors'],
    refuseEmpty: `The file holds no valid factor, and a factor file is the whole set of ${factorSet} for ${year}.`,
  });
  if (applied) await recalculateAfterImport(context, [year], format.subModules);
  return outcome;
}
