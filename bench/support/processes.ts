import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts a TypeScript entry point in its own process, as the product would run; `nodeArgs`
 * go to Node itself (e.g. `--cpu-prof` to profile the server under load).
 */
export function startProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
) {
  const node = [...nodeArgs, '--conditions=source', '--import', 'tsx'];
  return spawn(process.execPath, [...node, script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * Resolves with the URL a process prints after `label` once it listens (e.g. "running at");
 * its other output is discarded.
 */
export function urlPrintedBy(child: ChildProcess, label: string): Promise<string> {
  const pattern = new RegExp(`${label} (http://[\\w.:\\[\\]-]+)`);
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      if (buffered === undefined) return;
      buffered += chunk.toString();
      const match = buffered.match(pattern);
      if (match) {
        resolve(match[1]!);
        buffered = undefined as unknown as string;
      } else if (buffered.length > 1_000_000) {
        buffered = buffered.slice(-1000);
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited with ${code} before listening`)));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
