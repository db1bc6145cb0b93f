// A local OpenID provider (panva's oidc-provider, as in the API's tests) for trying the
// "Sign in with …" flow of the compose stack. Its built-in development login form accepts any
// password: never expose it beyond this machine, never use it in production.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

function required(name) {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} is required\n`);
    process.exit(1);
  }
  return value;
}

// The browser and the API must reach the provider at the same URL: the issuer is part of every
// token. docker-compose.yml gives the container the name oidc.localhost, which browsers resolve
// to this machine, where the port is published.
const issuer = process.env.ISSUER ?? 'http://oidc.localhost:9400';
const port = Number(process.env.PORT || new URL(issuer).port || 80);

// Who may sign in (any password), and the app roles released in the `roles` claim; the API's
// OIDC_ROLE_MAPPING turns them into roles. Unit codes are those of the demo institution.
const people = JSON.parse(
  process.env.PEOPLE ??
    JSON.stringify({
      'admin@oidc.localhost': { name: 'Ada Admin', roles: ['CO2.Admin'] },
      'officer@oidc.localhost': { name: 'Olga Officer', roles: ['CO2.Backoffice.SCI'] },
      'principal@oidc.localhost': { name: 'Paul Principal', roles: ['CO2.Principal.L01'] },
      'member@oidc.localhost': { name: 'Mia Member', roles: [] },
    }),
);

// Secure cookies need HTTPS, which this local provider does not serve.
const cookieOptions = { httpOnly: true, sameSite: 'lax', secure: false };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID ?? 'co2-calculator',
      client_secret: required('CLIENT_SECRET'),
      redirect_uris: [required('REDIRECT_URI')],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  // A new signing key at every start: earlier tokens die with the container, as they should.
  jwks: {
    keys: [
      {
        ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
        kid: 'local',
        use: 'sig',
        alg: 'RS256',
      },
    ],
  },
  cookies: { keys: [randomBytes(32).toString('hex')], long: cookieOptions, short: cookieOptions },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'roles'],
  },
  // Scope claims go into the ID token, which is what the API reads.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  // The development login and consent pages (enabled by default; said here on purpose).
  features: { devInteractions: { enabled: true } },
  findAccount: (_ctx, id) => {
    const email = id.toLowerCase();
    const person = people[email] ?? { name: email.split('@')[0], roles: [] };
    return {
      accountId: email,
      claims: () => ({
        sub: email,
        email,
        email_verified: true,
        name: person.name,
        roles: person.roles,
      }),
    };
  },
});

const server = provider.listen(port, () => {
  process.stdout.write(`Local OpenID provider at ${issuer} (any password signs in)\n`);
});
// `docker compose stop` sends SIGTERM; as PID 1, Node.js would otherwise ignore it.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
