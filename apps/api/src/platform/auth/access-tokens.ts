import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { JWT_ALGORITHM, type SigningKeys } from './signing-keys.js';

export const ACCESS_TOKEN_AUDIENCE = 'co2-calculator-api';
const TOKEN_TYPE = 'at+jwt'; // RFC 9068: an access token cannot pass for an ID token

export interface AccessTokenClaims {
  /** The user id. */
  sub: string;
  /** The refresh-token family (the sign-in session) the token was issued for. */
  sid: string;
}

export interface AccessTokenIssuer {
  issue(claims: AccessTokenClaims): Promise<{ accessToken: string; expiresIn: number }>;
  /** Resolves the claims of a valid token; rejects with InvalidTokenError otherwise. */
  verify(token: string): Promise<AccessTokenClaims>;
  /** The claims of a token already verified and not expired since; never verifies. */
  peek(token: string): AccessTokenClaims | undefined;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid access token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim} rejected`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown key';
  if (error instanceof errors.JOSEError) return error.code;
  return 'malformed';
}

/**
 * Short-lived access JWTs. Verification pins everything an attacker could choose: the
 * algorithm (no `none`, no HMAC with the public key), the key (by `kid`, among our own), the
 * issuer, the audience, the token type and the validity window.
 */
export function accessTokenIssuer(
  keys: SigningKeys,
  options: { issuer: string; ttlSeconds: number },
): AccessTokenIssuer {
  // A signature check costs more than everything else a cached read does, and a client sends
  // the same token with every request until it expires: remember tokens found valid, by their
  // exact text, until their own expiry. Rejections are never remembered.
  const verified = new LRUCache<string, { claims: AccessTokenClaims; expiresAt: number }>({
    max: 20_000,
  });

  return {
    async issue(claims) {
      const accessToken = await new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: JWT_ALGORITHM, kid: keys.kid, typ: TOKEN_TYPE })
        .setSubject(claims.sub)
        .setIssuer(options.issuer)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${options.ttlSeconds}s`)
        .setJti(randomUUID())
        .sign(keys.privateKey);
      return { accessToken, expiresIn: options.ttlSeconds };
    },

    peek(token) {
      const known = verified.get(token);
      return known && known.expiresAt > Date.now() ? known.claims : undefined;
    },

    async verify(token) {
      const known = this.peek(token);
      if (known) return known;
      try {
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const key = header.kid ? keys.publicKeys.get(header.kid) : undefined;
            if (!key) throw new errors.JWKSNoMatchingKey();
            return key;
          },
          {
            algorithms: [JWT_ALGORITHM],
            issuer: options.issuer,
            audience: ACCESS_TOKEN_AUDIENCE,
            typ: TOKEN_TYPE,
            requiredClaims: ['sub', 'sid', 'exp', 'nbf', 'iat'],
            clockTolerance: 5,
          },
        );
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
          throw new InvalidTokenError('claims malformed');
        }
        const claims = { sub: payload.sub, sid: payload.sid };
        verified.set(token, { claims, expiresAt: (payload.exp ?? 0) * 1000 });
        return claims;
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        throw new InvalidTokenError(reasonOf(error));
      }
    },
  };
}
