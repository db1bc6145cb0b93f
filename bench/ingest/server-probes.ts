import { readFile } from 'node:fs/promises';

/**
 * What the bench reads of the server process while it imports, through what any operator
 * has: its Prometheus metrics and the kernel's accounting of its memory.
 */

/**
 * Scrapes `/metrics` and returns the event-loop delay figures of prom-client's default
 * metrics. prom-client fills them from `perf_hooks.monitorEventLoopDelay` and resets that
 * histogram on every scrape, so a scrape covers exactly the time since the previous one:
 * scrape once to open a window, once more to read it (nothing else scrapes the bench's server).
 */
export async function eventLoopDelay(serverUrl: string): Promise<{ p99Ms: number; maxMs: number }> {
  const response = await fetch(`${serverUrl}/metrics`);
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  const gauge = (name: string) => {
    const match = text.match(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm'));
    if (!match) throw new Error(`/metrics has no ${name}`);
    return Number(match[1]) * 1000;
  };
  return {
    p99Ms: gauge('nodejs_eventloop_lag_p99_seconds'),
    maxMs: gauge('nodejs_eventloop_lag_max_seconds'),
  };
}

/** The process's peak resident set size since it started (`VmHWM`), in bytes (Linux). */
export async function peakRssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = status.match(/^VmHWM:\s+(\d+) kB$/m);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}
