import {
  type CalculationResult,
  EMISSION_TYPES,
  type EmissionLine,
  type ModuleId,
} from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';

/** An entry whose emissions were just calculated, as the set-based writes take it. */
export interface CalculatedEntry {
  id: string;
  reportId: string;
  module: ModuleId | string;
  result: CalculationResult;
}

/**
 * An emission line as the columns of `emissions` it fills (scope and category from the
 * taxonomy), named as the set-based writes unpack them with `jsonb_to_recordset`.
 */
export function emissionColumns(line: EmissionLine) {
  return {
    emission_type: line.emissionType,
    scope: EMISSION_TYPES[line.emissionType].scope,
    category: EMISSION_TYPES[line.emissionType].category,
    kg_co2eq: line.kgCo2eq,
    quantity: line.quantity?.value ?? null,
    quantity_unit: line.quantity?.unit ?? null,
    factor_ids: line.factorIds,
  };
}

const kgOf = (result: CalculationResult) =>
  result.emissions.reduce((sum, line) => sum + line.kgCo2eq, 0);

/**
 * Replaces the emissions of a set of entries and their stored sums (kg, flags) with three
 * statements, whatever the size of the set: the rows travel as one JSON parameter, unpacked
 * by `jsonb_to_recordset`, so no statement hits the bind-parameter limit.
 */
export async function writeCalculatedEntries(tx: Database, entries: CalculatedEntry[]) {
  if (entries.length === 0) return;
  const ids = entries.map((entry) => entry.id);
  await tx.execute(sql`delete from emissions where entry_id = any(${sql.param(ids)}::uuid[])`);
  const lines = entries.flatMap((entry) =>
    entry.result.emissions.map((line) => ({
      entry_id: entry.id,
      report_id: entry.reportId,
      module: entry.module,
      ...emissionColumns(line),
    })),
  );
  if (lines.length > 0) {
    await tx.execute(sql`
      insert into emissions (entry_id, report_id, module, emission_type, scope, category,
                             kg_co2eq, quantity, quantity_unit, factor_ids)
      select entry_id, report_id, module, emission_type, scope, category, kg_co2eq, quantity,
             quantity_unit, array(select jsonb_array_elements_text(factor_ids))
        from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as x(
          entry_id uuid, report_id uuid, module text, emission_type text, scope smallint,
          category text, kg_co2eq float8, quantity float8, quantity_unit text, factor_ids jsonb)`);
  }
  const sums = entries.map((entry) => ({
    id: entry.id,
    kg: kgOf(entry.result),
    flags: entry.result.flags,
  }));
  await tx.execute(sql`
    update data_entries d set kg_co2eq = x.kg, flags = x.flags, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(sums)}::jsonb) as x(id uuid, kg float8, flags jsonb)
     where d.id = x.id`);
}
