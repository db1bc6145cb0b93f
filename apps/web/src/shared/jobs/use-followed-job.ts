// Follows one job and the jobs its pipeline queues after it (an import queues the aggregation
// of the figures it changed), live through the job events, with the job read once through
// the API at each (re)connection, so that a page opened mid-job or a dropped stream catches
// up. While the stream is down the job is polled instead.
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { http } from '../api/http';
import type { Job } from '../api/types';
import { jobStreamDelivering, subscribeToJobs } from './job-events';
import { isFinished, type JobPhase, newerJob } from './job-states';

const POLL_MS = 3_000;

interface JobPage {
  items: Job[];
}

export function useFollowedJob() {
  const job = ref<Job>();
  /** The other jobs of the job's pipeline, in the order they were queued. */
  const followUps = ref<Job[]>([]);
  /** Why the job could not be read (e.g. 404): for the screen to show, with readProblem. */
  const loadError = shallowRef<unknown>();
  let followedId: string | undefined;
  let unsubscribe: (() => void) | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;

  const finished = computed(() => job.value !== undefined && isFinished(job.value));
  /** The job and everything its pipeline queued after it are finished. */
  const settled = computed(() => finished.value && followUps.value.every(isFinished));
  /** Where the pipeline is: the phase of the follow-up at work, else the job's own. */
  const phase = computed<JobPhase | null>(() => {
    const working = followUps.value.find((other) => !isFinished(other));
    if (finished.value && working) return working.phase ?? 'aggregate';
    return job.value?.phase ?? null;
  });

  function accept(candidate: Job): void {
    if (!followedId) return;
    if (candidate.id === followedId) {
      job.value = newerJob(job.value, candidate);
    } else if (job.value && candidate.pipelineId === job.value.pipelineId) {
      const index = followUps.value.findIndex((other) => other.id === candidate.id);
      if (index === -1) followUps.value = [...followUps.value, candidate];
      else followUps.value[index] = newerJob(followUps.value[index], candidate);
    }
  }

  /** Reads the job, and once it is finished the jobs it queued (queued before it finished). */
  async function refresh(): Promise<void> {
    const id = followedId;
    if (!id) return;
    try {
      const { data } = await http.get<Job>(`/jobs/${id}`);
      if (id !== followedId) return;
      const wasFinished = finished.value;
      accept(data);
      loadError.value = undefined;
      // Just finished: the watch below reads the pipeline. Finished before: read it here, as
      // polling has no events to tell of the follow-ups.
      if (wasFinished && !settled.value) await readPipeline(id, data.pipelineId);
    } catch (error) {
      if (id === followedId) loadError.value = error;
    }
  }

  async function readPipeline(id: string, pipelineId: string): Promise<void> {
    const { data } = await http.get<JobPage>('/jobs', {
      params: { pipelineId, sort: 'createdAt', pageSize: 50 },
    });
    if (id !== followedId) return;
    data.items.forEach(accept);
  }

  // The event saying the job finished may come before the events of what it queued.
  watch(finished, (now) => {
    if (now && followedId && job.value) {
      void readPipeline(followedId, job.value.pipelineId).catch(() => {});
    }
  });

  function poll(): void {
    if (followedId && !settled.value && !jobStreamDelivering()) void refresh();
  }

  /** Starts following `id` (and stops following the previous job). */
  async function follow(id: string): Promise<void> {
    stop();
    followedId = id;
    job.value = undefined;
    followUps.value = [];
    loadError.value = undefined;
    // An open stream calls `open` at once: that read is the starting state, not a second one.
    const start: { read?: Promise<void> } = {};
    unsubscribe = subscribeToJobs({ job: accept, open: () => (start.read = refresh()) });
    pollTimer = setInterval(poll, POLL_MS);
    await (start.read ?? refresh());
  }

  function stop(): void {
    unsubscribe?.();
    unsubscribe = undefined;
    clearInterval(pollTimer);
    followedId = undefined;
  }

  /** Cancels the job (DELETE /jobs/{id}); the API also drops what its pipeline had queued. */
  async function cancel(): Promise<void> {
    if (!followedId) return;
    const { data } = await http.delete<Job>(`/jobs/${followedId}`);
    accept(data);
  }

  onScopeDispose(stop);

  return { job, followUps, loadError, finished, settled, phase, follow, stop, cancel, refresh };
}
