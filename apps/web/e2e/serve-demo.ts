// The server the browser tests run against, from the current sources: the web apps built by
// Vite into a temporary folder (unless WEB_DIST_DIR names a build), and the API run from its
// TypeScript on the embedded default, in a fresh data folder seeded with the demo institution.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'co2-e2e-'));
const port = process.env.E2E_PORT ?? '3210';

let webDist = process.env.WEB_DIST_DIR;
if (!webDist) {
  webDist = path.join(scratch, 'web');
  await build({
    configFile: here('../vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webDist, emptyOutDir: true },
  });
}

const server = spawn(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', here('../../api/src/cli.ts'), 'serve'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: port,
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: path.join(scratch, 'data'),
      WEB_DIST_DIR: webDist,
      DEMO_SEED: 'auto',
      // The tests sign in many times from one address.
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    },
  },
);

function stop() {
  server.kill('SIGTERM');
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code ?? 0);
});
