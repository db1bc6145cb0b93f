// What every import form does around its own fields: download a template, put the chosen
// file in storage through a signed URL (with its progress), start the import, and say why
// when any of it fails. "Stop" aborts the upload and the request; a stop is no failure.
import { computed, ref } from 'vue';
import { http } from '../api/http';
import { readProblem, type ReadableProblem } from '../api/problem';
import type { ImportAccepted, ImportRequest } from '../api/types';
import { downloadFile } from './download';
import { uploadFile } from './upload';

export interface ImportSubmissionMessages {
  templateFailed(): string;
  failed(): string;
}

export function useImportSubmission(messages: ImportSubmissionMessages) {
  const stage = ref<'idle' | 'uploading' | 'starting'>('idle');
  const uploaded = ref(0);
  const problem = ref<ReadableProblem>();
  const downloadingTemplate = ref(false);
  const busy = computed(() => stage.value !== 'idle');
  let abort: AbortController | undefined;

  /** GET /templates/{name}.csv, saved as `{name}.csv`. */
  async function downloadTemplate(name: string): Promise<void> {
    problem.value = undefined;
    downloadingTemplate.value = true;
    try {
      await downloadFile(`/templates/${name}.csv`, `${name}.csv`);
    } catch (error) {
      problem.value = readProblem(error, messages.templateFailed());
    } finally {
      downloadingTemplate.value = false;
    }
  }

  /** Puts `file` in storage; resolves with its key for the import request. */
  async function upload(file: File, signal: AbortSignal): Promise<string> {
    stage.value = 'uploading';
    uploaded.value = 0;
    return uploadFile(file, { signal, onProgress: (fraction) => (uploaded.value = fraction) });
  }

  /**
   * Starts the import `request` builds (after an upload, if it makes one); resolves with the
   * job's id, or nothing when it failed (the problem is shown) or was stopped.
   */
  async function start(
    request: (signal: AbortSignal) => Promise<ImportRequest>,
  ): Promise<string | undefined> {
    problem.value = undefined;
    abort = new AbortController();
    stage.value = 'starting';
    try {
      const body = await request(abort.signal);
      stage.value = 'starting';
      const { data } = await http.post<ImportAccepted>('/imports', body, {
        signal: abort.signal,
      });
      return data.jobId;
    } catch (error) {
      if (!abort.signal.aborted) problem.value = readProblem(error, messages.failed());
      return undefined;
    } finally {
      stage.value = 'idle';
      abort = undefined;
    }
  }

  const stop = () => abort?.abort();

  return {
    stage,
    uploaded,
    problem,
    downloadingTemplate,
    busy,
    downloadTemplate,
    start,
    upload,
    stop,
  };
}
