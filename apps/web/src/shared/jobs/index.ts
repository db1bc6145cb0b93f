// Jobs in the browser, for every app that starts or watches background work (the Calculator's
// imports, the Team manager's and the Back office's import consoles):
// - uploadFile: a file to storage through a signed URL, with progress; returns the upload key.
// - downloadFile: a file only a signed-in user may fetch (template, error report), saved.
// - subscribeToJobs / jobStreamStatus / jobStreamDelivering: the live job events of the tab,
//   one shared connection, and whether they can be counted on (else poll).
// - useFollowedJob: one job and its pipeline, live, with catch-up reads and a polling fallback.
// - CsvFileInput, UploadStatus: the file picker of every import form, and its sending state.
// - JobProgress: the component showing a job (state, steps, rows, counts, error report);
//   JobStateBadge: a job's state in a list.
export { downloadFile, filenameOf, saveBlob } from './download';
export {
  jobStreamDelivering,
  jobStreamStatus,
  subscribeToJobs,
  type JobSubscriber,
} from './job-events';
export { openJobEventSource, type JobStreamStatus } from './job-event-source';
export {
  changedData,
  FINISHED_STATES,
  isFinished,
  JOB_COUNT_NAMES,
  JOB_PHASES,
  newerJob,
  type JobCountName,
  type JobPhase,
  type JobState,
} from './job-states';
export { uploadFile, type UploadOptions } from './upload';
export { useFollowedJob } from './use-followed-job';
export { useImportSubmission } from './use-import-submission';
export { JOB_STATE_LOOK } from './job-state-look';
export { default as CsvFileInput } from './CsvFileInput.vue';
export { default as JobProgress } from './JobProgress.vue';
export { default as UploadStatus } from './UploadStatus.vue';
export { default as JobStateBadge } from './JobStateBadge.vue';
