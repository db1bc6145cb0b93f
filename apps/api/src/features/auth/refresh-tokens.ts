import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { refreshTokens } from './table.js';

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
}

export type RotationOutcome =
  | { kind: 'rotated'; issued: IssuedRefreshToken }
  | { kind: 'reused'; userId: string; familyId: string }
  | { kind: 'invalid' };

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

interface Client {
  ip?: string;
  userAgent?: string;
}

async function insertToken(
  db: Database,
  userId: string,
  familyId: string,
  ttlHours: number,
  client: Client,
): Promise<IssuedRefreshToken> {
  // 256 random bits: guessing is hopeless, so a fast hash (not a password hash) is right here.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.insert(refreshTokens).values({
    familyId,
    userId,
    tokenHash: hashOf(token),
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 512),
  });
  return { token, familyId, userId, expiresAt };
}

/** Starts a sign-in session: a new token family. */
export function startRefreshFamily(db: Database, userId: string, ttlHours: number, client: Client) {
  return insertToken(db, userId, randomUUID(), ttlHours, client);
}

/**
 * Exchanges a refresh token for a new one of the same family. A token that was already
 * rotated is being replayed — by a thief or by its owner after theft — so the whole family is
 * revoked and both must sign in again.
 */
export async function rotateRefreshToken(
  db: Database,
  token: string,
  ttlHours: number,
  client: Client,
): Promise<RotationOutcome> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashOf(token)))
      .for('update');
    if (!current || current.revokedAt || current.expiresAt.getTime() <= Date.now()) {
      return { kind: 'invalid' } as const;
    }
    if (current.rotatedAt) {
      await revokeFamily(tx, current.familyId);
      return { kind: 'reused', userId: current.userId, familyId: current.familyId } as const;
    }
    await tx
      .update(refreshTokens)
      .set({ rotatedAt: sql`now()` })
      .where(eq(refreshTokens.id, current.id));
    const issued = await insertToken(tx, current.userId, current.familyId, ttlHours, client);
    return { kind: 'rotated', issued } as const;
  });
}

/** Ends a sign-in session: no token of the family refreshes any more. */
export async function revokeFamily(db: Database, familyId: string): Promise<number> {
  const revoked = await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return revoked.length;
}
