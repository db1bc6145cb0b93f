import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { base64url, calculateJwkThumbprint, exportJWK, importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments } from '../src/features/users/table.js';
import { auditRowsAfter, lastAuditId } from './support/audit.js';
import { createUser, signIn, type TestUser } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Forged and broken access tokens, each aimed at a write (granting admin to a victim) with
 * the admin's identity: every one gets a 401 problem and an audit row, and changes nothing.
 */
const ISSUER = 'http://localhost:3000';
const AUDIENCE = 'co2-calculator-api';

function keyPair() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
  return { pem, publicPem };
}

const ours = keyPair();
let kid: string;
let testDb: TestDatabase;
let app: FastifyInstance;
let admin: TestUser;
let victim: TestUser;
let sessionId: string;

beforeAll(async () => {
  kid = await calculateJwkThumbprint(await exportJWK(createPublicKey(ours.pem)));
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle, { env: { JWT_PRIVATE_KEY: ours.pem } });
  admin = await createUser(testDb.handle.db, 'root@test.example', [{ role: 'admin' }]);
  victim = await createUser(testDb.handle.db, 'victim@test.example');
  const { accessToken } = await signIn(app, admin.email);
  sessionId = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()).sid;
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

interface Forge {
  key?: string;
  alg?: string;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  iat?: number;
  nbf?: number;
  exp?: number;
  issuer?: string;
  audience?: string;
}

async function forge(options: Forge = {}) {
  const now = Math.floor(Date.now() / 1000);
  const key = await importPKCS8(options.key ?? ours.pem, 'EdDSA');
  return new SignJWT({ sid: sessionId, ...options.claims })
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt', ...options.header })
    .setSubject(admin.id)
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(options.iat ?? now)
    .setNotBefore(options.nbf ?? now)
    .setExpirationTime(options.exp ?? now + 600)
    .sign(key);
}

function unsigned(header: object, payload: object, signature = '') {
  const encode = (part: object) => base64url.encode(JSON.stringify(part));
  return `${encode(header)}.${encode(payload)}.${signature}`;
}

async function hs256WithPublicKey() {
  const now = Math.floor(Date.now() / 1000);
  const secret = new TextEncoder().encode(ours.publicPem);
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
    .setSubject(admin.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(secret);
}

const now = () => Math.floor(Date.now() / 1000);
const other = keyPair();

const attacks: [string, () => Promise<string>, string][] = [
  [
    'an expired token',
    () => forge({ iat: now() - 3600, nbf: now() - 3600, exp: now() - 60 }),
    'expired',
  ],
  ['a token not valid yet', () => forge({ nbf: now() + 3600 }), 'nbf'],
  ['a token for another audience', () => forge({ audience: 'some-other-api' }), 'aud'],
  ['a token from another issuer', () => forge({ issuer: 'https://evil.example' }), 'iss'],
  ['an ID token passed as an access token', () => forge({ header: { typ: 'JWT' } }), 'typ'],
  [
    'alg: none',
    async () =>
      unsigned(
        { alg: 'none', typ: 'at+jwt', kid },
        {
          sub: admin.id,
          sid: sessionId,
          iss: ISSUER,
          aud: AUDIENCE,
          iat: now(),
          nbf: now(),
          exp: now() + 600,
        },
      ),
    'algorithm',
  ],
  ['HS256 signed with our public key', hs256WithPublicKey, 'algorithm'],
  ['a token signed by another key under our kid', () => forge({ key: other.pem }), 'signature'],
  ['a token naming an unknown key', () => forge({ header: { kid: 'not-our-key' } }), 'unknown key'],
  ['a truncated token', async () => (await forge()).slice(0, -10), ''],
  [
    'a token without its signature',
    async () => (await forge()).split('.').slice(0, 2).join('.') + '.',
    '',
  ],
  ['garbage', async () => 'not.a.jwt', ''],
  ['a token without a session id', () => forge({ claims: { sid: undefined } }), ''],
];

describe('access tokens', () => {
  it('a genuine token works (control)', async () => {
    const response = await app.inject({
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${await forge()}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.id).toBe(admin.id);
  });

  it.each(attacks)(
    'rejects %s: 401 problem, audit row, nothing changed',
    async (_name, make, reason) => {
      const token = await make();
      const before = await lastAuditId(testDb.handle.db);
      const response = await app.inject({
        method: 'PUT',
        url: `/api/v1/users/${victim.id}/roles`,
        headers: { authorization: `Bearer ${token}` },
        payload: { roles: [{ role: 'admin' }] },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      const granted = await testDb.handle.db
        .select()
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, victim.id));
      expect(granted).toEqual([]);
      const audit = await auditRowsAfter(testDb.handle.db, before);
      expect(audit.map((row) => [row.action, row.outcome])).toEqual([
        ['auth.token_rejected', 'failure'],
      ]);
      expect(String((audit[0]!.details as { reason: string }).reason)).toContain(reason);
    },
  );

  it('rejects a missing or non-Bearer Authorization header without auditing noise', async () => {
    for (const authorization of [undefined, 'Basic cm9vdDpwdw==', 'Bearer', 'Bearer a b']) {
      const response = await app.inject({
        url: '/api/v1/session',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode).toBe(401);
    }
  });

  it('accepts tokens of a previous key during a rotation, and only when configured', async () => {
    const previous = keyPair();
    const previousKid = await calculateJwkThumbprint(
      await exportJWK(createPublicKey(previous.pem)),
    );
    const token = await forge({ key: previous.pem, header: { kid: previousKid } });
    const request = { url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } };
    expect((await app.inject(request)).statusCode).toBe(401);

    const rotated = await buildTestApp(testDb.handle, {
      env: { JWT_PRIVATE_KEY: ours.pem, JWT_PREVIOUS_PUBLIC_KEYS: previous.publicPem },
    });
    try {
      expect((await rotated.inject(request)).statusCode).toBe(200);
    } finally {
      await rotated.close();
    }
  });

  it('issues tokens that expire within 15 minutes, with a kid and the pinned type', async () => {
    const { accessToken } = await signIn(app, admin.email);
    const [header, payload] = accessToken
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'EdDSA', kid, typ: 'at+jwt' });
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900);
    expect(payload).toMatchObject({ sub: admin.id, iss: ISSUER, aud: AUDIENCE });
    expect(typeof payload.jti).toBe('string');
  });
});
