// The job events of the whole tab through one connection, however many screens follow jobs:
// the first subscriber opens it, the last one to leave closes it. Screens that only need the
// current state of a job list can subscribe here and patch their rows with each event.
import { readonly, ref } from 'vue';
import type { Job } from '../api/types';
import { type JobEventSource, type JobStreamStatus, openJobEventSource } from './job-event-source';

export interface JobSubscriber {
  /** Each change of a job the user may see, as the job's whole current state. */
  job(job: Job): void;
  /** The stream is (again) open: re-read what may have changed while it was not. */
  open?(): void;
}

const subscribers = new Set<JobSubscriber>();
const status = ref<JobStreamStatus>('closed');
let statusSince = Date.now();
let source: JobEventSource | undefined;

/**
 * A stream still connecting is given this long: Node sends the response's headers with its
 * first byte, so a stream with nothing to say yet looks "connecting" until the server's first
 * heartbeat (15 s) or job event.
 */
const CONNECTING_GRACE_MS = 20_000;

/** Whether live updates arrive, for screens to show. */
export const jobStreamStatus = readonly(status);

/** Whether events can be counted on; screens that follow a job poll it when not. */
export function jobStreamDelivering(): boolean {
  if (status.value === 'open') return true;
  return status.value === 'connecting' && Date.now() - statusSince < CONNECTING_GRACE_MS;
}

function setStatus(value: JobStreamStatus): void {
  if (value !== status.value) statusSince = Date.now();
  status.value = value;
}

/** Follows the job events; returns the function that stops following them. */
export function subscribeToJobs(subscriber: JobSubscriber): () => void {
  subscribers.add(subscriber);
  if (!source) {
    source = openJobEventSource({
      onJob: (job) => subscribers.forEach((s) => s.job(job)),
      onOpen: () => subscribers.forEach((s) => s.open?.()),
      onStatus: setStatus,
    });
  } else if (status.value === 'open') {
    // Already open: the newcomer reads its starting state now rather than at the next reopen.
    subscriber.open?.();
  }
  return () => {
    if (!subscribers.delete(subscriber) || subscribers.size > 0) return;
    source?.close();
    source = undefined;
  };
}
