import type { Principal } from '../../platform/auth/principal.js';
import { createJob, type NewJob } from '../jobs/store.js';
import { claimUpload } from '../uploads/service.js';
import type { ImportDeps } from './service.js';
import { fileNameOf } from './source-url.js';

/** Where an import's file comes from: an upload, or a URL the worker fetches (checked). */
export type ImportSource = { uploadKey: string } | { url: URL };

/**
 * The last step of every import request, once its target-specific checks passed: claim the
 * uploaded file (owner, age, size, text), or note the URL to fetch, and queue the import job
 * on it. Answered with 202.
 */
export async function queueImport(
  deps: ImportDeps,
  principal: Principal,
  source: ImportSource,
  job: Omit<NewJob, 'kind' | 'fileKey' | 'filename' | 'createdBy'>,
) {
  const file =
    'url' in source
      ? { params: { ...job.params, sourceUrl: source.url.href }, filename: fileNameOf(source.url) }
      : await claimedUpload(deps, principal, source.uploadKey);
  const queued = await createJob(deps.db, {
    ...job,
    ...file,
    kind: 'import',
    createdBy: principal.userId,
  });
  return {
    jobId: queued.id,
    pipelineId: queued.pipelineId,
    links: { job: `/api/v1/jobs/${queued.id}`, events: '/api/v1/jobs/events' },
  };
}

async function claimedUpload(deps: ImportDeps, principal: Principal, uploadKey: string) {
  const upload = await claimUpload(
    deps.db,
    deps.store,
    uploadKey,
    principal.userId,
    deps.uploadMaxBytes,
  );
  return { fileKey: upload.key, filename: upload.filename };
}
