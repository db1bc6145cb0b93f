// The server the browser tests run against: the production build (`npm run build`) on the
// embedded default, in a fresh data folder, so the demo institution is seeded anew each run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../api/dist/cli.js', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-e2e-'));
const port = process.env.E2E_PORT ?? '3210';

const server = spawn(process.execPath, [cli, 'serve'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: port,
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DEMO_SEED: 'auto',
    // The tests sign in many times from one address.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  },
});

function stop() {
  server.kill('SIGTERM');
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
