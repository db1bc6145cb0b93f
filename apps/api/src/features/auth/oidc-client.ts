import * as client from 'openid-client';
import type { OidcConfig } from '../../platform/config/env.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Loopback, or a `*.localhost` name (RFC 6761: never a host on the internet; the compose stack). */
function isLocalHost(hostname: string) {
  return LOOPBACK.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * The relying party of the institution's IdP. Discovery happens at the first sign-in, not at
 * start-up, so an IdP outage does not stop the API; a failed discovery is retried next time.
 */
export function oidcRelyingParty(config: OidcConfig) {
  let discovered: Promise<client.Configuration> | undefined;

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(new URL(config.issuer), config.clientId, undefined, clientAuth(), {
        // openid-client insists on HTTPS; an IdP on this very machine (development, tests, the
        // compose stack) is the one exception allowed.
        execute: isLocalHost(new URL(config.issuer).hostname) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  function clientAuth() {
    return config.clientSecret ? client.ClientSecretPost(config.clientSecret) : client.None();
  }

  return {
    label: config.label,

    /** Where to send the browser, and what to remember until it comes back. */
    async authorizationRequest() {
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUri,
        scope: config.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, verifier, state, nonce };
    },

    /** Checks the callback against what was remembered, redeems the code, returns the ID token claims. */
    async redeem(
      callbackQuery: string,
      expected: { verifier: string; state: string; nonce: string },
    ) {
      const callbackUrl = new URL(config.redirectUri);
      callbackUrl.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: expected.verifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the IdP returned no ID token');
      return claims as Record<string, unknown>;
    },
  };
}

export type OidcRelyingParty = ReturnType<typeof oidcRelyingParty>;
