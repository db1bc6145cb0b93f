import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations; the few members used are typed below
import OidcProvider from 'oidc-provider';

/**
 * A real OpenID provider (panva's oidc-provider) on loopback, for end-to-end tests of the
 * authorisation-code flow. Its sign-in page is replaced by an endpoint that signs in whoever
 * the test chose with `signInAs` and consents to what was asked, so `authorize` can walk the
 * whole flow with fetch, as a browser would, without one.
 */

/** What the IdP says about a person; `roles` is released with the `profile` scope. */
export interface TestAccount {
  sub: string;
  email: string;
  name: string;
  roles: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The OIDC_* variables that point the API at this provider. */
  env: Record<string, string>;
  /** Who signs in at the next interaction; `null` makes the person refuse (access_denied). */
  signInAs(account: TestAccount | null): void;
  /**
   * Follows an authorisation URL through the provider, with a fresh cookie jar (no earlier
   * IdP session), until the provider redirects to the client's redirect URI; returns that URL.
   */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

// The members of oidc-provider's API used here.
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}
interface Interaction {
  uid: string;
  prompt: {
    name: string;
    details: {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
  };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
interface InteractionResult {
  login?: { accountId: string };
  consent?: { grantId: string };
  error?: string;
  error_description?: string;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: InteractionResult,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
}
type ProviderConstructor = new (issuer: string, configuration: object) => Provider;
const Provider = OidcProvider as ProviderConstructor;

const INTERACTION_PATH = /^\/interaction\/([\w-]+)$/;

export async function startOidcProvider(
  options: { redirectUri?: string; clientId?: string; clientSecret?: string } = {},
): Promise<TestIdentityProvider> {
  const redirectUri = options.redirectUri ?? 'http://localhost:3000/api/v1/auth/oidc/callback';
  const clientId = options.clientId ?? 'co2-calculator';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('hex');
  const accounts = new Map<string, TestAccount>();
  let next: TestAccount | null = null;

  // The issuer names the port, which is known once listening: the server delegates.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const cookieOptions = { httpOnly: true, sameSite: 'lax', secure: false };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
            format: 'jwk',
          }),
          kid: 'test-signing-key',
          use: 'sig',
          alg: 'RS256',
        },
      ],
    },
    cookies: {
      keys: [randomBytes(32).toString('hex')],
      long: cookieOptions,
      short: cookieOptions,
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'roles'],
    },
    // Scope claims go into the ID token too, not only to the userinfo endpoint.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ ...account, email_verified: true }),
      };
    },
  });

  async function interact(req: IncomingMessage, res: ServerResponse) {
    const { prompt, params, session, grantId } = await provider.interactionDetails(req, res);
    if (prompt.name === 'login') {
      const result: InteractionResult = next
        ? { login: { accountId: next.sub } }
        : { error: 'access_denied', error_description: 'The person declined to sign in.' };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    if (prompt.name !== 'consent' || !session?.accountId) {
      throw new Error(`unexpected prompt ${prompt.name}`);
    }
    const grant =
      (grantId ? await provider.Grant.find(grantId) : undefined) ??
      new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  const providerCallback = provider.callback();
  handle = (req, res) => {
    if (req.method === 'GET' && INTERACTION_PATH.test(req.url ?? '')) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain');
        res.end(error instanceof Error ? error.message : String(error));
      });
      return;
    }
    providerCallback(req, res);
  };

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
      PUBLIC_URL: new URL(redirectUri).origin,
    },
    signInAs(account) {
      if (account) accounts.set(account.sub, { ...account, roles: [...account.roles] });
      next = account;
    },
    async authorize(authorizationUrl) {
      const jar = new CookieJar();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop++) {
        if (url.href.startsWith(`${redirectUri}?`)) return url;
        if (url.origin !== issuer) throw new Error(`redirected away from the IdP to ${url.href}`);
        const response = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: jar.header(url) },
        });
        jar.store(url, response.headers.getSetCookie());
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || !location) {
          throw new Error(
            `the IdP answered ${response.status} at ${url.pathname}: ${await response.text()}`,
          );
        }
        await response.body?.cancel();
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the IdP');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** Just enough of a browser's cookie handling for one host: names, paths and deletion. */
class CookieJar {
  readonly #cookies = new Map<string, { name: string; value: string; path: string }>();

  store(url: URL, setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const attributeValue = rest.join('=');
        switch (key.toLowerCase()) {
          case 'path':
            path = attributeValue || '/';
            break;
          case 'expires':
            expired ||= Date.parse(attributeValue) <= Date.now();
            break;
          case 'max-age':
            expired ||= Number(attributeValue) <= 0;
            break;
        }
      }
      const key = `${name};${path}`;
      if (expired) this.#cookies.delete(key);
      else this.#cookies.set(key, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.#cookies.values()]
      .filter(
        ({ path }) =>
          url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`),
      )
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
  }
}
