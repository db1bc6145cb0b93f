// The server the browser tests run against, from the current sources: the web apps built by
// Vite into a temporary folder (unless WEB_DIST_DIR names a build), and the API run from its
// TypeScript on the embedded default, in a fresh data folder seeded with the demo institution.
// Beside it, the local OpenID provider of the compose stack (deploy/oidc), so "Sign in with…"
// is tested against a real provider: its development login form accepts any password.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

// The browser and the API reach the provider at the same address: the issuer is in every token.
const idpPort = String(Number(port) + 100);
const issuer = `http://127.0.0.1:${idpPort}`;
const clientSecret = randomBytes(24).toString('hex');
const redirectUri = `http://127.0.0.1:${port}/api/v1/auth/oidc/callback`;
const idp = spawn(process.execPath, [here('../../../deploy/oidc/server.mjs')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    ISSUER: issuer,
    PORT: idpPort,
    CLIENT_SECRET: clientSecret,
    REDIRECT_URI: redirectUri,
    PEOPLE: JSON.stringify({
      'principal@oidc.localhost': { name: 'Paul Principal', roles: ['CO2.Principal.L01'] },
    }),
  },
});

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
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'co2-calculator',
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_LABEL: 'the test provider',
      OIDC_ROLE_MAPPING: JSON.stringify([
        { match: '^CO2\\.Principal\\.(?<unit>[A-Z0-9-]+)$', role: 'principal' },
      ]),
      // Imports from a URL: the file server import-from-url.spec.ts starts, on E2E_PORT + 200.
      IMPORT_SOURCE_HOSTS: `127.0.0.1:${Number(port) + 200}`,
      // The tests sign in many times from one address.
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      // A test machine runs the browser, the server and its jobs on few cores: no 503s.
      OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    },
  },
);

function stop() {
  server.kill('SIGTERM');
  idp.kill('SIGTERM');
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  idp.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code ?? 0);
});
