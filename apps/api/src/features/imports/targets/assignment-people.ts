import { randomUUID } from 'node:crypto';
import type { RoleAssignmentRow } from '@co2-calculator/domain';
import type { DecodedRow } from '../read-rows.js';

/** A user a file's e-mail or institutional id may designate. */
export interface KnownUser {
  id: string;
  email: string;
  institutionalId: string | null;
}

/** Who the rows of a role-assignments file are, and what that takes. */
export interface PeoplePlan {
  /** The user of each accepted row's e-mail. */
  userIdOf: Map<string, string>;
  /** People not known yet, created as the registry sync creates them. */
  created: { id: string; email: string; institutional_id: string | null; display_name: string }[];
  /** Users found by e-mail who get the file's institutional id. */
  linked: { id: string; institutional_id: string }[];
  rejected: { row: DecodedRow<RoleAssignmentRow>; reason: string }[];
}

interface Person {
  email: string;
  institutionalId?: string;
  /** The line that gave the institutional id. */
  idLine?: number;
  displayName?: string;
  rows: DecodedRow<RoleAssignmentRow>[];
}

/**
 * Finds the people of a role-assignments file as the registry sync does: by institutional id,
 * else by e-mail; a person not known yet is created (so that their roles hold at their first
 * sign-in), one found by e-mail without an institutional id is given the file's. A person is
 * one e-mail with at most one institutional id: rows that contradict this (in the file, or
 * with the database) are refused rather than guessed at.
 */
export function planPeople(
  rows: readonly DecodedRow<RoleAssignmentRow>[],
  known: readonly KnownUser[],
): PeoplePlan {
  const plan: PeoplePlan = { userIdOf: new Map(), created: [], linked: [], rejected: [] };
  const people = new Map<string, Person>();
  const idOwners = new Map<string, Person>();
  for (const row of rows) {
    const { email, institutionalId, displayName } = row.value;
    const person = people.get(email) ?? { email, rows: [] };
    people.set(email, person);
    if (institutionalId !== undefined) {
      const owner = idOwners.get(institutionalId);
      if (person.institutionalId !== undefined && person.institutionalId !== institutionalId) {
        plan.rejected.push({
          row,
          reason: `institutionalId: ${email} has the institutional id ${person.institutionalId} on line ${person.idLine}`,
        });
        continue;
      }
      if (owner !== undefined && owner !== person) {
        plan.rejected.push({
          row,
          reason: `institutionalId: ${institutionalId} is the id of ${owner.email} on line ${owner.idLine}`,
        });
        continue;
      }
      person.institutionalId = institutionalId;
      person.idLine ??= row.line;
      idOwners.set(institutionalId, person);
    }
    person.displayName ??= displayName;
    person.rows.push(row);
  }

  const byEmail = new Map(known.map((user) => [user.email, user]));
  const byInstitutionalId = new Map(
    known.flatMap((user) => (user.institutionalId ? [[user.institutionalId, user] as const] : [])),
  );
  const claimedBy = new Map<string, string>(); // user id → e-mail of the file
  const refuse = (person: Person, reason: string) =>
    person.rows.forEach((row) => plan.rejected.push({ row, reason }));
  for (const person of people.values()) {
    if (person.rows.length === 0) continue;
    const found =
      (person.institutionalId && byInstitutionalId.get(person.institutionalId)) ||
      byEmail.get(person.email);
    if (!found) {
      const id = randomUUID();
      plan.created.push({
        id,
        email: person.email,
        institutional_id: person.institutionalId ?? null,
        display_name: person.displayName ?? person.email,
      });
      plan.userIdOf.set(person.email, id);
      continue;
    }
    if (
      person.institutionalId &&
      found.institutionalId &&
      found.institutionalId !== person.institutionalId
    ) {
      refuse(
        person,
        `institutionalId: ${person.email} has the institutional id ${found.institutionalId} in the app`,
      );
      continue;
    }
    const other = claimedBy.get(found.id);
    if (other !== undefined) {
      refuse(person, `email: ${person.email} and ${other} are the same user (${found.email})`);
      continue;
    }
    claimedBy.set(found.id, person.email);
    if (person.institutionalId && !found.institutionalId) {
      plan.linked.push({ id: found.id, institutional_id: person.institutionalId });
    }
    plan.userIdOf.set(person.email, found.id);
  }
  plan.rejected.sort((a, b) => a.row.line - b.row.line);
  return plan;
}
