import {
  carKgPerKm,
  carKmEquivalent,
  itFocusKg,
  perFte,
  tonnes,
  yearOverYear,
} from '@co2-calculator/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { QueryCache } from '../../platform/cache/query-cache.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import type { CalculationContexts } from '../entries/calculation-context.js';
import { canOnUnit } from '../units/access.js';
import { selectYears } from '../years/queries.js';
import { seesClosedYears } from '../years/service.js';
import { years } from '../years/table.js';
import type { Results } from './contract.js';
import { reportModules, reports } from './table.js';

/**
 * A unit's results for a year, from the stored sums of its validated modules: totals by
 * scope, category, module and emission type, per FTE, against the previous year and across
 * years. Nothing is summed over rows here.
 */
export function resultsReader(db: Database, changes: ChangeFeed, contexts: CalculationContexts) {
  // Results change only when a report's sums, a year or a factor does: between two such
  // commits every reader of a unit's year gets the same answer, from memory.
  const cache = new QueryCache<Results>(changes, {
    tables: ['reports', 'report_modules', 'years', 'year_modules', 'factors'],
    maxSize: 20_000,
  });
  return async (principal: Principal, unitId: string, year: number): Promise<Results> => {
    if (!(await canOnUnit(db, principal, unitId, 'view', 'results'))) {
      throw new HttpProblem({ status: 403, detail: 'You may not see this unit’s results.' });
    }
    const includeClosed = seesClosedYears(principal);
    return cache.get(`${unitId}/${year}/${includeClosed}`, () =>
      loadResults(db, contexts, unitId, year, includeClosed),
    );
  };
}

async function loadResults(
  db: Database,
  contexts: CalculationContexts,
  unitId: string,
  year: number,
  includeClosed: boolean,
): Promise<Results> {
  const [setting] = await selectYears(db, { includeClosed, year });
  if (!setting) throw notFound(`Year ${year} does not exist.`);

  const visibleYears = includeClosed
    ? undefined
    : (await db.select({ year: years.year }).from(years).where(eq(years.open, true))).map(
        (row) => row.year,
      );
  const history = await db
    .select({
      id: reports.id,
      year: reports.year,
      validatedKg: reports.validatedKg,
      fte: reports.fte,
      stats: reports.stats,
    })
    .from(reports)
    .where(
      and(
        eq(reports.unitId, unitId),
        eq(reports.kind, 'official'),
        visibleYears ? inArray(reports.year, visibleYears.length ? visibleYears : [-1]) : undefined,
      ),
    )
    .orderBy(asc(reports.year));
  const current = history.find((report) => report.year === year);
  const modules = current
    ? await db
        .select({ module: reportModules.module, totalKg: reportModules.totalKg })
        .from(reportModules)
        .where(and(eq(reportModules.reportId, current.id), eq(reportModules.status, 'validated')))
        .orderBy(asc(reportModules.module))
    : [];
  const total = current?.validatedKg ?? 0;
  const previous = history.find((report) => report.year === year - 1);
  const byEmissionType = current?.stats?.byEmissionType ?? {};
  const { factors } = await contexts(year);

  return {
    unitId,
    year,
    totalKgCo2eq: total,
    totalTCo2eq: tonnes(total),
    fte: current?.fte ?? null,
    perFteKgCo2eq: current?.fte ? perFte(total, current.fte) : null,
    byScope: current?.stats?.byScope ?? {},
    byCategory: current?.stats?.byCategory ?? {},
    byModule: Object.fromEntries(modules.map((module) => [module.module, module.totalKg])),
    byEmissionType,
    itFocusKgCo2eq: itFocusKg(byEmissionType),
    carKmEquivalent: carKmEquivalent(total, carKgPerKm(factors)),
    validatedModules: modules.map((module) => module.module) as Results['validatedModules'],
    previousYear: previous
      ? {
          year: previous.year,
          totalKgCo2eq: previous.validatedKg,
          changePercent: yearOverYear(total, previous.validatedKg),
        }
      : null,
    evolution: history.map((report) => ({ year: report.year, totalKgCo2eq: report.validatedKg })),
  };
}
