import { type RoleAssignment, UNIT_ROLES } from '@co2-calculator/domain';
import { z } from 'zod';

/**
 * How the IdP's role or group claim becomes role assignments, configured as JSON in
 * OIDC_ROLE_MAPPING. A rule matches one claim value exactly, or, when `match` starts with `^`,
 * as a regular expression whose named group `unit` names the unit by its registry code:
 *
 *   [{ "match": "CO2.Admin", "role": "admin" },
 *    { "match": "^CO2\\.Principal\\.(?<unit>[A-Z0-9-]+)$", "role": "principal" },
 *    { "match": "6f1c…-group-object-id", "role": "backoffice", "unit": "SB" }]
 */
const ruleSchema = z.discriminatedUnion('role', [
  z.strictObject({ match: z.string().min(1), role: z.literal('admin') }),
  z.strictObject({
    match: z.string().min(1),
    role: z.enum(UNIT_ROLES),
    unit: z.string().min(1).optional().describe('unit code, unless the pattern captures `unit`'),
  }),
]);

export type RoleMappingRule = z.infer<typeof ruleSchema>;

export interface CompiledRule {
  rule: RoleMappingRule;
  test: (value: string) => { unitCode?: string } | undefined;
}

/** Parses and checks the rules once, at start-up: a broken mapping must not wait for a login. */
export function compileRoleMapping(json: string): CompiledRule[] {
  const rules = z.array(ruleSchema).parse(JSON.parse(json));
  return rules.map((rule) => {
    const literal = !rule.match.startsWith('^');
    // An exact value cannot capture a unit, so a unit role must name one.
    if (rule.role !== 'admin' && !rule.unit && (literal || !/\(\?<unit>/.test(rule.match))) {
      throw new Error(
        literal
          ? `rule ${rule.match} names no unit: add "unit"`
          : `rule ${rule.match} names no unit: add "unit" or a (?<unit>…) group`,
      );
    }
    if (literal) {
      return {
        rule,
        test: (value) =>
          value === rule.match ? { unitCode: 'unit' in rule ? rule.unit : undefined } : undefined,
      };
    }
    const pattern = new RegExp(rule.match);
    return {
      rule,
      test: (value) => {
        const match = pattern.exec(value);
        if (!match) return undefined;
        return { unitCode: match.groups?.unit ?? ('unit' in rule ? rule.unit : undefined) };
      },
    };
  });
}

/** Claim values as a list, whether the IdP sends an array, one string, or nothing. */
export function claimValues(claim: unknown): string[] {
  if (Array.isArray(claim))
    return claim.filter((value): value is string => typeof value === 'string');
  return typeof claim === 'string' ? [claim] : [];
}

/**
 * The assignments the claim values grant. Unit codes are resolved by `unitIdOf`; a value
 * naming an unknown unit grants nothing (and is reported, so the mapping can be fixed).
 */
export function mapRoles(
  values: string[],
  rules: CompiledRule[],
  unitIdOf: (code: string) => string | undefined,
): { assignments: RoleAssignment[]; unknownUnits: string[] } {
  const assignments = new Map<string, RoleAssignment>();
  const unknownUnits = new Set<string>();
  for (const value of values) {
    for (const { rule, test } of rules) {
      const hit = test(value);
      if (!hit) continue;
      if (rule.role === 'admin') {
        assignments.set('admin', { role: 'admin' });
        continue;
      }
      const unitId = hit.unitCode ? unitIdOf(hit.unitCode) : undefined;
      if (!unitId) {
        if (hit.unitCode) unknownUnits.add(hit.unitCode);
        continue;
      }
      assignments.set(`${rule.role}@${unitId}`, { role: rule.role, unitId });
    }
  }
  return { assignments: [...assignments.values()], unknownUnits: [...unknownUnits] };
}
