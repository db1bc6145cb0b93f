import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';

/**
 * Cuts long synchronous work into slices of about `sliceMs`, so that the requests this
 * process serves next to a job wait at most that long. Records that a stream has already
 * buffered come through promise callbacks only, which never let the event loop run: an import
 * decoding a million rows would otherwise hold it for whole chunks of the file at a time.
 *
 *   if (slices.over()) await slices.yield();
 *
 * (A check, not an awaited call per row: an `await` costs even when it has nothing to wait for.)
 */
export class EventLoopSlices {
  private since = performance.now();

  constructor(private readonly sliceMs = 10) {}

  /** Whether the current slice is used up. */
  over(): boolean {
    return performance.now() - this.since >= this.sliceMs;
  }

  /** Lets the event loop run (timers, I/O, requests), then starts a new slice. */
  async yield(): Promise<void> {
    await setImmediate();
    this.since = performance.now();
  }
}
