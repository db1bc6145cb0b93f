import type { SubModuleId } from '@co2-calculator/domain';
import { recordAudit } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { createJob } from '../jobs/store.js';
import type { RequestContext } from '../users/service.js';
import { getYear } from '../years/service.js';

/**
 * Queues the recalculation of a year's rows (one sub-module's, or all) with the factors as
 * they are now, then, as every recalculation does, the aggregation of the year. What an admin
 * runs after correcting reference data by hand, or to check a factor set's effect again.
 */
export async function requestRecalculation(
  db: Database,
  principal: Principal,
  request: { year: number; subModule?: SubModuleId },
  context: RequestContext,
) {
  await getYear(db, principal, request.year);
  return db.transaction(async (tx) => {
    const job = await createJob(tx, {
      kind: 'recalculate',
      target: 'factors',
      year: request.year,
      ...(request.subModule ? { subModule: request.subModule } : {}),
      createdBy: principal.userId,
    });
    await recordAudit(tx, {
      action: 'factors.recalculation_requested',
      outcome: 'success',
      actorId: principal.userId,
      actorLabel: principal.email,
      targetType: 'year',
      targetId: String(request.year),
      details: { subModule: request.subModule ?? null, jobId: job.id },
      ...context,
    });
    return { jobId: job.id, pipelineId: job.pipelineId };
  });
}
