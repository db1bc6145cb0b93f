import { MODULE_IDS } from '@co2-calculator/domain';
import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { canOnUnit } from '../units/access.js';
import { getYear } from '../years/service.js';
import type { Report } from './contract.js';
import { reportModules, reports } from './table.js';

/** A unit's report for a year: status, completion, and each enabled module with its sums. */
export async function getReport(
  db: Database,
  principal: Principal,
  unitId: string,
  year: number,
): Promise<Report> {
  const allowed = await canOnUnit(db, principal, unitId, 'view', 'modules');
  if (!allowed)
    throw new HttpProblem({ status: 403, detail: 'You may not see this unit’s report.' });
  const setting = await getYear(db, principal, year);

  const [report] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.unitId, unitId), eq(reports.year, year), eq(reports.kind, 'official')));
  const stored = report
    ? await db.select().from(reportModules).where(eq(reportModules.reportId, report.id))
    : [];
  // A module without settings for the year is in use.
  const modules = MODULE_IDS.filter(
    (module) => setting.modules.find((candidate) => candidate.module === module)?.enabled ?? true,
  ).map((module) => {
    const row = stored.find((candidate) => candidate.module === module);
    return {
      module,
      status: row?.status ?? ('not_started' as const),
      totalKgCo2eq: row?.totalKg ?? 0,
      entries: row?.stats?.entries ?? 0,
      flagged: row?.stats?.flagged ?? 0,
      byEmissionType: row?.stats?.byEmissionType ?? {},
    };
  });
  const validated = modules.filter((module) => module.status === 'validated').length;
  return {
    unitId,
    year,
    status:
      modules.length > 0 && validated === modules.length
        ? 'validated'
        : modules.every((module) => module.status === 'not_started')
          ? 'not_started'
          : 'in_progress',
    completion: { validated, enabled: modules.length },
    totalKgCo2eq: report?.totalKg ?? 0,
    validatedKgCo2eq: report?.validatedKg ?? 0,
    fte: report?.fte ?? null,
    modules,
  };
}
