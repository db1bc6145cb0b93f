import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { canOnUnit } from '../units/access.js';
import type { RequestContext } from '../users/service.js';
import { getYear, moduleInUse } from '../years/service.js';
import { refreshAggregates } from './aggregates.js';
import { ensureReport } from './store.js';
import { reportModules, reports } from './table.js';
import type { ModuleStatusBody } from './contract.js';

/**
 * Why a module cannot be validated yet, if it cannot: results divide by the headcount, so a
 * headcount without FTE is incomplete. Other modules may be validated empty ("nothing to
 * report").
 */
async function incompleteness(
  tx: Database,
  reportId: string,
  module: string,
): Promise<string | undefined> {
  if (module !== 'headcount') return undefined;
  const [report] = await tx
    .select({ fte: reports.fte })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (!report?.fte || report.fte <= 0) {
    return 'The headcount has no FTE yet: add the members (or the students’ total FTE) first.';
  }
  return undefined;
}

/**
 * Sets a module's status. Validating needs the `validate` permission on the unit (principals)
 * and a complete module; reopening needs `edit` or `validate`. The report's validated sums
 * (what results show) follow in the same transaction. Audited.
 */
export async function setModuleStatus(
  db: Database,
  changes: ChangeFeed,
  principal: Principal,
  path: { unitId: string; year: number; module: string },
  body: ModuleStatusBody,
  context: RequestContext,
) {
  const action = body.status === 'validated' ? 'validate' : 'edit';
  const allowed =
    (await canOnUnit(db, principal, path.unitId, action, 'modules')) ||
    (action === 'edit' && (await canOnUnit(db, principal, path.unitId, 'validate', 'modules')));
  if (!allowed) {
    throw new HttpProblem({
      status: 403,
      detail:
        body.status === 'validated'
          ? 'Only the unit’s principals validate its modules.'
          : 'You may not reopen this module.',
    });
  }
  moduleInUse(await getYear(db, principal, path.year), path.module);

  await db.transaction(async (tx) => {
    const reportId = await ensureReport(tx, path.unitId, path.year);
    const [before] = await tx
      .select({ status: reportModules.status })
      .from(reportModules)
      .where(and(eq(reportModules.reportId, reportId), eq(reportModules.module, path.module)))
      .for('update');
    if (body.status === 'validated') {
      const reason = await incompleteness(tx, reportId, path.module);
      if (reason) throw new HttpProblem({ status: 409, detail: reason });
    }
    const validated = body.status === 'validated';
    await tx
      .insert(reportModules)
      .values({
        reportId,
        module: path.module,
        status: body.status,
        validatedBy: validated ? principal.userId : null,
        validatedAt: validated ? new Date() : null,
      })
      .onConflictDoUpdate({
        target: [reportModules.reportId, reportModules.module],
        set: {
          status: body.status,
          validatedBy: validated ? principal.userId : null,
          validatedAt: validated ? sql`now()` : null,
          updatedAt: sql`now()`,
        },
      });
    await refreshAggregates(tx, reportId, path.module);
    await recordAudit(tx, {
      action: validated ? 'module.validated' : 'module.reopened',
      outcome: 'success',
      actorId: principal.userId,
      actorLabel: principal.email,
      targetType: 'report-module',
      targetId: `${reportId}/${path.module}`,
      before: { status: before?.status ?? 'not_started' },
      after: { status: body.status },
      ...context,
    });
  });
  changes.announce(['reports', 'report_modules']);
}
