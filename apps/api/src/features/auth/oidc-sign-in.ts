import { eq, inArray, or } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { OidcConfig } from '../../platform/config/env.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { units } from '../units/table.js';
import type { RequestContext } from '../users/service.js';
import { replaceAssignments } from '../users/assignments.js';
import { users } from '../users/table.js';
import { claimValues, type CompiledRule, mapRoles } from './oidc-role-mapping.js';
import { type AuthDeps, type SessionUser, startSession } from './service.js';

export interface OidcSignInDeps extends AuthDeps {
  claimNames: OidcConfig['claims'];
  rules: CompiledRule[];
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Signs in the person the IdP vouched for: finds them by their IdP subject (or, the first
 * time, by e-mail when no other subject owns that account), creates them if new, refreshes
 * their name and e-mail, and replaces their IdP-sourced roles with what the claims grant
 * now. Roles from other sources are untouched.
 */
export async function signInWithClaims(
  deps: OidcSignInDeps,
  claims: Record<string, unknown>,
  context: RequestContext,
) {
  const subject = stringClaim(claims, deps.claimNames.subject);
  const email = stringClaim(claims, deps.claimNames.email)?.toLowerCase();
  if (!subject || !email) {
    throw new HttpProblem({
      status: 502,
      detail: `The identity provider sent no ${!subject ? deps.claimNames.subject : deps.claimNames.email} claim.`,
    });
  }
  const displayName = stringClaim(claims, deps.claimNames.name) ?? email;
  const values = claimValues(claims[deps.claimNames.roles]);

  const user = await deps.db.transaction(async (tx): Promise<SessionUser> => {
    const candidates = await tx
      .select()
      .from(users)
      .where(or(eq(users.institutionalId, subject), eq(users.email, email)));
    const bySubject = candidates.find((u) => u.institutionalId === subject);
    const byEmail = candidates.find((u) => u.email === email);
    // Linking by e-mail is for an account no IdP subject owns yet (created in the app or
    // before SSO). An address held by another subject's account (a recycled address, a
    // renamed person) must not hand that account, and its roles, to this one.
    if (byEmail && byEmail.id !== bySubject?.id && (bySubject || byEmail.institutionalId)) {
      throw new HttpProblem({
        status: 409,
        detail:
          'Your e-mail address belongs to another account here. An administrator must resolve this.',
      });
    }
    const existing = bySubject ?? byEmail;
    if (existing && !existing.active) {
      throw new HttpProblem({ status: 403, detail: 'This account has been deactivated.' });
    }
    const [row] = existing
      ? await tx
          .update(users)
          .set({ institutionalId: subject, email, displayName, updatedAt: new Date() })
          .where(eq(users.id, existing.id))
          .returning()
      : await tx.insert(users).values({ institutionalId: subject, email, displayName }).returning();

    const codes = new Set(
      values.flatMap((value) =>
        deps.rules.map(({ test }) => test(value)?.unitCode).filter((c): c is string => !!c),
      ),
    );
    const known = codes.size
      ? await tx
          .select({ id: units.id, code: units.code })
          .from(units)
          .where(inArray(units.code, [...codes]))
      : [];
    const { assignments, unknownUnits } = mapRoles(
      values,
      deps.rules,
      (code) => known.find((unit) => unit.code === code)?.id,
    );

    const change = await replaceAssignments(tx, {
      userId: row!.id,
      source: 'oidc',
      desired: assignments,
    });
    if (change.granted.length || change.revoked.length || unknownUnits.length) {
      await recordAudit(tx, {
        action: 'roles.synced',
        outcome: 'success',
        actorLabel: 'oidc',
        targetType: 'user',
        targetId: row!.id,
        before: change.before,
        after: assignments,
        details: { source: 'oidc', unknownUnits },
        ...context,
      });
    }
    return { id: row!.id, email: row!.email, displayName: row!.displayName };
  });

  return startSession(deps, user, context, 'oidc');
}
