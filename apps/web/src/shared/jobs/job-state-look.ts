// How each state of a job looks, the same in every screen that lists or follows jobs.
import {
  matCancel,
  matCheckCircle,
  matError,
  matHourglassEmpty,
  matWarning,
} from '@quasar/extras/material-icons';
import type { JobState } from './job-states';

/**
 * A Quasar colour name; no icon for `running`, which shows a spinner instead. Each colour is
 * also text on white (the badge, the state's name), so it keeps 4.5:1 (WCAG AA).
 */
export const JOB_STATE_LOOK: Record<JobState, { icon?: string; color: string }> = {
  queued: { icon: matHourglassEmpty, color: 'grey-8' },
  running: { color: 'primary' },
  succeeded: { icon: matCheckCircle, color: 'green-9' },
  warning: { icon: matWarning, color: 'deep-orange-10' },
  failed: { icon: matError, color: 'red-9' },
  cancelled: { icon: matCancel, color: 'grey-8' },
};
