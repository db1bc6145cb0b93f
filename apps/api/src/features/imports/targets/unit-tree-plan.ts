import { randomUUID } from 'node:crypto';
import type { UnitRow, UnitType } from '@co2-calculator/domain';
import type { DecodedRow } from '../read-rows.js';

/** A unit as stored, as far as a units file sets it. */
export interface StoredUnit {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
  level: number;
  parentId: string | null;
  type: UnitType;
  active: boolean;
}

/** What a units file does to the tree. */
export interface UnitTreePlan {
  /** New units, by level (index 1–4), so parents are written before their children. */
  inserts: StoredUnit[][];
  /** Changed units, by level. */
  updates: StoredUnit[][];
  /** Active units the file leaves out: deactivated, never deleted. */
  deactivate: StoredUnit[];
  /** Rows refused for their place in the tree. */
  rejected: { row: DecodedRow<UnitRow>; reason: string }[];
}

const byLevel = () => [[], [], [], [], []] as StoredUnit[][];

const sameUnit = (a: StoredUnit, b: StoredUnit) =>
  a.nameEn === b.nameEn &&
  a.nameFr === b.nameFr &&
  a.level === b.level &&
  a.parentId === b.parentId &&
  a.type === b.type &&
  a.active === b.active;

/**
 * Plans what a units file (a whole snapshot of the tree) changes. Each row's parent must be a
 * unit of the file at a lower level (levels strictly fall towards the root, so the tree can
 * hold no cycle), or an existing unit whose own row did not decode, which is left as it is.
 * Rows are placed level by level, so a row whose parent was refused is refused in turn.
 * Units the file does not name at all are deactivated; those it names in refused rows (the
 * codes of rows that did not decode are `named`) are left alone: a typo in a row must not
 * hide a unit from entry.
 */
export function planUnitTree(
  rows: readonly DecodedRow<UnitRow>[],
  existing: readonly StoredUnit[],
  named: ReadonlySet<string>,
): UnitTreePlan {
  const stored = new Map(existing.map((unit) => [unit.code, unit]));
  const inFile = new Map(rows.map((row) => [row.value.code, row.value]));
  const placed = new Map<string, StoredUnit>();
  const plan: UnitTreePlan = {
    inserts: byLevel(),
    updates: byLevel(),
    deactivate: [],
    rejected: [],
  };

  /** The parent a row may be placed under, or why not. */
  const parentOf = (unit: UnitRow): { id: string } | { reason: string } => {
    const code = unit.parentCode!;
    const notAbove = (level: number) => ({
      reason: `parentCode: ${code} is at level ${level}, not above level ${unit.level}`,
    });
    const rejected = { reason: `parentCode: the row of ${code} was rejected` };
    const parent = placed.get(code);
    if (parent) return parent.level < unit.level ? parent : notAbove(parent.level);
    const listed = inFile.get(code);
    // Rows are placed by level: a parent listed above this one's level was refused.
    if (listed) return listed.level < unit.level ? rejected : notAbove(listed.level);
    const current = stored.get(code);
    if (named.has(code)) {
      // Its own row did not decode: it stays as it is, and may stay a parent.
      if (!current) return rejected;
      return current.level < unit.level ? current : notAbove(current.level);
    }
    if (current) return { reason: `parentCode: ${code} is not in the file, which deactivates it` };
    return { reason: `parentCode: no unit has the code "${code}"` };
  };

  const ordered = [...rows].sort((a, b) => a.value.level - b.value.level || a.line - b.line);
  for (const row of ordered) {
    const unit = row.value;
    let parentId: string | null = null;
    if (unit.parentCode !== undefined) {
      const parent = parentOf(unit);
      if ('reason' in parent) {
        plan.rejected.push({ row, reason: parent.reason });
        continue;
      }
      parentId = parent.id;
    }
    const current = stored.get(unit.code);
    const next: StoredUnit = {
      id: current?.id ?? randomUUID(),
      code: unit.code,
      nameEn: unit.nameEn,
      nameFr: unit.nameFr,
      level: unit.level,
      parentId,
      type: unit.type,
      active: unit.active,
    };
    placed.set(unit.code, next);
    if (!current) plan.inserts[unit.level]!.push(next);
    else if (!sameUnit(current, next)) plan.updates[unit.level]!.push(next);
  }
  plan.rejected.sort((a, b) => a.row.line - b.row.line);
  plan.deactivate = existing.filter(
    (unit) => unit.active && !inFile.has(unit.code) && !named.has(unit.code),
  );
  return plan;
}
