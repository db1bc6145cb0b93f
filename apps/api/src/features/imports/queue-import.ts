import type { Principal } from '../../platform/auth/principal.js';
import { createJob, type NewJob } from '../jobs/store.js';
import { claimUpload } from '../uploads/service.js';
import type { ImportDeps } from './service.js';

/**
 * The last step of every import request, once its target-specific checks passed: claim the
 * uploaded file (owner, age, size, text) and queue the import job on it. Answered with 202.
 */
export async function queueImport(
  deps: ImportDeps,
  principal: Principal,
  uploadKey: string,
  job: Omit<NewJob, 'kind' | 'fileKey' | 'filename' | 'createdBy'>,
) {
  const upload = await claimUpload(
    deps.db,
    deps.store,
    uploadKey,
    principal.userId,
    deps.uploadMaxBytes,
  );
  const queued = await createJob(deps.db, {
    ...job,
    kind: 'import',
    fileKey: upload.key,
    filename: upload.filename,
    createdBy: principal.userId,
  });
  return {
    jobId: queued.id,
    pipelineId: queued.pipelineId,
    links: { job: `/api/v1/jobs/${queued.id}`, events: '/api/v1/jobs/events' },
  };
}
